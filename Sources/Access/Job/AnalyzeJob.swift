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
        /// The road graph, built once, when roads were given.
        public var roadGraph: RoadGraph?
        public var roadRead: RoadReadReport?
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
        public var statusCounts: [String: Int]
        public var timings: [String: Double]
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        let inputs = try readInputs(progress: progress)
        let analysis = try analyse(inputs, progress: progress)
        return try write(inputs, analysis, progress: progress)
    }

    public func readInputs(progress: Progress? = nil) throws -> Inputs {
        var timings: [String: Double] = [:]
        let started = ISO8601DateFormatter().string(from: Date())
        var (population, popReport) = try Self.timed("read_population", &timings) {
            try PopulationReader.read(path: populationPath, options: input, progress: progress)
        }
        var (practices, pracReport) = try Self.timed("read_practices", &timings) {
            try PracticeReader.read(path: practicesPath, options: input, progress: progress)
        }
        var (regions, regReport): ([Region], InputReport?) = try Self.timed("read_regions", &timings) {
            guard let regionsPath else { return ([], nil) }
            let (r, rep) = try RegionReader.read(path: regionsPath, options: input, progress: progress)
            return (r, rep)
        }
        // Ties and ranks follow ids, not the order of the features.
        practices = StableOrder.practices(practices)
        regions = StableOrder.regions(regions)
        let eligibility = try Self.timed("read_eligibility", &timings) {
            try readEligibilityAndHistory(population: &population, populationReport: &popReport, practices: practices,
                                          practicesReport: &pracReport, progress: progress)
        }
        // (Plausibility bounds of inhabitants, 65+ and FTE are the readers' — see Input/Plausibility.)
        var notes: [String] = []
        let (overlaps, overlapNotes) = try RegionOverlapCheck.check(regions, path: regionsPath ?? "regions")
        notes += overlapNotes
        if let designationsPath {
            let (updated, more) = try DesignationTable.apply(path: designationsPath, to: regions)
            regions = updated
            notes += more
        }
        if let unregisteredPath {
            let (updated, more) = try UnregisteredTable.apply(path: unregisteredPath, to: regions, decimalSeparator: input.decimalSeparator)
            regions = updated
            notes += more
        }
        var graph: RoadGraph?, read: RoadReadReport?
        if let roadsPath {
            (graph, read) = try Self.timed("read_roads", &timings) {
                let (g, r) = try RoadAnalysis.buildGraph(path: roadsPath, options: parameters.roadOptions)
                return (Optional(g), Optional(r))
            }
        }
        var groups: [Region] = [], groupReport: [InputReport] = []
        if let groupByPath {
            let (g, r) = try GroupLayer.read(path: groupByPath, regions: regions, options: input)
            groups = StableOrder.regions(g)
            groupReport = [r]
        }
        return Inputs(population: population, practices: eligibility.practices, regions: regions, groups: groups,
                      reports: [popReport, pracReport] + (regReport.map { [$0] } ?? []) + groupReport + eligibility.reports,
                      notes: notes + eligibility.notes, roadGraph: graph, roadRead: read, startedAt: started, timings: timings,
                      regionOverlaps: overlaps, eligible: eligibility.eligible, statusHistory: eligibility.statusHistory,
                      listedPractices: eligibility.listedPractices, asOf: eligibility.asOf)
    }

    /// Analyses the inputs; `practices` replaces the practice list (scenarios).
    /// `reusing`: a baseline of the same inputs whose points' road snaps (and,
    /// when kept, routers and catchment pairs) are taken over instead of
    /// computed again; `routers`: routers to use (default: the baseline's).
    public func analyse(_ inputs: Inputs, practices override: [Practice]? = nil, reusing baseline: Baseline? = nil,
                        routers: RoadRouters? = nil, progress: Progress? = nil) throws -> Analysis {
        var timings: [String: Double] = [:]
        let population = inputs.population, regions = inputs.regions
        let practices = override ?? inputs.practices
        var parameters = self.parameters
        if let x = parameters.explicitDefaultFTE, !(x.isFinite && x >= 0) { throw AnalysisError.negativeDefaultFTE(x) }
        (parameters.defaultFTE, parameters.defaultFTERule) = FTEDefault.resolve(practices, explicit: parameters.explicitDefaultFTE)
        var statusCounts: [String: Int] = [:]
        for p in practices { statusCounts[p.status.rawValue, default: 0] += 1 }
        let (eligible, eligibility) = try Self.partialRule(&parameters, inputs: inputs, practices: practices)
        guard practices.contains(where: { parameters.isOpen($0.status) }) || (eligibility?.restrictedPractices ?? 0) > 0 else {
            let counts = PracticeStatus.allCases.map { "\($0.rawValue): \(statusCounts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            throw InputError.noOpenPractice(path: practicesPath, counts: counts)
        }
        var road: RoadAccess?
        if let graph = inputs.roadGraph, let read = inputs.roadRead {
            road = try Self.timed("route", &timings) {
                try RoadAnalysis.run(graph: graph, read: read, population: population, practices: practices,
                                     parameters: parameters, options: parameters.roadOptions,
                                     reusingPointSnaps: baseline?.result.road?.pointSnapsByMode ?? inputs.pointSnapsByMode, eligible: eligible,
                                     routers: routers ?? baseline?.routers, progress: progress)
            }
        }
        progress?.step("competition-aware access (\(parameters.fca.method.rawValue))")
        let capacity = Self.timed("fca", &timings) {
            CapacityAnalysis.run(population: population, practices: practices, parameters: parameters, road: road,
                                 eligible: eligible, kept: baseline?.keptPairs)
        }
        var result = try Self.timed("analyse", &timings) {
            try StraightLineAnalysis.run(population: population, practices: practices, regions: regions,
                                         parameters: parameters, road: road, capacity: capacity, eligible: eligible,
                                         located: inputs.regionLocation, progress: progress)
        }
        result.eligibleSets = eligible
        result.eligibility = eligibility.map { $0.counted(result, practices: practices) }
        let groupResult = inputs.groups.isEmpty ? nil : try Self.timed("groups", &timings) {
            try StraightLineAnalysis.run(population: population, practices: practices, regions: inputs.groups,
                                         parameters: parameters, road: road, capacity: capacity, eligible: eligible,
                                         located: inputs.groupLocation)
        }
        let method = catchments ?? (road == nil ? .voronoi : .road)
        let catchmentPolygons = try Self.timed("catchments", &timings) {
            writeCatchments ? try Catchments.compute(method: method, result: result, population: population, practices: practices,
                                                     regions: regions, eligible: eligible) : nil
        }
        var warnings = inputs.reports.flatMap(\.warnings) + inputs.notes
        for r in inputs.reports where r.skippedTotal > 0 {
            let reasons = r.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            warnings.append("\(r.path): \(r.skippedTotal) of \(r.features) features skipped or repaired (\(reasons)); see run.json for examples.")
        }
        if result.pointsOutsideRegions > 0 {
            warnings.append("\(result.pointsOutsideRegions) population points (\(SafeNumber.whole(result.inhabitantsOutsideRegions)) inhabitants) lie in no region of \(regionsPath ?? "-"); they count in population.geojson but in no region's figures.")
        }
        if result.pointsAssignedToNearbyRegion > 0 {
            warnings.append("\(result.pointsAssignedToNearbyRegion) population points lie outside every region but within \(SafeNumber.whole(parameters.regionToleranceM)) m of one (at most \(SafeNumber.whole(result.maxDistanceToNearbyRegionM)) m) and count in the nearest region (--region-tolerance-m).")
        }
        if let r = road?.report {
            warnings += RoadWarnings.make(r, roadsPath: roadsPath ?? "")
        }
        warnings += CapacityWarnings.fte(practices: practices, parameters: parameters, result: result, path: practicesPath)
        let suppressed = result.regions.filter(\.capacity.suppressed).count
        if suppressed > 0 {
            warnings.append("\(suppressed) regions have fewer than \(SafeNumber.whole(parameters.minInhabitants)) inhabitants; their statistics are suppressed (null) in the exports (--min-inhabitants).")
        }
        warnings += result.eligibility.map { $0.warnings } ?? []
        if eligible != nil {
            warnings += EligibleCapacityNote.lines(catchments: catchmentPolygons, cascadeMinInhabitants: parameters.cascadeMinInhabitants)
        }
        let unknown = statusCounts["unknown"] ?? 0
        if unknown > 0 {
            warnings.append("\(unknown) practices have no known status and count as \(parameters.isOpen(.unknown) ? "open" : "not open") (--unknown-status).")
        }
        return Analysis(result: result, practices: practices, catchments: catchmentPolygons.map { (method, $0) },
                        groupResult: groupResult,
                        warnings: warnings, statusCounts: statusCounts, timings: timings)
    }

    /// Writes the output contract and `run.json` for one analysis.
    public func write(_ inputs: Inputs, _ analysis: Analysis, progress: Progress? = nil) throws -> Outcome {
        let result = analysis.result
        var timings = inputs.timings.merging(analysis.timings) { $1 }
        var base = runReport(inputs, analysis)
        let writeStart = Date()
        var writer = OutputWriter(folder: outputFolder, geoPackage: geoPackage)
        writer.csvDialect = csvDialect
        writer.flatGeobuf = flatGeobuf
        let files = try writer.write(
            result, population: inputs.population, practices: analysis.practices, regions: inputs.regions,
            catchments: analysis.catchments,
            groups: analysis.groupResult.map { ($0, inputs.groups) },
            report: { run in
                var t = timings
                t["write"] = (Date().timeIntervalSince(writeStart) * 1000).rounded() / 1000
                run.timingsSeconds = t
            }, baseReport: base, progress: progress)
        timings["write"] = (Date().timeIntervalSince(writeStart) * 1000).rounded() / 1000
        base.timingsSeconds = timings
        base.outputs = files
        return Outcome(result: result, population: inputs.population, practices: analysis.practices,
                       regions: inputs.regions, report: base, files: files,
                       groups: analysis.groupResult.map { ($0, inputs.groups) })
    }

    /// `run.json` for one analysis, before the outputs and the write timing are known.
    public func runReport(_ inputs: Inputs, _ analysis: Analysis) -> RunReport {
        let result = analysis.result
        var base = RunReport(
            command: command, startedAt: inputs.startedAt, syntheticData: syntheticData, dataNote: dataNote,
            method: result.road == nil ? RunReport.straightLine : "road network (\(parameters.roadOptions.modes.map(\.name).joined(separator: ", "))) and straight line in EPSG:28992"
                + (result.capacity.map { "; fca_per_10k by \($0.method.rawValue) over \($0.basis)" } ?? ""),
            inputs: inputs.reports, roads: result.road?.report, parameters: result.parameters,
            counts: [
                "population_points": Double(inputs.population.count),
                "inhabitants": result.totalInhabitants,
                "practices": Double(analysis.practices.count),
                "open_practices": Double(result.openPracticeCount),
                "regions": Double(inputs.regions.count),
                "points_outside_regions": Double(result.pointsOutsideRegions),
                "points_assigned_to_nearby_region": Double(result.pointsAssignedToNearbyRegion),
                "inhabitants_outside_regions": result.inhabitantsOutsideRegions,
                "flagged_regions": Double(result.regions.filter(\.flagged).count),
                "practices_without_fte": Double(analysis.practices.filter { $0.gpFTE == nil }.count),
                "regions_suppressed": Double(result.regions.filter(\.capacity.suppressed).count),
                "fca_pairs": Double(result.capacity?.pairs ?? 0),
                "regions_red": Double(result.regions.filter { $0.capacity.signal?.light == .red }.count),
                "regions_amber": Double(result.regions.filter { $0.capacity.signal?.light == .amber }.count),
            ],
            practiceStatuses: analysis.statusCounts, warnings: analysis.warnings, timingsSeconds: [:],
            libraries: ["gdal": LibraryVersions.gdal, "geos": LibraryVersions.geos, "proj": LibraryVersions.proj],
            outputs: [])
        CapacityWarnings.addCounts(&base, result: result, practices: analysis.practices, regions: inputs.regions)
        if let use = result.eligibility { base.counts.merge(use.counts) { $1 } }
        base.regionOverlaps = inputs.regionOverlaps
        return base
    }

    /// Settles the partial rule in force (`--partial`, else by the data) in
    /// `parameters`, and the eligible sets the routing uses (nil unless the
    /// rule is `eligible`).
    static func partialRule(_ parameters: inout AnalysisParameters, inputs: Inputs,
                            practices: [Practice]) throws -> (EligibleSets?, EligibilityUse?) {
        let rule = PartialRule.resolve(requested: parameters.partialRule, practices: practices)
        parameters.partialRule = rule
        let sets = EligibilityUse.effectiveSets(inputs.eligible, practices: practices, pointCount: inputs.population.count)
        guard let use = try EligibilityUse.check(rule: rule, sets: sets, practices: practices) else { return (nil, nil) }
        return (sets, use)
    }

    static func timed<T>(_ name: String, _ timings: inout [String: Double], _ body: () throws -> T) rethrows -> T {
        let t0 = Date()
        defer { timings[name] = (Date().timeIntervalSince(t0) * 1000).rounded() / 1000 }
        return try body()
    }
}
