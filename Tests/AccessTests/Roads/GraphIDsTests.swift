import XCTest
@testable import Access

/// Optional ids stay as small as the -1 columns they replaced.
final class GraphIDsTests: XCTestCase {
    func testPointAccessAndNearestPairKeepTheirStride() {
        // 56 and 32 bytes with Int32 ids and -1 for none: an optional
        // PracticeIndex (5 bytes) fits in the padding after each id.
        XCTAssertEqual(MemoryLayout<PointAccess>.stride, 56)
        XCTAssertEqual(MemoryLayout<NearestPair>.stride, 32)
    }

    func testOptionalIDsHoldFourBytesARowAndRoundTrip() {
        var column = OptionalIDs<PracticeIndex>(repeating: nil, count: 5)
        column[1] = PracticeIndex(0)
        column[3] = PracticeIndex(7)
        XCTAssertEqual(Array(column), [nil, PracticeIndex(0), nil, PracticeIndex(7), nil])
        XCTAssertEqual(column.raw, [-1, 0, -1, 7, -1])
        XCTAssertEqual(MemoryLayout<Int32>.stride * column.raw.count, 20)
        column[3] = nil
        XCTAssertNil(column[3])
        XCTAssertEqual(OptionalIDs<PracticeIndex>([nil, PracticeIndex(2)]).raw, [-1, 2])
        XCTAssertEqual(column[EdgeID(1)], PracticeIndex(0), "a row named by another kind of id")
    }
}
