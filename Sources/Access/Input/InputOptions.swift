/// How the user wants inputs read: field names, layers, CRS and the policy
/// for statuses and bad rows.
public struct InputOptions: Sendable {
    public var idField: String?
    public var nameField: String?
    public var inhabitantsField: String?
    public var inhabitants65Field: String?
    public var statusField: String?
    public var fteField: String?
    public var listSizeField: String?
    public var regionIDField: String?
    public var regionNameField: String?
    public var designationField: String?
    public var populationLayer: String?
    public var practicesLayer: String?
    public var regionsLayer: String?
    /// CRS for sources that have none (CSV), e.g. "EPSG:28992".
    public var crs: String?
    /// How a practice with no status counts.
    public var unknownStatus: PracticeStatus = .closed
    /// How a partial patient stop counts (open only when asked).
    public var partialCounts: PracticeStatus = .closed
    /// Reject instead of skip or repair.
    public var strict = false

    public init() {}
}
