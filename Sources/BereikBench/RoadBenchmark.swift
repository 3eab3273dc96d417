import Foundation
import Geo
import Access

/// Seconds per phase of one end-to-end road run on a synthetic network
/// (`SyntheticRoadNetwork.benchmarkLarge`), and the peak memory.
public struct RoadBenchmarkResult: Sendable, Hashable, CustomStringConvertible {
    public var nodes = 0
    public var edges = 0
    public var practices = 0
    public var openPractices = 0
    public var points = 0
    /// Points with a nearest practice by road.
    public var reachablePoints = 0
    /// Road lines and random points (not part of `totalS`).
    public var generateS = 0.0
    public var buildS = 0.0
    /// Snap index plus snapping practices and points.
    public var snapS = 0.0
    /// Router preparation (reversed core graph, degree-2 chains).
    public var routePrepareS = 0.0
    /// The labelling pass.
    public var routeS = 0.0
    public var assignS = 0.0
    public var settledLabels = 0
    public var queuedLabels = 0
    /// Peak resident memory of the process, MiB (nil when unknown).
    public var peakMiB: Double?

    /// Build + snap + route preparation + route + assign.
    public var totalS: Double { buildS + snapS + routePrepareS + routeS + assignS }

    public var description: String {
        let peak = peakMiB.map { String(format: "%.0f MiB", $0) } ?? "unknown"
        return String(format: """
            road benchmark: %d nodes, %d edges, %d practices (%d open), %d points (%d reachable)
              generate %.3f s | build %.3f s | snap %.3f s | route prepare %.3f s | route %.3f s | assign %.3f s
              total (build to assign) %.3f s, settled labels %d, queued %d, peak memory %@
            """, nodes, edges, practices, openPractices, points, reachablePoints,
            generateS, buildS, snapS, routePrepareS, routeS, assignS, totalS, settledLabels, queuedLabels, peak)
    }
}

extension SyntheticRoadNetwork {
    /// The end-to-end scenario: a graph of about `nodes` nodes,
    /// `points` population points and `practices` practices (a share
    /// `openShare` of them open) at random positions, one car routing pass
    /// by travel time, every point assigned its nearest and second-nearest
    /// open practice. Wall-clock seconds per phase; meant for release builds.
    public static func benchmarkLarge(nodes: Int = 1_000_000, points: Int = 1_000_000, practices: Int = 2_000,
                                      openShare: Double = 0.7, seed: UInt64 = 42) -> RoadBenchmarkResult {
        var result = RoadBenchmarkResult()
        let clock = ContinuousClock()
        var t = clock.now
        func lap() -> Double {
            let now = clock.now
            let d = now - t
            t = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let ls = lines(nodes: nodes, seed: seed)
        var rng = SplitMix64(seed: seed &+ 1)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for l in ls {
            for c in l.coordinates {
                minX = Swift.min(minX, c.x); maxX = Swift.max(maxX, c.x)
                minY = Swift.min(minY, c.y); maxY = Swift.max(maxY, c.y)
            }
        }
        func randomPoint() -> Coordinate {
            Coordinate(x: Double.random(in: minX...maxX, using: &rng), y: Double.random(in: minY...maxY, using: &rng))
        }
        let practicePositions = (0..<practices).map { _ in randomPoint() }
        let open = (0..<practices).map { _ in Double.random(in: 0..<1, using: &rng) < openShare }
        let homes = (0..<points).map { _ in randomPoint() }
        result.generateS = lap()

        let builder = RoadGraphBuilder()
        for line in ls { builder.add(line) }
        let graph = builder.build()
        result.buildS = lap()

        let snapper = SegmentSnapper(graph: graph, mode: .car)
        let sources = practicePositions.indices.map { open[$0] ? snapper.snap(practicePositions[$0]) : nil }
        let snapped = homes.map { snapper.snap($0) }
        result.snapS = lap()

        let router = NearestFacilityRouter(graph: graph, mode: .car)
        result.routePrepareS = lap()
        let labels = router.labelNodes(sources: sources)
        result.routeS = lap()
        let assigned = router.assign(points: snapped, labels: labels)
        result.assignS = lap()

        result.nodes = graph.nodeCount
        result.edges = graph.edgeCount
        result.practices = practices
        result.openPractices = open.filter { $0 }.count
        result.points = points
        result.reachablePoints = assigned.filter(\.isReachable).count
        result.settledLabels = labels.settledLabels
        result.queuedLabels = labels.queuedLabels
        result.peakMiB = PeakMemory.mebibytes()
        return result
    }
}
