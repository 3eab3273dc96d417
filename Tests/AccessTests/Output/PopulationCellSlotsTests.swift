@testable import Access
import Geo
import XCTest

/// `PopulationCells.slots` (flat grid or dictionary) against a brute force:
/// each point's 500 m square named by text from floor(x / 500), floor(y / 500),
/// squares numbered in the order first met.
final class PopulationCellSlotsTests: XCTestCase {
    func testSlotsEqualBruteForceWithEitherLookup() {
        var generator = SystemRandomNumberGenerator()
        var points: [PopulationPoint] = []
        for i in 0..<20_000 {
            // Mostly a 30 × 20 km area, some far away (lat/lon read as RD), some negative, a few without a location.
            var c = Coordinate(x: Double.random(in: 180_000..<210_000, using: &generator), y: Double.random(in: 520_000..<540_000, using: &generator))
            switch i % 97 {
            case 0: c = Coordinate(x: 6.56, y: 52.99)
            case 1: c = Coordinate(x: -Double.random(in: 0..<5_000, using: &generator), y: -0.25)
            case 2: c = Coordinate(x: .nan, y: 530_000)
            case 3: c = Coordinate(x: 2e9, y: 530_000)
            case 4: c = Coordinate(x: 199_500, y: 529_500)  // on a corner
            default: break
            }
            points.append(PopulationPoint(id: "\(i)", location: c, inhabitants: 1))
        }
        var expected = [Int32](repeating: -1, count: points.count), names: [String: Int32] = [:], order: [String] = []
        for (i, p) in points.enumerated() {
            let c = p.location
            guard c.x.isFinite, c.y.isFinite, abs(c.x) < 1e9, abs(c.y) < 1e9 else { continue }
            let name = "\(Int((c.x / 500).rounded(.down))),\(Int((c.y / 500).rounded(.down)))"
            if names[name] == nil { names[name] = Int32(order.count); order.append(name) }
            expected[i] = names[name]!
        }
        for denseLimit in [1 << 23, 0] {
            let (slot, keys) = PopulationCells.slots(points, size: 500, denseLimit: denseLimit)
            XCTAssertEqual(slot, expected, "dense limit \(denseLimit)")
            XCTAssertEqual(keys.map { "\($0 >> 32),\(Int32(truncatingIfNeeded: $0))" }, order, "dense limit \(denseLimit)")
        }
        XCTAssertGreaterThan(order.count, 1_000)
    }
}
