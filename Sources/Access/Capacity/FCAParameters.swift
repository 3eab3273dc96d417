/// How competition-aware access (`fca_per_10k`) is computed.
public struct FCAParameters: Codable, Sendable {
    public var method: FCAMethod = .twoStep
    /// Catchment in km: straight line without roads, road length with roads
    /// (unless a time catchment is given for the mode).
    public var catchmentKm: Double = 5
    /// Catchment in minutes per travel mode (e.g. car: 10); with roads, the
    /// first mode's entry makes the catchment a travel time.
    public var catchmentMinutes: [TravelMode: Double] = [:]
    /// Supply: GP FTE of open practices only (default), or of every practice.
    public var openOnly = true

    public init() {}
}
