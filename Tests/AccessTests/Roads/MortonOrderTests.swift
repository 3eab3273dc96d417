import XCTest
@testable import Access

/// The builder's node numbering (radix-sorted Morton codes) against a
/// comparison sort of the same keys, on nodes with many equal codes.
final class MortonOrderTests: XCTestCase {
    func testRadixOrderIsTheComparisonSortOfTheKeys() {
        var rng = SplitMix64(seed: 31)
        for n in [1, 2, 255, 10_000] {
            // Few distinct places, so that many nodes share a code.
            let xs = (0..<n).map { _ in Double(Int.random(in: 0..<40, using: &rng)) * 12.5 }
            let ys = (0..<n).map { _ in Double(Int.random(in: 0..<40, using: &rng)) * 7.25 }
            let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
            let sx = 65535 / max(maxX - minX, 1e-9), sy = 65535 / max(maxY - minY, 1e-9)
            var keys = (0..<n).map { v in
                MortonCode.of(x: UInt64(((xs[v] - minX) * sx).rounded()), y: UInt64(((ys[v] - minY) * sy).rounded())) << 32 | UInt64(v)
            }
            keys.sort()
            var expected = [Int32](repeating: 0, count: n)
            for (rank, k) in keys.enumerated() { expected[Int(k & 0xFFFF_FFFF)] = Int32(rank) }
            XCTAssertEqual(RoadGraphBuilder.mortonOrder(xs: xs, ys: ys), expected, "n \(n)")
        }
    }

    func testStableSortByHighHalf() {
        var rng = SplitMix64(seed: 8)
        let keys = (0..<5_000).map { i in UInt64.random(in: 0..<64, using: &rng) << 56 | UInt64.random(in: 0..<3, using: &rng) << 33 | UInt64(i) }
        XCTAssertEqual(RoadGraphBuilder.sortedByHighHalf(keys), keys.sorted())
        XCTAssertEqual(RoadGraphBuilder.sortedByHighHalf([7 << 32 | 2, 7 << 32 | 9, 3 << 32 | 5]), [3 << 32 | 5, 7 << 32 | 2, 7 << 32 | 9], "by hand")
    }
}
