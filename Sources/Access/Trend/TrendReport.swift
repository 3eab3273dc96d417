/// run.json of `bereik trend`: the dates, the history behind them and how
/// many practices took their status from it on each date.
public struct TrendReport: Codable, Sendable {
    public var from: String
    public var to: String
    public var step: String
    public var dates: [String]
    public var statusHistory: String?
    public var historyRows: Int
    /// Per date: practices whose status came from the history.
    public var practicesFromHistory: [String: Int]
    public var distanceBasis: String
    public var flagKm: Double
    /// Regions flagged on at least one date (they get a chart of their own).
    public var flaggedRegions: [String]
    public var note: String
}
