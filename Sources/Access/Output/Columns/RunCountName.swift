/// The keys of run.json's `counts` that a reader of the output folder uses
/// (the report's summary), written and read through the same names.
public enum RunCount: String, Sendable {
    case populationPoints = "population_points", inhabitants, practices, openPractices = "open_practices", regions
    case flaggedRegions = "flagged_regions"
}

extension RunReport {
    /// The figure counted under `key`, nil when the run did not count it.
    public func count(_ key: RunCount) -> Double? { counts[key.rawValue] }
}
