import XCTest
@testable import Access

/// The Morton code against a bit-by-bit interleave written out plainly.
final class MortonCodeTests: XCTestCase {
    func plainInterleave(_ x: UInt64, _ y: UInt64) -> UInt64 {
        var code: UInt64 = 0
        for bit in 0..<16 {
            code |= ((x >> UInt64(bit)) & 1) << UInt64(2 * bit)
            code |= ((y >> UInt64(bit)) & 1) << UInt64(2 * bit + 1)
        }
        return code
    }

    func testCodeInterleavesXInTheEvenBitsAndYInTheOdd() {
        XCTAssertEqual(MortonCode.of(x: 1, y: 0), 1)
        XCTAssertEqual(MortonCode.of(x: 0, y: 1), 2)
        XCTAssertEqual(MortonCode.of(x: 3, y: 5), 0b100111)
        XCTAssertEqual(MortonCode.of(x: 65_535, y: 65_535), 0xFFFF_FFFF)
        XCTAssertEqual(MortonCode.of(x: 65_536 + 7, y: 0), MortonCode.of(x: 7, y: 0), "bits above 16 are dropped")
        var rng = SplitMix64(seed: 11)
        for _ in 0..<10_000 {
            let x = rng.next() & 0xFFFF, y = rng.next() & 0xFFFF
            XCTAssertEqual(MortonCode.of(x: x, y: y), plainInterleave(x, y))
        }
    }
}
