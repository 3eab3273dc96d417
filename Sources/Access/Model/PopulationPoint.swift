import Geo

/// People living at one place (an address, a grid cell, a PC4/PC6 area
/// reduced to its point on surface). Location in EPSG:28992 metres.
public struct PopulationPoint: Sendable, Hashable {
    public var id: String
    public var location: Coordinate
    public var inhabitants: Double
    /// Inhabitants aged 65 and over, when known.
    public var inhabitants65plus: Double?
    /// The point's postcode (PC6 or PC4), when known: from its id or a
    /// postcode field, or from `--postcode-areas`. Decides eligibility.
    public var postcode: Postcode?

    public init(id: String, location: Coordinate, inhabitants: Double, inhabitants65plus: Double? = nil) {
        self.id = id
        self.location = location
        self.inhabitants = inhabitants
        self.inhabitants65plus = inhabitants65plus
    }
}
