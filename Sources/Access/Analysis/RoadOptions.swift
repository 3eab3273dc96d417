/// How road-network access is computed: which modes, how far points may be
/// from a road, and the time bands reported per mode.
public struct RoadOptions: Codable, Sendable {
    /// Modes to route, in order; the first also gives `road_m` (shortest
    /// road distance, as CBS measures it).
    public var modes: [TravelMode] = [.car]
    /// Points farther than this from a road usable by the mode are reported
    /// unreachable instead of being snapped across water or fields.
    public var maxSnapM: Double = 1_000
    /// Minute bands per mode for `share_within_<n>min_<mode>`.
    public var minuteBands: [TravelMode: [Double]] = [.car: [5, 10, 15], .bicycle: [15, 30], .foot: [15, 30]]
    /// Layer and CRS of a plain line layer (NWB, Shapefile, ...).
    public var layer: String?
    public var crs: String?
    /// Speed overrides in profile-file syntax (`car.residential = 30`).
    public var profileOverrides: String?

    public init() {}

    public func bands(_ mode: TravelMode) -> [Double] { minuteBands[mode] ?? [] }
}

extension TravelMode: Codable {}

/// Dictionaries keyed by mode are written (run.json) with the mode's name as key.
extension TravelMode: CodingKeyRepresentable {
    private struct NameKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public var codingKey: any CodingKey { NameKey(stringValue: name) }
    public init?<T: CodingKey>(codingKey: T) { self.init(name: codingKey.stringValue) }
}
