import Foundation
import Geo

/// One `bereik analyze` run in three steps: read the inputs
/// (`AnalyzeJob+Read`), analyse them (`AnalyzeJob+Analyse`, with every
/// warning composed by `AnalysisWarnings`), write the output contract and
/// `run.json` (`AnalyzeJob+Write`); returns what the summary needs.
public struct AnalyzeJob {
    public var populationPath: String
    public var practicesPath: String
    public var regionsPath: String?
    /// A table of krimp/anticipeer designations joined to the regions by id.
    public var designationsPath: String?
    /// A table of people without a GP per region id (`--unregistered`).
    public var unregisteredPath: String?
    /// Coarser polygons the regions are aggregated into (`--group-by`).
    public var groupByPath: String?
    /// A road network (OSM .osm.pbf/.osm or any line layer) for travel
    /// distance and time; nil = straight lines only.
    public var roadsPath: String?
    public var outputFolder: String
    /// Catchment polygons to write; nil = road when roads are given, else voronoi.
    public var catchments: CatchmentMethod?
    public var writeCatchments = true
    public var geoPackage = false
    /// Also write every spatial layer as `<layer>.fgb` (FlatGeobuf, EPSG:28992).
    public var flatGeobuf = false
    /// How every CSV of the run is written (`--csv-dialect`).
    public var csvDialect = CSVDialect.rfc4180
    public var input = InputOptions()
    public var parameters = AnalysisParameters()
    public var syntheticData = false
    public var dataNote: String?
    public var command: [String] = CommandLine.arguments

    public init(populationPath: String, practicesPath: String, regionsPath: String?, outputFolder: String) {
        self.populationPath = populationPath
        self.practicesPath = practicesPath
        self.regionsPath = regionsPath
        self.outputFolder = outputFolder
    }

    public struct Outcome {
        public var result: AnalysisResult
        public var population: [PopulationPoint]
        public var practices: [Practice]
        public var regions: [Region]
        public var report: RunReport
        public var files: [String]
        /// The `--group-by` indicators and the group polygons (nil: none).
        public var groups: (result: AnalysisResult, regions: [Region])? = nil
    }

    /// What was read, before any analysis: reused by scenarios, which
    /// analyse the same inputs with a changed practice list.
    public struct Inputs {
        public var population: [PopulationPoint]
        public var practices: [Practice]
        public var regions: [Region]
        /// Groups for `--group-by` (empty: none).
        public var groups: [Region] = []
        public var reports: [InputReport]
        public var notes: [String]
        /// Notes that hold on the analysed date only (status as of, areas in
        /// force): a trend replaces them on each date.
        public var asOfNotes: [String] = []
        /// The road graph, built once, when roads were given.
        public var roadGraph: RoadGraph?
        public var roadRead: RoadFileCounts?
        public var startedAt: String
        public var timings: [String: Double]
        /// Overlapping regions and the rule applied (nil: none overlap).
        public var regionOverlaps: RegionOverlapReport? = nil
        /// The points' road snaps per mode of an earlier analysis of these
        /// inputs (a trend's first date): later analyses route without snapping again.
        public var pointSnapsByMode: [[SnappedPoint?]]? = nil
        /// The points' regions and groups, located once for analyses of the
        /// same points (a trend's dates); nil: each analysis locates them.
        public var regionLocation: RegionLocation? = nil
        public var groupLocation: RegionLocation? = nil
        /// Who each partial practice with an area accepts (issue 13); nil
        /// when no practice is partial with an area on the analysed date.
        public var eligible: EligibleSets? = nil
        /// `--status-history` as read (nil: none), the practices as listed
        /// (areas kept whatever their status, before any history), and the
        /// date the history was applied at (`practices(asOf:)`).
        public var statusHistory: StatusHistory? = nil
        public var listedPractices: [Practice]? = nil
        public var asOf: CalendarDay? = nil
    }

    /// One analysis of the inputs, not yet written.
    public struct Analysis {
        public var result: AnalysisResult
        public var practices: [Practice]
        public var catchments: (CatchmentMethod, [Catchment])?
        /// The same indicators for the `--group-by` layer.
        public var groupResult: AnalysisResult?
        public var warnings: [String]
        public var statusCounts: [PracticeStatus: Int]
        public var timings: [String: Double]
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        let inputs = try readInputs(progress: progress)
        let analysis = try analyse(inputs, progress: progress)
        return try write(inputs, analysis, progress: progress)
    }

    static func timed<T>(_ name: String, _ timings: inout [String: Double], _ body: () throws -> T) rethrows -> T {
        let t0 = Date()
        defer { timings[name] = recordedSeconds(since: t0) }
        return try body()
    }
}
