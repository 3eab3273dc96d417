import Foundation
import Geo

/// The road step: reads the road file into a `RoadGraph` and routes every
/// population point to its nearest open practices per mode (`RoadResult`).
public enum RoadAnalysis {
    /// Reads a road file: OSM (`.osm.pbf`, `.osm`) through GDAL's OSM
    /// driver, anything else as a plain line layer.
    public static func buildGraph(path: String, options: RoadOptions) throws -> (RoadGraph, RoadFileCounts) {
        var timings: [String: Double] = [:]
        return try buildGraph(path: path, options: options, timings: &timings)
    }

    /// `buildGraph`, recording `read_roads` (the file into the builder) and
    /// `build_graph` (nodes, edges and the CSR) in `timings` (seconds).
    public static func buildGraph(path: String, options: RoadOptions,
                                  timings: inout [String: Double]) throws -> (RoadGraph, RoadFileCounts) {
        let started = Date()
        let digest = BackgroundDigest(path: path)
        var profiles = TravelMode.allCases.map(TravelProfile.default)
        if let text = options.profileOverrides {
            profiles = try TravelProfile.applyOverrides(text, to: profiles)
        }
        let builder = RoadGraphBuilder(profiles: profiles)
        let lower = path.lowercased()
        var report: RoadFileCounts
        if lower.hasSuffix(".pbf") || lower.hasSuffix(".osm") {
            report = try OSMRoadReader.read(path: path, into: builder)
        } else {
            report = try LineRoadReader.read(path: path, options: LineRoadOptions(layer: options.layer, crs: options.crs), into: builder)
        }
        let read = Date()
        timings["read_roads"] = recordedSeconds(read.timeIntervalSince(started))
        let graph = builder.build()
        timings["build_graph"] = recordedSeconds(since: read)
        report.sha256 = digest.value
        guard graph.edgeCount > 0 else {
            throw RoadAnalysisError.noUsableRoads(path: path, detail: "\(report.features) features read, \(report.lines) lines kept")
        }
        return (graph, report)
    }

    public static func run(graph: RoadGraph, read: RoadFileCounts, population: [PopulationPoint], practices: [Practice],
                           parameters: AnalysisParameters, options: RoadOptions,
                           reusingPointSnaps: [[SnappedPoint?]]? = nil, eligible: EligibleSets? = nil, routers: RoadRouters? = nil,
                           progress: Progress? = nil) throws -> RoadResult {
        var timings: [String: Double] = [:]
        let n = population.count
        let sourcesOpen = practices.map { parameters.isOpen($0.status) }
        // Restricted practices (eligible rule): routed apart, to their areas' points only.
        let restricting = parameters.partialRule == .eligible ? eligible.flatMap { $0.pointsByPractice.isEmpty ? nil : $0 } : nil
        var takesPart = sourcesOpen
        for p in restricting?.pointsByPractice.keys ?? [:].keys where Int(p) < practices.count { takesPart[Int(p)] = true }
        var fullyOpen: [NearestPair]?
        var roadM = [Double](repeating: .infinity, count: n), roadPractice = OptionalIDs<PracticeIndex>(repeating: nil, count: n)
        var roadSecondM = roadM, roadSecondPractice = roadPractice
        var snapM = roadM
        var nodePractice = OptionalIDs<PracticeIndex>(repeating: nil, count: graph.nodeCount)
        var firstPointSnaps: [SnappedPoint?] = [], firstPracticeSnaps: [SnappedPoint?] = []
        var minutes: [[Double]] = [], minutesPractice: [OptionalIDs<PracticeIndex>] = []
        var pointSnapsByMode: [[SnappedPoint?]] = []
        var notSnapped: [TravelMode: Int] = [:], unreachable: [TravelMode: Int] = [:], practicesNotSnapped: [TravelMode: Int] = [:]
        // A mode named twice is routed (and gets its columns) once.
        var modes: [TravelMode] = []
        for m in options.modes where !modes.contains(m) { modes.append(m) }
        // Points are snapped and assigned in spatial order: neighbours after
        // each other read the same grid cells and node labels.
        let order = SpatialOrder.indexes(count: n) { population[$0].location }
        // Each point's place in `order`: results worked out in spatial order
        // are gathered back to the points' order with it.
        let rank = SpatialOrder.ranks(order)
        for (k, mode) in modes.enumerated() {
            progress?.step("routing by \(mode.name)")
            let t0 = Date()
            let kept = routers?.mode(mode, graph: graph, options: options)
            let snapper = kept?.snapper ?? SegmentSnapper(graph: graph, mode: mode, maxDistanceM: options.maxSnapM)
            let practiceSnaps = practices.map { snapper.snap($0.location) }
            // The snaps in the points' order and in spatial order (`ordered[k]`: point `order[k]`'s).
            let points: [SnappedPoint?], ordered: [SnappedPoint?]
            if let reused = reusingPointSnaps, k < reused.count, reused[k].count == n {
                points = reused[k]
                ordered = SpatialOrder.gather(points, by: order)
            } else {
                let locations = population.withUnsafeBufferPointer { p in
                    order.withUnsafeBufferPointer { o in parallelMap(count: n, minPerWorker: 100_000) { p[Int(o[$0])].location } }
                }
                ordered = locations.withUnsafeBufferPointer { at in
                    parallelMap(count: n, minPerWorker: NearestFacilityRouter.minPointsPerWorker) { snapper.snap(at[$0]) }
                }
                points = SpatialOrder.gather(ordered, by: rank)
            }
            pointSnapsByMode.append(points)
            timings["snap_\(mode.name)"] = Date().timeIntervalSince(t0)
            practicesNotSnapped[mode] = zip(practiceSnaps, takesPart).filter { $0.0 == nil && $0.1 }.count
            notSnapped[mode] = points.filter { $0 == nil }.count
            let sources = zip(practiceSnaps, sourcesOpen).map { $1 ? $0 : nil }
            // The quickest pass (every mode) and the shortest (first mode)
            // are independent: side by side, each with its own router.
            let (timePass, lengthPass) = ParallelWork.both({ () -> RoadPasses.Quickest in
                let byTime = kept?.byTime ?? NearestFacilityRouter(graph: graph, mode: mode, weight: .time)
                return RoadPasses.quickest(router: byTime, sources: sources, points: points, ordered: ordered, order: order, rank: rank, practiceSnaps: practiceSnaps,
                                           restricting: restricting)
            }, { () -> RoadPasses.Shortest? in
                guard k == 0 else { return nil }
                let byLength = kept?.byLength ?? NearestFacilityRouter(graph: graph, mode: mode, weight: .length)
                return RoadPasses.shortest(router: byLength, sources: sources, points: points, ordered: ordered, order: order, rank: rank, practiceSnaps: practiceSnaps,
                                           restricting: restricting)
            })
            // (Neither pass throws.)
            let quickest = try timePass.get()
            timings["route_\(mode.name)"] = quickest.seconds
            if let s = quickest.eligibleSeconds { timings["route_eligible_\(mode.name)"] = s }
            minutes.append(quickest.minutes)
            minutesPractice.append(quickest.practice)
            var unreachableCount = 0, anyReachable = false
            for i in 0..<n where quickest.practice[i] != nil || points[i] != nil {
                if quickest.practice[i] != nil { anyReachable = true } else { unreachableCount += 1 }
            }
            unreachable[mode] = unreachableCount
            // Nothing reachable at all is no result but a wrong input: stop
            // with the counts per reason instead of turning every region red.
            if n > 0 && !anyReachable {
                throw AnalysisError.noUsableRoadNearPoints(
                    path: read.path, mode: mode.name, points: n, notSnapped: notSnapped[mode] ?? 0,
                    noPracticeReachable: unreachable[mode] ?? 0, openPractices: takesPart.filter { $0 }.count,
                    practicesNotSnapped: practicesNotSnapped[mode] ?? 0, maxSnapM: options.maxSnapM)
            }
            if k == 0, let shortest = try lengthPass.get() {
                firstPointSnaps = points
                firstPracticeSnaps = practiceSnaps
                timings["route_length_\(mode.name)"] = shortest.seconds
                if let s = shortest.eligibleSeconds { timings["route_length_eligible_\(mode.name)"] = s }
                nodePractice = shortest.nodePractice
                fullyOpen = shortest.fullyOpen
                roadM = shortest.roadM
                roadPractice = shortest.roadPractice
                roadSecondM = shortest.roadSecondM
                roadSecondPractice = shortest.roadSecondPractice
                snapM = points.map { $0?.distanceM ?? .infinity }
            }
        }
        progress?.finish()
        let r = graph.report
        let report = RoadRunReport(
            path: read.path, sha256: read.sha256, crs: read.crs, features: read.features, lines: read.lines,
            skipped: ["no geometry": read.skippedNoGeometry, "not a line": read.skippedNotLine,
                      "not a road for any mode": read.skippedNotRoad, "cannot be transformed": read.skippedTransform].filter { $0.value > 0 },
            maxspeedNotUsed: read.maxspeedNotUsed, maxspeedNotUsedExample: read.maxspeedNotUsedExample,
            profileClassesWithoutRoads: read.profileClassesWithoutRoads.isEmpty ? nil : read.profileClassesWithoutRoads,
            nodes: r.nodes, edges: r.edges, components: r.components, largestComponentNodes: r.largestComponentNodes,
            zeroLengthSegments: r.zeroLengthSegments, selfLoops: r.selfLoops,
            pointsNotSnapped: notSnapped, pointsWithoutReachablePractice: unreachable,
            practicesNotSnapped: practicesNotSnapped, timingsSeconds: timings.mapValues(recordedSeconds))
        return RoadResult(modes: modes, roadM: roadM, roadPractice: roadPractice, roadSecondM: roadSecondM,
                          roadSecondPractice: roadSecondPractice, snapM: snapM, minutes: minutes,
                          minutesPractice: minutesPractice, report: report, graph: graph, nodePractice: nodePractice,
                          pointSnaps: firstPointSnaps, practiceSnaps: firstPracticeSnaps, pointSnapsByMode: pointSnapsByMode,
                          fullyOpen: fullyOpen)
    }

}

public enum RoadAnalysisError: Error, CustomStringConvertible {
    case noUsableRoads(path: String, detail: String)

    public var description: String {
        switch self {
        case .noUsableRoads(let path, let detail):
            return "\(path): no usable roads for the chosen modes (\(detail)). Check that it is a line layer of roads (OSM highway=*, NWB wegvakken) and its CRS (--roads-crs)."
        }
    }
}
