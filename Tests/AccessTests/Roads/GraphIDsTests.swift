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

    func testTypedReverseArcsKeepSixteenBytes() {
        // One Int32 tail and three Floats: the search reads an arc in one load,
        // whichever numbering the tail is in.
        XCTAssertEqual(MemoryLayout<RouteArc<NodeID>>.stride, 16)
        XCTAssertEqual(MemoryLayout<RouteArc<CoreNodeID>>.stride, 16)
        // The capacity searches' arc: an Int32 tail and a Float64 cost.
        XCTAssertEqual(MemoryLayout<ReverseArc<NodeID, Double>>.stride, 16)
        XCTAssertEqual(MemoryLayout<QueuedLabel<CoreNodeID>>.stride, 8)
        XCTAssertEqual(MemoryLayout<MinHeap<QueuedLabel<CoreNodeID>>.Entry>.stride, 16)
        let arc = RouteArc(from: NodeID(7), cost: 1.5, length: 20, time: 2).withTail(CoreNodeID(3))
        XCTAssertEqual(arc.from, CoreNodeID(3))
        XCTAssertEqual([arc.cost, arc.length, arc.time], [1.5, 20, 2])
    }

    func testRegionIdsKeepPracticeAccessStride() {
        // An optional RegionIndex (5 bytes) where an Int32 with -1 stood:
        // PracticeAccess stays at its 112 bytes, PointAccess at 56 (above).
        XCTAssertEqual(MemoryLayout<RegionIndex?>.size, 5)
        XCTAssertEqual(MemoryLayout<PracticeAccess>.stride, 112)
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
