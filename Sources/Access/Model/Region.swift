import Geo

/// A region people are counted in: a municipality, wijk, buurt or any
/// polygon. Geometry is polygonal, in EPSG:28992 metres.
public struct Region: Sendable, Hashable {
    public var id: String
    public var name: String
    public var geometry: Geometry
    /// Policy designation such as "krimpregio" or "anticipeerregio".
    public var designation: String?
    /// People without a GP, when a table of them was joined (`--unregistered`).
    public var unregistered: Double?

    public init(id: String, name: String, geometry: Geometry, designation: String? = nil) {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.designation = designation
    }
}
