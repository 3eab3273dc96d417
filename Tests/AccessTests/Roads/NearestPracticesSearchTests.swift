import XCTest
import Geo
@testable import Access
import BereikBench

/// The point search of `bereik serve` (A* with straight-line bounds, known
/// unreachable practices skipped) against the FCA cost matrix's bounded
/// search from every practice to the one point (`RoadCosts.matrix`), on
/// generated networks with oneway links, cycleways (components of their own
/// for cars) and practices anywhere: the same practices in the same order at
/// the same costs, for the k nearest, for given practices (`only`) and for
/// allowed ones.
final class NearestPracticesSearchTests: XCTestCase {
    func testSearchEqualsTheCostMatrix() {
        var checked = 0, fewer = 0
        for seed in UInt64(1)...3 {
            let graph = SyntheticRoadNetwork.generate(nodes: 3_000, seed: seed)
            var rng = SplitMix64(seed: seed &+ 100)
            let xs = graph.nodeX, ys = graph.nodeY
            func random() -> Coordinate {
                Coordinate(x: xs.min()! + rng.unit() * (xs.max()! - xs.min()!), y: ys.min()! + rng.unit() * (ys.max()! - ys.min()!))
            }
            for mode in [TravelMode.car, .bicycle, .foot] {
                let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: 2_000)
                let snaps = (0..<14).map { _ in snapper.snap(random()) }
                let targets = NearestPracticesSearch.Targets(graph: graph, mode: mode, snaps: snaps)
                var search = NearestPracticesSearch(nodeCount: graph.nodeCount)
                for _ in 0..<8 {
                    guard let point = snapper.snap(random()) else { continue }
                    for weight in [RouteWeight.length, .time] {
                        let matrix = RoadCosts.matrix(graph: graph, mode: mode, weight: weight, points: [point], practices: snaps, catchment: 1e9)
                        var all: [(Int, Double)] = []
                        for j in snaps.indices {
                            for k in matrix.offsets[j]..<matrix.offsets[j + 1] where matrix.points[k] == 0 {
                                // The matrix gives times in minutes, the search in seconds.
                                all.append((j, matrix.costs[k] * (weight == .time ? 60 : 1)))
                            }
                        }
                        all.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
                        func same(_ found: [NearestPracticesSearch.Found], _ expected: [(Int, Double)], _ what: String) {
                            XCTAssertEqual(found.count, expected.count, "\(what) seed \(seed) \(mode) \(weight)")
                            for (f, e) in zip(found, expected) {
                                XCTAssertEqual(f.cost, e.1, accuracy: 1e-5 * max(1, e.1), "\(what) seed \(seed) \(mode) \(weight)")
                                // Equal costs may come in either order; distinct ones must not.
                                if !expected.contains(where: { $0.0 != e.0 && abs($0.1 - e.1) < 1e-3 }) {
                                    XCTAssertEqual(f.practice.index, e.0, "\(what) seed \(seed) \(mode) \(weight)")
                                }
                            }
                        }
                        let limit = 1e9
                        same(search.nearest(from: point, graph: graph, targets: targets, weight: weight, k: 3, limit: limit),
                             Array(all.prefix(3)), "k = 3")
                        let only = Set((0..<4).map { _ in Int(rng.next() % UInt64(snaps.count)) })
                        let expectedOnly = all.filter { only.contains($0.0) }
                        if expectedOnly.count < only.count { fewer += 1 }
                        same(search.nearest(from: point, graph: graph, targets: targets, weight: weight, k: 3, only: only, limit: limit),
                             Array(expectedOnly.prefix(3)), "only")
                        same(search.nearest(from: point, graph: graph, targets: targets, weight: weight, k: 2,
                                            allowed: { $0 % 2 == 1 }, limit: limit),
                             Array(all.filter { $0.0 % 2 == 1 }.prefix(2)), "allowed")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
        // Some wanted practices were unreachable (another component, or not snapped): the search must say so, not loop.
        XCTAssertGreaterThan(fewer, 0)
    }
}
