import XCTest
import Geo
@testable import Access

/// The one-traversal query (nearest of all, nearest two of the marked)
/// against brute force as exact values, ties to the lower caller's index,
/// on a lattice with many equal distances and marked subsets of every size
/// from none to all.
final class KDTreeMarkedTests: XCTestCase {
    func testNearestAndTwoMarkedEqualBruteForceIncludingTies() {
        var rng = SplitMix64(seed: 11)
        for size in [1, 2, 3, KDTree.leafSize, KDTree.leafSize + 1, 40, 700] {
            for share in [0.0, 0.1, 0.5, 0.9, 1.0] {
                var pts = (0..<size).map { _ in Coordinate(x: Double(Int(rng.unit() * 25)) * 100, y: Double(Int(rng.unit() * 25)) * 100) }
                if size > 3 { pts[3] = pts[1] }
                let marked = (0..<size).map { _ in rng.unit() < share }
                let tree = KDTree(pts, marked: marked)
                for _ in 0..<300 {
                    let q = Coordinate(x: Double(Int(rng.unit() * 52)) * 50 - 50, y: Double(Int(rng.unit() * 52)) * 50 - 50)
                    let ranked = pts.indices.map { k -> (d: Double, k: Int) in
                        let dx = pts[k].x - q.x, dy = pts[k].y - q.y
                        return (dx * dx + dy * dy, k)
                    }.sorted { $0.d != $1.d ? $0.d < $1.d : $0.k < $1.k }
                    let open = ranked.filter { marked[$0.k] }
                    let a = tree.nearestAndTwoMarked(to: q)
                    let context = "size \(size), share \(share), query \(q)"
                    XCTAssertEqual(a.any, ranked[0].k, context)
                    XCTAssertEqual(a.anyDistance, ranked[0].d.squareRoot(), context)
                    XCTAssertEqual(a.first, open.first?.k ?? -1, context)
                    XCTAssertEqual(a.firstDistance, open.first?.d.squareRoot() ?? .infinity, context)
                    XCTAssertEqual(a.second, open.count > 1 ? open[1].k : -1, context)
                    XCTAssertEqual(a.secondDistance, open.count > 1 ? open[1].d.squareRoot() : .infinity, context)
                }
            }
        }
    }
}
