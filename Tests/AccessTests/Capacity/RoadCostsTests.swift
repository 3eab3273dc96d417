import XCTest
import Geo
@testable import Access
import BereikBench

final class RoadCostsTests: XCTestCase {
    func testHandCase() {
        // One road 0 → 1000 → 2000 m along y = 0; practice at 2000 m.
        // Point at 500 m: 1500 m by road (out of a 1000 m catchment); at 1500 m: 500 m; at 1900 m: 100 m (same edge).
        let b = RoadGraphBuilder()
        b.add(RoadLine(coordinates: [Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0), Coordinate(x: 2000, y: 0)], highway: "residential"))
        let g = b.build()
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let pts = [500.0, 1500, 1900].map { snapper.snap(Coordinate(x: $0, y: 10)) }
        let pr = [snapper.snap(Coordinate(x: 1990, y: 0))]
        let m = RoadCosts.matrix(graph: g, mode: .car, weight: .length, points: pts, practices: pr, catchment: 1000)
        XCTAssertEqual(m.points, [1, 2])
        XCTAssertEqual(m.costs[0], 490, accuracy: 1e-3)
        XCTAssertEqual(m.costs[1], 90, accuracy: 1e-3)
        let wide = RoadCosts.matrix(graph: g, mode: .car, weight: .length, points: pts, practices: pr, catchment: 5000)
        XCTAssertEqual(wide.costs[0], 1490, accuracy: 1e-3)
    }

    /// With an unbounded catchment the cheapest pair of each point is its
    /// nearest facility by the (independent) multi-source router.
    func testNearestPairMatchesRouter() {
        let g = SyntheticRoadNetwork.generate(nodes: 3_000, seed: 5)
        var rng = SplitMix64(seed: 9)
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let xs = g.nodeX, ys = g.nodeY
        func random() -> Coordinate {
            Coordinate(x: Double.random(in: xs.min()!...xs.max()!, using: &rng), y: Double.random(in: ys.min()!...ys.max()!, using: &rng))
        }
        let pr = (0..<15).map { _ in snapper.snap(random()) }
        let pts = (0..<400).map { _ in snapper.snap(random()) }
        for weight in [RouteWeight.length, .time] {
            let router = NearestFacilityRouter(graph: g, mode: .car, weight: weight)
            let nearest = router.assign(points: pts, labels: router.labelNodes(sources: pr))
            let m = RoadCosts.matrix(graph: g, mode: .car, weight: weight, points: pts, practices: pr, catchment: 1e12)
            var best = [Double](repeating: .infinity, count: pts.count)
            for j in 0..<m.practiceCount {
                for k in m.offsets[j]..<m.offsets[j + 1] { best[Int(m.points[k])] = min(best[Int(m.points[k])], m.costs[k]) }
            }
            for i in pts.indices {
                let want = weight == .time ? nearest[i].nearestCost / 60 : nearest[i].nearestCost
                if want.isFinite { XCTAssertEqual(best[i], want, accuracy: 1e-6 * max(1, want), "point \(i)") }
                else { XCTAssertEqual(best[i], .infinity) }
            }
            // A bounded catchment keeps exactly the pairs within it.
            let c = weight == .time ? 3.0 : 1_500
            let bounded = RoadCosts.matrix(graph: g, mode: .car, weight: weight, points: pts, practices: pr, catchment: c)
            XCTAssertEqual(bounded.pairCount, m.costs.filter { $0 <= c }.count)
            XCTAssertTrue(bounded.costs.allSatisfy { $0 <= c })
        }
    }
}
