/// `run.json`: what was run, on which files, with which parameters, what was
/// skipped or warned about, and how long each step took.
public struct RunReport: Codable, Sendable {
    public var tool = "bereik"
    public var version = BereikVersion.current
    public var command: [String]
    public var startedAt: String
    /// True when the inputs are the embedded synthetic example data.
    public var syntheticData: Bool
    public var dataNote: String?
    public var analysisCRS = "EPSG:28992 (Amersfoort / RD New), metres"
    public var geojsonCRS = "EPSG:4326 (WGS84 lon/lat, RFC 7946)"
    public var method = RunReport.straightLine
    public var inputs: [InputReport]
    /// The road network read and what routing did, when roads were given.
    public var roads: RoadRunReport?
    public var parameters: AnalysisParameters
    public var counts: [String: Double]
    /// Practices per status (written with the status name as key).
    public var practiceStatuses: [PracticeStatus: Int]
    public var warnings: [String]
    public var timingsSeconds: [String: Double]
    public var libraries: [String: String]
    public var outputs: [String]
    /// Overlapping regions, their shared area and the rule applied.
    public var regionOverlaps: RegionOverlapReport? = nil
    /// How practices without FTE were counted.
    public var fte: FTEReport? = nil
    /// The study-area total row of regions.csv ("total"), when regions were given.
    public var studyAreaTotal: StudyAreaTotal? = nil
    /// `bereik trend`: its dates and status history.
    public var trend: TrendReport? = nil
}

/// run.json: the FTE behind the capacity figures.
public struct FTEReport: Codable, Sendable {
    public var rule: String
    public var defaultFTE: Double?
    public var practicesWithoutFTE: Int
    /// Share of all counted FTE that was imputed; nil when no FTE is known.
    public var imputedFTEShare: Double?
    /// Per region id (regions with practices).
    public var imputedFTEShareByRegion: [String: Double]
}

/// run.json: the study-area total, the regions together (the points and
/// practices in some region); `inhabitantsOutsideRegions` are not in it.
public struct StudyAreaTotal: Codable, Sendable {
    public var regionID: String
    public var inhabitants: Double
    public var inhabitantsOutsideRegions: Double
    public var meanOpenM: Double?
    public var meanRoadM: Double?
    public var roadUnreachableInhabitants: Double?
    public var light: String?
}

extension RunReport {
    public static let straightLine = "straight-line (Euclidean) distance in EPSG:28992"
}

public enum BereikVersion {
    public static let current = "0.1.0"
}
