/// What reading one input did: where it came from, how many features were
/// used, and every skip with its reason. Goes into `run.json` and the summary.
public struct InputReport: Codable, Sendable {
    public var role: String
    public var path: String
    public var layer: String
    public var driver: String
    public var sha256: String?
    public var crs: String
    /// "file", "--crs" or "detected".
    public var crsSource: String
    public var features: Int
    public var used: Int
    /// Skipped features per reason.
    public var skipped: [String: Int]
    /// The first few skipped or repaired features, with what was wrong.
    public var examples: [String]
    public var warnings: [String]
    /// Field used for each role, e.g. "inhabitants" → "aantal_inwoners".
    public var fields: [String: String]
    /// How each number column was read: "typed number (not re-parsed)", or
    /// the format decided from all its text values (or `--decimal-separator`).
    public var numberFormats: [String: String]?
    /// The columns coordinates were read from, when the layer has no geometry.
    public var coordinateFields: [String: String]?
    /// The join of a table to geometry by key (`--population-geometry`).
    public var join: JoinReport?
    /// Practices per geocode precision (coordinates, pc6, pc4, none).
    public var geocoding: [String: Int]?
    /// Eligibility areas of partial practices (issue 13; practices input).
    public var eligibility: EligibilityReport?
    /// Where the points' postcodes came from (population input).
    public var postcodes: PostcodeReport?
    /// The status history and its as-of date (status history input).
    public var statusHistory: StatusHistoryReport?
    /// Population ids that occur on more than one row (each row kept as a
    /// point; see the warning). Absent when every id is unique.
    public var repeatedIDs: Int? = nil

    public var skippedTotal: Int { skipped.values.reduce(0, +) }
}

/// How a table was joined to geometry by key: what matched, and the first
/// unmatched keys on either side.
public struct JoinReport: Codable, Sendable {
    public var geometryPath: String
    public var tableKey: String
    public var geometryKey: String
    public var rule: String
    public var matched: Int
    public var unmatchedTableRows: Int
    public var unmatchedTableExamples: [String]
    public var unmatchedGeometryFeatures: Int
    public var unmatchedGeometryExamples: [String]
}

/// Counts skipped features per reason and keeps the first examples; with
/// `strict` the first problem is thrown instead.
final class SkipLog {
    let path: String
    let strict: Bool
    private(set) var counts: [String: Int] = [:]
    private(set) var examples: [String] = []
    var warnings: [String] = []

    init(path: String, strict: Bool) {
        self.path = path
        self.strict = strict
    }

    /// Records a skipped feature, or throws `error` in strict mode.
    func skip(_ reason: String, feature: Int, detail: String, error: InputError) throws {
        if strict { throw error }
        counts[reason, default: 0] += 1
        if examples.count < 10 { examples.append("feature \(feature): \(detail)") }
    }

    /// Records an example of something repaired (kept, but changed); the
    /// caller counts repairs itself.
    func note(feature: Int, detail: String) {
        if examples.count < 10 { examples.append("feature \(feature): \(detail)") }
    }

    var total: Int { counts.values.reduce(0, +) }
}
