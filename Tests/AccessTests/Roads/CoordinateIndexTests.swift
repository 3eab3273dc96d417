import XCTest
@testable import Access

/// The builder's coordinate → node table against a Swift dictionary, with
/// keys at and beyond the 32-bit packing limits, negatives and many repeats.
final class CoordinateIndexTests: XCTestCase {
    func testAgreesWithADictionary() {
        var rng = SplitMix64(seed: 99)
        let edges: [Int64] = [0, 1, -1, Int64(Int32.max), Int64(Int32.min), Int64(Int32.max) + 1, Int64(Int32.min) - 1, Int64.max, Int64.min, 1 << 32, -(1 << 32)]
        var keys: [SIMD2<Int64>] = []
        for x in edges { for y in edges { keys.append(SIMD2(x, y)) } }
        for _ in 0..<50_000 {
            keys.append(SIMD2(Int64.random(in: -3_000...3_000, using: &rng), Int64.random(in: -3_000...3_000, using: &rng)))
        }
        keys.shuffle(using: &rng)
        var index = CoordinateIndex(expected: 16)
        var expected: [SIMD2<Int64>: Int32] = [:]
        for (n, k) in (keys + keys.reversed()).enumerated() {
            let got = index.id(k, orInsert: Int32(n))
            if let known = expected[k] { XCTAssertEqual(got, known, "\(k)") } else { XCTAssertEqual(got, Int32(n)); expected[k] = Int32(n) }
        }
        XCTAssertEqual(index.count, expected.count)
    }

    func testPackingKeepsEveryPairApart() {
        XCTAssertEqual(CoordinateIndex.packed(SIMD2(1, 0)), 1 << 32)
        XCTAssertEqual(CoordinateIndex.packed(SIMD2(0, 1)), 1)
        XCTAssertEqual(CoordinateIndex.packed(SIMD2(-1, -1)), UInt64.max)
        XCTAssertEqual(CoordinateIndex.packed(SIMD2(0, -1)), 0xFFFF_FFFF)
        XCTAssertNil(CoordinateIndex.packed(SIMD2(Int64(Int32.max) + 1, 0)))
        XCTAssertNil(CoordinateIndex.packed(SIMD2(0, Int64(Int32.min) - 1)))
    }
}
