import Geo

/// Whether a practice takes new patients.
public enum PracticeStatus: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    /// Accepts new patients.
    case open
    /// Partial patient stop: only under conditions (family, a postcode area).
    case partial
    /// Full patient stop or closed.
    case closed
    /// No status known.
    case unknown
}

/// How a practice's location was found.
public enum GeocodePrecision: String, Sendable, CaseIterable, Codable {
    /// From the practice list's own geometry or coordinate columns.
    case coordinates
    /// The point of its six-character postcode (`--postcode-points`).
    case pc6
    /// The point of its four-digit postcode area.
    case pc4
    /// Not placed: such a practice is skipped and counted, never analysed.
    case none
}

/// A GP practice (huisartsenpraktijk). Location in EPSG:28992 metres.
public struct Practice: Sendable, Hashable {
    public var id: String
    public var name: String
    public var location: Coordinate
    public var status: PracticeStatus
    /// When the status was observed (free text, e.g. "2025-01-15").
    public var statusDate: String?
    /// Where the status comes from (e.g. "website", "zorgverzekeraar").
    public var statusSource: String?
    /// Full-time-equivalent GPs working in the practice.
    public var gpFTE: Double?
    /// Registered patients, when known.
    public var listSize: Int?
    /// Year the practice's GP is expected to retire (from a retirement year,
    /// a birth year + 68, or the GP's age), for the outflow indicator.
    public var expectedRetirementYear: Int?
    /// How the location was found.
    public var geocodePrecision: GeocodePrecision = .coordinates
    /// For a partial stop: the area it still accepts new patients from
    /// (nil: not known; then the `--partial` rule decides).
    public var eligibility: EligibilityArea?

    public init(id: String, name: String, location: Coordinate, status: PracticeStatus,
                statusDate: String? = nil, statusSource: String? = nil,
                gpFTE: Double? = nil, listSize: Int? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.status = status
        self.statusDate = statusDate
        self.statusSource = statusSource
        self.gpFTE = gpFTE
        self.listSize = listSize
    }
}
