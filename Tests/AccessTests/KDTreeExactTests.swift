import XCTest
import Geo
@testable import Access

/// The tree's answers against brute force as exact values: the nearest (and
/// two nearest) by squared distance, ties to the lower caller's index, with
/// the same squared-distance arithmetic, on sizes below, at and above the
/// ranges searched point by point, on a lattice with many equal distances.
final class KDTreeExactTests: XCTestCase {
    func testNearestAndNearestTwoEqualBruteForceIncludingTies() {
        var rng = SplitMix64(seed: 5)
        for size in [1, 2, KDTree.leafSize - 1, KDTree.leafSize, KDTree.leafSize + 1, 40, 1_000] {
            var pts = (0..<size).map { _ in Coordinate(x: Double(Int(rng.unit() * 30)) * 100, y: Double(Int(rng.unit() * 30)) * 100) }
            if size > 3 { pts[2] = pts[0] }
            let tree = KDTree(pts)
            for _ in 0..<400 {
                // Queries on lattice points and midpoints: many exact ties.
                let q = Coordinate(x: Double(Int(rng.unit() * 62)) * 50 - 50, y: Double(Int(rng.unit() * 62)) * 50 - 50)
                let ranked = pts.indices.map { k -> (d: Double, k: Int) in
                    let dx = pts[k].x - q.x, dy = pts[k].y - q.y
                    return (dx * dx + dy * dy, k)
                }.sorted { $0.d != $1.d ? $0.d < $1.d : $0.k < $1.k }
                let two = tree.nearestTwo(to: q), one = tree.nearest(to: q)
                XCTAssertEqual(one.index, ranked[0].k, "size \(size)")
                XCTAssertEqual(one.distance, ranked[0].d.squareRoot())
                XCTAssertEqual(two.first, ranked[0].k)
                XCTAssertEqual(two.firstDistance, ranked[0].d.squareRoot())
                if size >= 2 {
                    XCTAssertEqual(two.second, ranked[1].k, "size \(size)")
                    XCTAssertEqual(two.secondDistance, ranked[1].d.squareRoot())
                } else {
                    XCTAssertEqual(two.second, -1)
                    XCTAssertEqual(two.secondDistance, .infinity)
                }
            }
        }
    }
}
