/// What the eligibility inputs did (issue 13), in `run.json` under the
/// practices' input: where each practice's area came from and what was
/// left out.
public struct EligibilityReport: Codable, Sendable, Equatable {
    /// The practice list's postcode-list field, when there is one.
    public var field: String?
    /// `--eligibility FILE`, when given.
    public var file: String?
    /// Practices with a postcode list read from the field.
    public var fromField = 0
    /// Practices with polygons from the file.
    public var fromFile = 0
    /// Practices with both: the file's polygons win.
    public var fileOverField = 0
    /// Lists that could not be read and were left out (practice kept).
    public var unreadableLists = 0
    /// Polygons of the file for a practice id not in the practice list.
    public var unknownPracticeIDs = 0
    public var unknownPracticeIDExamples: [String] = []
    /// Practices whose area is ignored because, as of the date, they are
    /// open, closed or unknown rather than partial.
    public var ignoredNotPartial = 0
    /// Partial practices that accept only from their area…
    public var restrictedPractices = 0
    /// …and partial practices without an area (the `--partial` rule applies).
    public var partialWithoutArea = 0
    /// Points without a postcode, when some practice has a postcode list:
    /// no such practice accepts them.
    public var pointsWithoutPostcode: Int?
    public var inhabitantsWithoutPostcode: Double?

    public init() {}
}

/// Where the population points' postcodes came from, in `run.json` under
/// the population input.
public struct PostcodeReport: Codable, Sendable, Equatable {
    /// "field pc6", "id (pc4)", or "none".
    public var source: String
    public var fromFieldOrID = 0
    /// Values that do not read as a postcode (point kept without one).
    public var unreadable = 0
    public var unreadableExamples: [String] = []
    /// Empty values.
    public var empty = 0
    /// `--postcode-areas FILE` and the points it gave a postcode.
    public var areasFile: String?
    public var fromAreas = 0
    public var outsideAreas = 0

    public init(source: String) { self.source = source }
}

/// The status history and the date it was applied at, in `run.json` under
/// the history's input.
public struct StatusHistoryReport: Codable, Sendable, Equatable {
    public var asOf: String
    /// "--as-of" or "today" (a trend: its last date).
    public var asOfSource: String
    public var rows = 0
    public var rowsUsed = 0
    /// Identical rows (same practice, date, status and list) dropped.
    public var duplicatesDropped = 0
    /// Rows for a practice id not in the practice list (skipped).
    public var unknownPracticeIDs = 0
    public var unknownPracticeIDExamples: [String] = []
    public var earliest: String?
    public var latest: String?
    /// Practices whose status as of `asOf` came from the history.
    public var practicesFromHistory = 0

    public init(asOf: String, asOfSource: String) {
        self.asOf = asOf
        self.asOfSource = asOfSource
    }
}
