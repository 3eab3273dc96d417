import Foundation
import Geo

/// One `bereik analyze` run: read the inputs, analyse, write the output
/// contract and `run.json`, and return what the summary needs.
public struct AnalyzeJob {
    public var populationPath: String
    public var practicesPath: String
    public var regionsPath: String?
    /// A table of krimp/anticipeer designations joined to the regions by id.
    public var designationsPath: String?
    /// A road network (OSM .osm.pbf/.osm or any line layer) for travel
    /// distance and time; nil = straight lines only.
    public var roadsPath: String?
    public var outputFolder: String
    /// Catchment polygons to write; nil = road when roads are given, else voronoi.
    public var catchments: CatchmentMethod?
    public var writeCatchments = true
    public var geoPackage = false
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
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        var timings: [String: Double] = [:]
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let t0 = Date()
            defer { timings[name] = (Date().timeIntervalSince(t0) * 1000).rounded() / 1000 }
            return try body()
        }
        let started = ISO8601DateFormatter().string(from: Date())
        let (population, popReport) = try timed("read_population") {
            try PopulationReader.read(path: populationPath, options: input, progress: progress)
        }
        let (practices, pracReport) = try timed("read_practices") {
            try PracticeReader.read(path: practicesPath, options: input, progress: progress)
        }
        var (regions, regReport): ([Region], InputReport?) = try timed("read_regions") {
            guard let regionsPath else { return ([], nil) }
            let (r, rep) = try RegionReader.read(path: regionsPath, options: input, progress: progress)
            return (r, rep)
        }
        var designationNotes: [String] = []
        if let designationsPath {
            (regions, designationNotes) = try DesignationTable.apply(path: designationsPath, to: regions)
        }
        var statusCounts: [String: Int] = [:]
        for p in practices { statusCounts[p.status.rawValue, default: 0] += 1 }
        guard practices.contains(where: { parameters.isOpen($0.status) }) else {
            let counts = PracticeStatus.allCases.map { "\($0.rawValue): \(statusCounts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            throw InputError.noOpenPractice(path: practicesPath, counts: counts)
        }
        var road: RoadAccess?
        if let roadsPath {
            let (graph, read) = try timed("read_roads") {
                try RoadAnalysis.buildGraph(path: roadsPath, options: parameters.roadOptions)
            }
            road = try timed("route") {
                try RoadAnalysis.run(graph: graph, read: read, population: population, practices: practices,
                                     parameters: parameters, options: parameters.roadOptions, progress: progress)
            }
        }
        let result = try timed("analyse") {
            try StraightLineAnalysis.run(population: population, practices: practices, regions: regions,
                                         parameters: parameters, road: road, progress: progress)
        }
        let method = catchments ?? (road == nil ? .voronoi : .road)
        let catchmentPolygons = try timed("catchments") {
            writeCatchments ? try Catchments.compute(method: method, result: result, population: population, practices: practices, regions: regions) : nil
        }
        var warnings = ([popReport, pracReport] + (regReport.map { [$0] } ?? [])).flatMap(\.warnings) + designationNotes
        for r in [popReport, pracReport] + (regReport.map { [$0] } ?? []) where r.skippedTotal > 0 {
            let reasons = r.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            warnings.append("\(r.path): \(r.skippedTotal) of \(r.features) features skipped or repaired (\(reasons)); see run.json for examples.")
        }
        if result.pointsOutsideRegions > 0 {
            warnings.append("\(result.pointsOutsideRegions) population points (\(Int(result.inhabitantsOutsideRegions.rounded())) inhabitants) lie in no region of \(regionsPath ?? "-"); they count in population.geojson but in no region's figures.")
        }
        if result.pointsAssignedToNearbyRegion > 0 {
            warnings.append("\(result.pointsAssignedToNearbyRegion) population points lie outside every region but within \(Int(parameters.regionToleranceM)) m of one (at most \(Int(result.maxDistanceToNearbyRegionM.rounded())) m) and count in the nearest region (--region-tolerance-m).")
        }
        if let r = road?.report {
            warnings += RoadWarnings.make(r, roadsPath: roadsPath ?? "")
        }
        let unknown = statusCounts["unknown"] ?? 0
        if unknown > 0 {
            warnings.append("\(unknown) practices have no known status and count as \(parameters.isOpen(.unknown) ? "open" : "not open") (--unknown-status).")
        }
        var base = RunReport(
            command: command, startedAt: started, syntheticData: syntheticData, dataNote: dataNote,
            method: road == nil ? RunReport.straightLine : "road network (\(parameters.roadOptions.modes.map(\.name).joined(separator: ", "))) and straight line in EPSG:28992",
            inputs: [popReport, pracReport] + (regReport.map { [$0] } ?? []), roads: road?.report, parameters: parameters,
            counts: [
                "population_points": Double(population.count),
                "inhabitants": result.totalInhabitants,
                "practices": Double(practices.count),
                "open_practices": Double(result.openPracticeCount),
                "regions": Double(regions.count),
                "points_outside_regions": Double(result.pointsOutsideRegions),
                "points_assigned_to_nearby_region": Double(result.pointsAssignedToNearbyRegion),
                "inhabitants_outside_regions": result.inhabitantsOutsideRegions,
                "flagged_regions": Double(result.regions.filter(\.flagged).count),
            ],
            practiceStatuses: statusCounts, warnings: warnings, timingsSeconds: [:],
            libraries: ["gdal": LibraryVersions.gdal, "geos": LibraryVersions.geos, "proj": LibraryVersions.proj],
            outputs: [])
        let writeStart = Date()
        let files = try OutputWriter(folder: outputFolder, geoPackage: geoPackage).write(
            result, population: population, practices: practices, regions: regions,
            catchments: catchmentPolygons.map { (method, $0) },
            report: { run in
                var t = timings
                t["write"] = (Date().timeIntervalSince(writeStart) * 1000).rounded() / 1000
                run.timingsSeconds = t
            }, baseReport: base, progress: progress)
        timings["write"] = (Date().timeIntervalSince(writeStart) * 1000).rounded() / 1000
        base.timingsSeconds = timings
        base.outputs = files
        return Outcome(result: result, population: population, practices: practices, regions: regions, report: base, files: files)
    }
}
