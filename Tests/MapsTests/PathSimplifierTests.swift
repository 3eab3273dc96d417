import XCTest
@testable import Maps

/// Known answers worked out by hand: which vertices a 0.25-unit tolerance keeps
/// (and the map tolerance of half a unit, where it differs).
final class PathSimplifierTests: XCTestCase {
    func testStaircaseBelowTheToleranceBecomesItsEnds() {
        // Steps of 0.2 × 0.2 units from (0, 0) to (2, 2): every corner lies
        // within 0.2 / √2 ≈ 0.14 of the diagonal.
        var stairs: [(x: Double, y: Double)] = [(0, 0)]
        for i in 1...10 {
            stairs.append((Double(i) * 0.2, Double(i - 1) * 0.2))
            stairs.append((Double(i) * 0.2, Double(i) * 0.2))
        }
        let kept = PathSimplifier.simplify(stairs, tolerance: 0.25)
        XCTAssertEqual(kept.map(\.x), [0, 2])
        XCTAssertEqual(kept.map(\.y), [0, 2])
    }

    func testAVertexFartherThanTheToleranceStays() {
        // (5, 0.3) is 0.3 from the chord y = 0 and stays; then (2, 0.1) is 0.02 from
        // (0, 0)–(5, 0.3) and (7, 0.1) 0.08 from (5, 0.3)–(10, 0): both go.
        let line: [(x: Double, y: Double)] = [(0, 0), (2, 0.1), (5, 0.3), (7, 0.1), (10, 0)]
        XCTAssertEqual(PathSimplifier.simplify(line, tolerance: 0.25).map(\.x), [0, 5, 10])
        XCTAssertEqual(PathSimplifier.simplify(line, tolerance: 0.5).map(\.x), [0, 10], "0.3 is within half a unit")
    }

    func testASquareRingKeepsItsCorners() {
        let square: [(x: Double, y: Double)] = [(0, 0), (10, 0), (10, 5), (10, 10), (0, 10), (0, 0)]
        let kept = PathSimplifier.simplify(square, tolerance: 0.25)
        // (10, 5) lies on the edge (10, 0)–(10, 10): dropped; the four corners and the closing point stay.
        XCTAssertEqual(kept.map(\.x), [0, 10, 10, 0, 0])
        XCTAssertEqual(kept.map(\.y), [0, 0, 10, 10, 0])
    }

    func testShortPathsAreUntouched() {
        let three: [(x: Double, y: Double)] = [(0, 0), (0.1, 0), (0.2, 0)]
        XCTAssertEqual(PathSimplifier.simplify(three).count, 3)
    }
}
