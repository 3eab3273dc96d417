import XCTest
import Access
import BereikBench

/// The benchmark code itself (figures come from `bereik bench roads`, not
/// from tests): it runs, and the synthetic network has the intended shape.
final class RoadBenchmarkTests: XCTestCase {
    func testBenchmarkLargeRunsSmall() {
        let r = SyntheticRoadNetwork.benchmarkLarge(nodes: 5_000, points: 2_000, practices: 20)
        XCTAssertEqual(r.points, 2_000)
        XCTAssertGreaterThan(r.reachablePoints, 1_000)
        XCTAssertGreaterThan(r.openPractices, 5)
        // The figures describe the run: the network of the seed, every phase
        // timed, and every settled label taken from the queue.
        XCTAssertEqual(r.nodes, SyntheticRoadNetwork.generate(nodes: 5_000, seed: 42).nodeCount)
        for (phase, seconds) in [("build", r.buildS), ("snap", r.snapS), ("route", r.routeS), ("assign", r.assignS)] {
            XCTAssertGreaterThan(seconds, 0, phase)
        }
        XCTAssertGreaterThan(r.settledLabels, 0)
        XCTAssertGreaterThanOrEqual(r.queuedLabels, r.settledLabels)
    }

    func testSyntheticNetworkShape() {
        let g = SyntheticRoadNetwork.generate(nodes: 20_000, seed: 1)
        XCTAssertEqual(Double(g.nodeCount), 20_000, accuracy: 3_000)
        XCTAssertGreaterThan(g.componentSizes[0], g.nodeCount * 8 / 10)
        // Degree-2 shape nodes make up most of the nodes.
        var degree2 = 0
        var degree = [Int](repeating: 0, count: g.nodeCount)
        for e in 0..<g.edgeCount { degree[g.edgeFrom[e].index] += 1; degree[g.edgeTo[e].index] += 1 }
        for d in degree where d == 2 { degree2 += 1 }
        XCTAssertGreaterThan(degree2, g.nodeCount / 2)
        // Same seed, same network.
        XCTAssertEqual(SyntheticRoadNetwork.generate(nodes: 2_000, seed: 9).nodeX, SyntheticRoadNetwork.generate(nodes: 2_000, seed: 9).nodeX)
    }
}
