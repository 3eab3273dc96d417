import XCTest
import Geo
@testable import Access

final class KDTreeTests: XCTestCase {
    func testNearestTwoMatchesBruteForce() {
        var rng = SplitMix64(seed: 1)
        for size in [0, 1, 2, 3, 10, 257, 2_000] {
            // Clustered and duplicated points to stress ties.
            var pts = (0..<size).map { _ in Coordinate(x: (rng.unit() * 50).rounded() * 100, y: (rng.unit() * 50).rounded() * 100) }
            if size > 4 { pts[1] = pts[0] }
            let tree = KDTree(pts)
            for _ in 0..<300 {
                let q = Coordinate(x: rng.unit() * 6_000 - 500, y: rng.unit() * 6_000 - 500)
                let sorted = pts.map { $0.distance(to: q) }.sorted()
                let r = tree.nearestTwo(to: q)
                if size == 0 {
                    XCTAssertEqual(r.first, -1)
                    continue
                }
                XCTAssertEqual(r.firstDistance, sorted[0], accuracy: 1e-9)
                XCTAssertEqual(pts[r.first].distance(to: q), sorted[0], accuracy: 1e-9)
                if size >= 2 {
                    XCTAssertEqual(r.secondDistance, sorted[1], accuracy: 1e-9)
                    XCTAssertNotEqual(r.first, r.second)
                } else {
                    XCTAssertEqual(r.second, -1)
                }
            }
        }
    }
}
