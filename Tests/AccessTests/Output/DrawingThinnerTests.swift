import XCTest
@testable import Access

/// Properties checked by hand-written geometry, not by GEOS: thinning keeps
/// only original vertices, keeps every dropped vertex within the tolerance of
/// the drawn outline, and drops the steps of a raster staircase.
final class DrawingThinnerTests: XCTestCase {
    /// A right triangle (0,0)–(100,0)–(100,100) whose hypotenuse is traced as
    /// a staircase of 5 m steps, as `GDALPolygonize` traces a diagonal edge:
    /// each step's outer corner lies 5/√2 ≈ 3.54 m from the hypotenuse.
    func staircase() -> [Coordinate] {
        var ring = [Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0), Coordinate(x: 100, y: 100)]
        var x = 100.0, y = 100.0
        while x > 0 { x -= 5; ring.append(Coordinate(x: x, y: y)); y -= 5; ring.append(Coordinate(x: x, y: y)) }
        return ring
    }

    func distance(_ p: Coordinate, toRing ring: [Coordinate]) -> Double {
        zip(ring, ring.dropFirst()).map { a, b in
            let dx = b.x - a.x, dy = b.y - a.y
            let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
            return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
        }.min()!
    }

    func testARasterStaircaseThinsToNearlyItsCornersWithinTheTolerance() throws {
        let thinner = DrawingThinner()
        let ring = staircase()
        XCTAssertEqual(ring.count, 43)
        XCTAssertEqual(ring.last, Coordinate(x: 0, y: 0))
        for tolerance in [4.0, 10.0] {
            guard case .polygon(let rings) = thinner.thinned(.polygon([ring]), tolerance: tolerance) else { return XCTFail() }
            let thin = rings[0]
            XCTAssertLessThanOrEqual(thin.count, 6, "tolerance \(tolerance): \(thin)")
            XCTAssertTrue(Set(thin).isSubset(of: Set(ring)), "only original vertices are drawn")
            for corner in [Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0), Coordinate(x: 100, y: 100)] {
                XCTAssertTrue(thin.contains(corner), "corner \(corner) kept")
            }
            for p in ring {
                XCTAssertLessThanOrEqual(distance(p, toRing: thin), tolerance + 1e-9, "\(p) within the tolerance")
            }
        }
        // Below the steps' offset the outline keeps most of its steps.
        guard case .polygon(let fine) = thinner.thinned(.polygon([ring]), tolerance: 1) else { return XCTFail() }
        XCTAssertGreaterThan(fine[0].count, 30)
    }

    func testPointsAndSmallShapesAreDrawnAsTheyAre() {
        let thinner = DrawingThinner()
        let square: [Coordinate] = [.init(x: 0, y: 0), .init(x: 10, y: 0), .init(x: 10, y: 5), .init(x: 10, y: 10),
                                    .init(x: 0, y: 10), .init(x: 0, y: 0)]
        XCTAssertEqual(thinner.thinned(.polygon([square]), tolerance: 1), .polygon([square]))
        XCTAssertEqual(thinner.thinned(.point(.init(x: 1, y: 2)), tolerance: 100), .point(.init(x: 1, y: 2)))
    }
}
