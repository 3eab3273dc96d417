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
    public var roads: RoadReport?
    public var parameters: AnalysisParameters
    public var counts: [String: Double]
    public var practiceStatuses: [String: Int]
    public var warnings: [String]
    public var timingsSeconds: [String: Double]
    public var libraries: [String: String]
    public var outputs: [String]
}

extension RunReport {
    public static let straightLine = "straight-line (Euclidean) distance in EPSG:28992"
}

public enum BereikVersion {
    public static let current = "0.1.0"
}
