import XCTest
import Access

/// Timing of graph build and one routing pass on a synthetic 1M-node
/// network. Runs only when BEREIK_BENCH is set (meant for release builds:
/// `BEREIK_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter RoadBenchmark`).
final class RoadBenchmarkTests: XCTestCase {
    func testBenchmarkOneMillionNodes() throws {
        guard let value = ProcessInfo.processInfo.environment["BEREIK_BENCH"] else {
            throw XCTSkip("set BEREIK_BENCH=1 (or a node count) to run the road benchmark")
        }
        let nodes = Int(value).flatMap { $0 > 1 ? $0 : nil } ?? 1_000_000
        let r = SyntheticRoadNetwork.benchmark(nodes: nodes)
        print(String(format: "road benchmark (%d nodes, %d edges): generate %.3f s, build %.3f s, snap %.3f s, route %.3f s, assign 100k %.3f s, settled labels %d, queued %d",
                     nodes, r.edges, r.generateS, r.buildS, r.snapS, r.routeS, r.assignS, r.settled, r.queued))
    }

    /// The scenario: 1M nodes, 1M points, 2,000 practices (70 % open).
    func testBenchmarkLargeScenario() throws {
        guard let value = ProcessInfo.processInfo.environment["BEREIK_BENCH"] else {
            throw XCTSkip("set BEREIK_BENCH=1 (or a node count) to run the road benchmark")
        }
        let nodes = Int(value).flatMap { $0 > 1 ? $0 : nil } ?? 1_000_000
        let r = SyntheticRoadNetwork.benchmarkLarge(nodes: nodes, points: nodes)
        print(r)
        XCTAssertGreaterThan(r.reachablePoints, r.points / 2)
    }

    func testBenchmarkLargeRunsSmall() {
        let r = SyntheticRoadNetwork.benchmarkLarge(nodes: 5_000, points: 2_000, practices: 20)
        XCTAssertEqual(r.points, 2_000)
        XCTAssertGreaterThan(r.reachablePoints, 1_000)
        XCTAssertGreaterThan(r.openPractices, 5)
        XCTAssertGreaterThanOrEqual(r.totalS, r.routeS)
    }

    func testSyntheticNetworkShape() {
        let g = SyntheticRoadNetwork.generate(nodes: 20_000, seed: 1)
        XCTAssertEqual(Double(g.nodeCount), 20_000, accuracy: 3_000)
        XCTAssertGreaterThan(g.componentSizes[0], g.nodeCount * 8 / 10)
        // Degree-2 shape nodes make up most of the nodes.
        var degree2 = 0
        var degree = [Int](repeating: 0, count: g.nodeCount)
        for e in 0..<g.edgeCount { degree[Int(g.edgeFrom[e])] += 1; degree[Int(g.edgeTo[e])] += 1 }
        for d in degree where d == 2 { degree2 += 1 }
        XCTAssertGreaterThan(degree2, g.nodeCount / 2)
        // Same seed, same network.
        XCTAssertEqual(SyntheticRoadNetwork.generate(nodes: 2_000, seed: 9).nodeX, SyntheticRoadNetwork.generate(nodes: 2_000, seed: 9).nodeX)
    }
}
