import Geo

/// A road-like synthetic network for tests and benchmarks: a jittered grid
/// of junctions about `spacingM` apart (EPSG:28992-like coordinates around
/// Amersfoort), with about 15% of the links removed, one degree-2 shape node
/// in the middle of each link, a mix of road classes and about 5% oneway
/// links (in either direction).
public enum SyntheticRoadNetwork {
    /// Road lines whose graph has roughly `nodes` nodes.
    public static func lines(nodes: Int, seed: UInt64, spacingM: Double = 120) -> [RoadLine] {
        var rng = SplitMix64(seed: seed)
        // nodes ≈ g² junctions + 0.85 · 2g² shape nodes = 2.7 g².
        let g = Swift.max(2, Int((Double(nodes) / 2.7).squareRoot().rounded()))
        let x0 = 155_000.0, y0 = 463_000.0
        var jx = [Double](repeating: 0, count: g * g), jy = [Double](repeating: 0, count: g * g)
        for r in 0..<g {
            for c in 0..<g {
                jx[r * g + c] = x0 + Double(c) * spacingM + Double.random(in: -0.3...0.3, using: &rng) * spacingM
                jy[r * g + c] = y0 + Double(r) * spacingM + Double.random(in: -0.3...0.3, using: &rng) * spacingM
            }
        }
        let classes = ["residential", "residential", "residential", "unclassified", "tertiary", "secondary", "service", "cycleway"]
        var result = [RoadLine]()
        result.reserveCapacity(2 * g * g)
        func link(_ a: Int, _ b: Int) {
            guard Double.random(in: 0..<1, using: &rng) >= 0.15 else { return }
            let mx = (jx[a] + jx[b]) / 2 + Double.random(in: -0.1...0.1, using: &rng) * spacingM
            let my = (jy[a] + jy[b]) / 2 + Double.random(in: -0.1...0.1, using: &rng) * spacingM
            let highway = classes[Int.random(in: 0..<classes.count, using: &rng)]
            let roll = Double.random(in: 0..<1, using: &rng)
            let oneway: RoadDirection = roll < 0.025 ? .forward : (roll < 0.05 ? .backward : .both)
            let allowed: ModeSet = highway == "cycleway" ? [.bicycle, .foot] : .all
            result.append(RoadLine(coordinates: [Coordinate(x: jx[a], y: jy[a]), Coordinate(x: mx, y: my), Coordinate(x: jx[b], y: jy[b])],
                                   highway: highway, oneway: oneway, allowed: allowed))
        }
        for r in 0..<g {
            for c in 0..<g {
                if c + 1 < g { link(r * g + c, r * g + c + 1) }
                if r + 1 < g { link(r * g + c, (r + 1) * g + c) }
            }
        }
        return result
    }

    /// The graph of `lines(nodes:seed:)` built with the default profiles.
    public static func generate(nodes: Int, seed: UInt64) -> RoadGraph {
        let builder = RoadGraphBuilder()
        for line in lines(nodes: nodes, seed: seed) { builder.add(line) }
        return builder.build()
    }

    /// Builds a graph of about `nodes` nodes, snaps `facilities` random
    /// positions and runs one car routing pass, returning seconds for each
    /// phase (wall clock). Meant for release builds.
    public static func benchmark(nodes: Int = 1_000_000, facilities: Int = 500, points: Int = 100_000,
                                 seed: UInt64 = 42) -> (edges: Int, generateS: Double, buildS: Double, snapS: Double, routeS: Double, assignS: Double, settled: Int, queued: Int) {
        let clock = ContinuousClock()
        var t = clock.now
        func lap() -> Double {
            let now = clock.now
            let d = now - t
            t = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let ls = lines(nodes: nodes, seed: seed)
        let gen = lap()
        let builder = RoadGraphBuilder()
        for line in ls { builder.add(line) }
        let graph = builder.build()
        let build = lap()
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        var rng = SplitMix64(seed: seed &+ 1)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for i in 0..<graph.nodeCount {
            minX = Swift.min(minX, graph.nodeX[i]); maxX = Swift.max(maxX, graph.nodeX[i])
            minY = Swift.min(minY, graph.nodeY[i]); maxY = Swift.max(maxY, graph.nodeY[i])
        }
        func randomPoint() -> Coordinate {
            Coordinate(x: Double.random(in: minX...maxX, using: &rng), y: Double.random(in: minY...maxY, using: &rng))
        }
        let sources = (0..<facilities).map { _ in snapper.snap(randomPoint()) }
        let homes = (0..<points).map { _ in snapper.snap(randomPoint()) }
        let snap = lap()
        let router = NearestFacilityRouter(graph: graph, mode: .car)
        _ = lap()   // router preparation (reversed core graph, chains) is not part of the pass; benchmarkLarge reports it
        let labels = router.labelNodes(sources: sources)
        let route = lap()
        let assigned = router.assign(points: homes, labels: labels)
        let assign = lap()
        precondition(assigned.count == points)
        return (graph.edgeCount, gen, build, snap, route, assign, labels.settledLabels, labels.queuedLabels)
    }
}
