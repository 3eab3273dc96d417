import Foundation
import Geo
import Access

/// Road 2SFCA on a synthetic network (release builds): the pairs within the
/// catchment are streamed from bounded searches; the first pass keeps them
/// for the second up to `keptBytes` (beyond it they are searched again), so
/// peak memory grows with points + practices plus that bound, not with pairs.
public enum FCABenchmark {
    public struct Figures: Sendable {
        public var nodes: Int, points: Int, practices: Int, pairs: Int
        public var phases: [(String, Double)]
        public var peakMiB: Double?
        public var checksum: Double
    }

    public static func run(nodes: Int = 100_000, points: Int = 50_000, practices: Int = 250, catchmentM: Double = 3_000,
                           seed: UInt64 = 42, keptBytes: Int = 512 << 20) -> Figures {
        var phases: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { phases.append((name, Date().timeIntervalSince(t))); t = Date() }
        let graph = SyntheticRoadNetwork.generate(nodes: nodes, seed: seed)
        lap("build network")
        var rng = SplitMix64(seed: seed &+ 7)
        let xs = graph.nodeX, ys = graph.nodeY
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        func random() -> Coordinate { Coordinate(x: Double.random(in: x0...x1, using: &rng), y: Double.random(in: y0...y1, using: &rng)) }
        let homes = (0..<points).map { _ in random() }
        let demand = (0..<points).map { _ in Double.random(in: 1...40, using: &rng).rounded() }
        let sites = (0..<practices).map { _ in random() }
        let supply = (0..<practices).map { _ in Double.random(in: 0.5...6, using: &rng) }
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        let snappedHomes = parallelMap(count: homes.count) { snapper.snap(homes[$0]) }
        let snappedSites = sites.map { snapper.snap($0) }
        lap("snap")
        let source = RoadCosts.pairs(graph: graph, mode: .car, weight: .length, points: snappedHomes, practices: snappedSites, catchment: catchmentM)
        lap("reverse network")
        let (result, pairs) = FloatingCatchment.compute(streaming: source, demand: demand, supply: supply, method: .twoStep,
                                                        catchment: catchmentM, keptBytes: keptBytes)
        lap("2sfca (two passes; the first pass's searches kept within the budget)")
        return Figures(nodes: graph.nodeCount, points: points, practices: practices, pairs: pairs, phases: phases,
                       peakMiB: PeakMemory.mebibytes(), checksum: result.access.reduce(0, +) * 10_000)
    }
}
