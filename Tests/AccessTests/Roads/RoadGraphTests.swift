import XCTest
import Geo
import Access
import BereikBench

final class RoadGraphTests: XCTestCase {
    func c(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }

    /// Four lines around a 100 m square sharing corner vertices (one corner
    /// differs by 3 mm, below the 1 cm precision), plus a duplicate of the
    /// first line, a zero-length vertex and a separate line far away.
    func testTopologyFromSharedVertices() throws {
        let b = RoadGraphBuilder()
        b.add(RoadLine(coordinates: [c(0, 0), c(100, 0)], highway: "residential"))
        b.add(RoadLine(coordinates: [c(100.003, 0), c(100, 50), c(100, 50), c(100, 100)], highway: "residential"))
        b.add(RoadLine(coordinates: [c(100, 100), c(0, 100)], highway: "residential", oneway: .forward))
        b.add(RoadLine(coordinates: [c(0, 100), c(0, 0)], highway: "cycleway", allowed: [.bicycle, .foot]))
        b.add(RoadLine(coordinates: [c(100, 0), c(0, 0)], highway: "residential"))          // parallel duplicate
        b.add(RoadLine(coordinates: [c(5000, 0), c(5010, 0)], highway: "service"))          // separate component
        b.add(RoadLine(coordinates: [c(1, 1)], highway: "service"))                          // too short
        let g = b.build()
        XCTAssertEqual(g.nodeCount, 7)          // 4 corners + (100,50) + 2 far away
        XCTAssertEqual(g.edgeCount, 6)
        XCTAssertEqual(g.report.zeroLengthSegments, 1)
        XCTAssertEqual(g.report.parallelEdgesMerged, 1)
        XCTAssertEqual(g.report.linesSkipped, 1)
        XCTAssertEqual(g.componentSizes, [5, 2])
        XCTAssertEqual(g.report.components, 2)
        // Arcs: 2 two-way residential edges with 3 segments (6), the oneway
        // (2: foot ignores oneway), cycleway (2), far (2).
        XCTAssertEqual(g.arcCount, 12)
        XCTAssertEqual(Int(g.offsets[g.nodeCount]), g.arcCount)
        // Car cannot use the cycleway; the oneway has only a forward car arc.
        let cyc = (0..<g.edgeCount).first { g.edgeLengthM[$0] == 100 && g.coordinate(ofNode: g.edgeFrom[$0].index) == c(0, 100) }!
        XCTAssertFalse(g.edgeUsable(cyc, by: .car))
        XCTAssertTrue(g.edgeUsable(cyc, by: .bicycle))
        let top = (0..<g.edgeCount).first { g.coordinate(ofNode: g.edgeFrom[$0].index) == c(100, 100) }!
        let topForward = try XCTUnwrap(g.edgeForwardArc[top]), topBackward = try XCTUnwrap(g.edgeBackwardArc[top])
        XCTAssertEqual(g.arcTimeS[.car][topBackward.index], .infinity)
        XCTAssertEqual(g.arcTimeS[.bicycle][topBackward.index], .infinity)
        XCTAssertTrue(g.arcTimeS[.foot][topBackward.index].isFinite)
        // 100 m residential at 30 km/h = 12 s.
        XCTAssertEqual(Double(g.arcTimeS[.car][topForward.index]), 12, accuracy: 1e-4)
        // CSR is consistent with the edge arrays.
        for e in 0..<g.edgeCount {
            if let f = g.edgeForwardArc[e] { XCTAssertEqual(g.targets[f.index], g.edgeTo[e]); XCTAssertEqual(g.arcEdge[f.index], EdgeID(e)) }
            if let b = g.edgeBackwardArc[e] { XCTAssertEqual(g.targets[b.index], g.edgeFrom[e]); XCTAssertEqual(g.arcEdge[b.index], EdgeID(e)) }
        }
    }

    func testJunctionIdsAndSelfLoops() {
        let b = RoadGraphBuilder()
        // End points do not coincide, but junction ids join them.
        b.add(RoadLine(coordinates: [c(0, 0), c(50, 5), c(100, 0)], highway: "unclassified", startJunction: 1, endJunction: 2))
        b.add(RoadLine(coordinates: [c(100.5, 0.2), c(200, 0)], highway: "unclassified", startJunction: 2, endJunction: 3))
        b.add(RoadLine(coordinates: [c(200, 0), c(200, 10)], highway: "unclassified", startJunction: 3, endJunction: 3))
        let g = b.build()
        XCTAssertEqual(g.nodeCount, 4)
        XCTAssertEqual(g.edgeCount, 3)
        XCTAssertEqual(g.report.selfLoops, 1)
        XCTAssertEqual(g.componentSizes, [4])
    }

    func testSnapOntoSegmentMidpointAndRoute() {
        let b = RoadGraphBuilder()
        b.add(RoadLine(coordinates: [c(0, 0), c(100, 0)], highway: "residential"))
        b.add(RoadLine(coordinates: [c(100, 0), c(100, 200)], highway: "residential", oneway: .forward))
        let g = b.build()
        let snapper = SegmentSnapper(graph: g, mode: .car)
        // (30, 40) projects onto (30, 0): 30% along the first edge, 40 m away.
        let s = snapper.snap(c(30, 40))!
        let e = s.edge.index
        let fromIsOrigin = g.coordinate(ofNode: g.edgeFrom[e].index) == c(0, 0)
        XCTAssertEqual(s.fraction, fromIsOrigin ? 0.3 : 0.7, accuracy: 1e-12)
        XCTAssertEqual(s.distanceM, 40, accuracy: 1e-12)
        XCTAssertEqual(s.location.x, 30, accuracy: 1e-12)
        XCTAssertEqual(s.location.y, 0, accuracy: 1e-12)
        // Beyond the end: clamps to the end node.
        let end = snapper.snap(c(-30, 0))!
        XCTAssertEqual(end.distanceM, 30, accuracy: 1e-12)
        // Too far: unreachable.
        XCTAssertNil(snapper.snap(c(50, 5000)))
        XCTAssertNil(SegmentSnapper(graph: g, mode: .car, maxDistanceM: 10).snap(c(30, 40)))

        // Practice at (100, 150) on the oneway going north. From the home at
        // (30, 0): 70 m east + 150 m north = 220 m; 220 m at 30 km/h = 26.4 s.
        let practice = snapper.snap(c(105, 150))!
        let router = NearestFacilityRouter(graph: g, mode: .car, weight: .length)
        let labels = router.labelNodes(sources: [practice])
        let a = router.assign(s, labels: labels)
        XCTAssertEqual(a.nearest, PracticeIndex(0))
        XCTAssertEqual(a.nearestLengthM, 220, accuracy: 1e-3)
        XCTAssertEqual(a.nearestTimeS, 26.4, accuracy: 1e-3)
        XCTAssertEqual(a.nearestMinutes, 0.44, accuracy: 1e-5)
        XCTAssertEqual(a.snapM, 40, accuracy: 1e-12)
        XCTAssertNil(a.second)
        // Against the oneway there is no way back: from (100, 190) the
        // practice is unreachable by car but 40 m on foot.
        let late = snapper.snap(c(100, 190))!
        XCTAssertFalse(router.assign(late, labels: labels).isReachable)
        let walk = NearestFacilityRouter(graph: g, mode: .foot, weight: .length)
        let onFoot = walk.assign(late, labels: walk.labelNodes(sources: [practice]))
        XCTAssertEqual(onFoot.nearestLengthM, 40, accuracy: 1e-3)
    }

    func testSnapperMatchesBruteForce() {
        let g = SyntheticRoadNetwork.generate(nodes: 5_000, seed: 3)
        let snapper = SegmentSnapper(graph: g, mode: .car, maxDistanceM: 300)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let p = Coordinate(x: 155_000 + Double.random(in: -500...6000, using: &rng), y: 463_000 + Double.random(in: -500...6000, using: &rng))
            var best = Double.infinity
            for e in 0..<g.edgeCount where g.edgeUsable(e, by: .car) {
                let a = g.coordinate(ofNode: g.edgeFrom[e].index), b = g.coordinate(ofNode: g.edgeTo[e].index)
                let dx = b.x - a.x, dy = b.y - a.y
                let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
                best = min(best, Coordinate(x: a.x + t * dx, y: a.y + t * dy).distance(to: p))
            }
            let s = snapper.snap(p)
            if best <= 300 {
                XCTAssertNotNil(s)
                if let s { XCTAssertEqual(s.distanceM, best, accuracy: 1e-9) }
            } else {
                XCTAssertNil(s)
            }
        }
    }
}
