import XCTest
import Geo
@testable import Access

/// `EdgePosition` on a car-only oneway edge (no arc at all against its
/// direction): a practice inside it is reached only along the arc that
/// exists. Expected costs by hand on the square below (metres):
///
///     (0,100) ---100--- (100,100)
///        |                  |
///       100                 50 + 50   point P snaps at (100,50)
///        |                  |
///     (0,0) ==50==> practice (50,0) ==50==> (100,0)     car only, oneway →
///
/// From P the car goes up, left, down and along the oneway: 50 + 100 + 100 + 50 = 300;
/// reaching (100,0) after 50 m does not reach the practice, which lies
/// against the oneway from there (an absent arc is not "no travel").
final class EdgePositionTests: XCTestCase {
    /// Every arc measures `cost`.
    struct Each: ArcMeasures {
        var cost: Double
        func whole(_ arc: Int) -> Double? { cost }
    }

    func graph() -> RoadGraph {
        let b = RoadGraphBuilder()
        func c(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }
        b.add(RoadLine(coordinates: [c(0, 0), c(100, 0)], highway: "primary", oneway: .forward, allowed: [.car]))
        b.add(RoadLine(coordinates: [c(100, 0), c(100, 100), c(0, 100), c(0, 0)], highway: "residential"))
        return b.build()
    }

    func testPracticeOnAOnewayEdgeIsReachedOnlyAlongIt() throws {
        let g = graph()
        let oneway = try XCTUnwrap((0..<g.edgeCount).first { g.edgeLengthM[$0] == 100 && g.nodeY[g.edgeFrom[$0].index] == 0 && g.nodeY[g.edgeTo[$0].index] == 0 })
        XCTAssertNotNil(g.edgeForwardArc[oneway])
        XCTAssertNil(g.edgeBackwardArc[oneway], "no mode travels the oneway backwards")
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let practice = try XCTUnwrap(snapper.snap(Coordinate(x: 50, y: 5)))
        XCTAssertEqual(practice.edge, EdgeID(oneway))
        let point = try XCTUnwrap(snapper.snap(Coordinate(x: 105, y: 50)))

        let targets = NearestPracticesSearch.Targets(graph: g, mode: .car, snaps: [practice])
        var search = NearestPracticesSearch(nodeCount: g.nodeCount)
        let found = search.nearest(from: point, graph: g, targets: targets, weight: .length, k: 1)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(try XCTUnwrap(found.first).cost, 300, accuracy: 1e-3)

        // The router (over the reversed graph) agrees.
        let router = NearestFacilityRouter(graph: g, mode: .car, weight: .length)
        let assigned = router.assign(point, labels: router.labelNodes(sources: [practice]))
        XCTAssertEqual(assigned.nearestCost, 300, accuracy: 1e-3)
    }

    func testPartsToTheEndsAndAlongTheEdge() throws {
        let g = graph()
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let at = try XCTUnwrap(EdgePosition(try XCTUnwrap(snapper.snap(Coordinate(x: 25, y: 1))), in: g))
        XCTAssertTrue(at.isInside)
        var entries: [(NodeID, ArcID?, Double)] = [], exits: [(NodeID, ArcID?, Double)] = []
        for end in at.entries { entries.append((end.node, end.part.arc, end.part.fraction)) }
        for end in at.exits { exits.append((end.node, end.part.arc, end.part.fraction)) }
        // Reached from (0,0) along a quarter of the forward arc; left only towards (100,0), three quarters.
        XCTAssertEqual(entries.map(\.0), [at.from])
        XCTAssertEqual(entries.first?.2 ?? .nan, 0.25, accuracy: 1e-12)
        XCTAssertEqual(exits.map(\.0), [at.to])
        XCTAssertEqual(exits.first?.2 ?? .nan, 0.75, accuracy: 1e-12)
        XCTAssertEqual(at.along(to: 0.75)?.fraction ?? .nan, 0.5, accuracy: 1e-12)
        XCTAssertNil(at.along(to: 0.1), "against the oneway: no arc")
        XCTAssertNil(at.along(to: 0.25)?.arc, "the same position: no travel")
        XCTAssertEqual(at.along(to: 0.25)?.measure(Each(cost: 1)), 0)
        XCTAssertEqual(at.along(from: 0.1)?.measure(Each(cost: 100)) ?? .nan, 15, accuracy: 1e-9)
    }
}
