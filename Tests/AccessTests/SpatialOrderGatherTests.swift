import XCTest
import Geo
@testable import Access

/// Work in spatial order handed back in the points' order (`ranks`,
/// `gather`), against plain loops over the points' order, on any
/// number of threads.
final class SpatialOrderGatherTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    func testRanksInvertTheOrderAndGatherReadsByIndex() {
        var rng = SplitMix64(seed: 21)
        for n in [0, 1, 9, 250_001] {
            let keys = (0..<n).map { _ in rng.unit() }
            let order = (0..<n).sorted { keys[$0] < keys[$1] }.map(Int32.init)
            let ranks = SpatialOrder.ranks(order)
            for k in stride(from: 0, to: n, by: max(1, n / 1_000)) { XCTAssertEqual(ranks[Int(order[k])], Int32(k)) }
            let values = (0..<n).map { Double($0) * 1.5 }
            for threads in [1, 2, 3] {
                ParallelWork.threads = threads
                let inOrder = SpatialOrder.gather(values, by: order)
                XCTAssertEqual(inOrder, order.map { values[Int($0)] }, "n \(n), threads \(threads)")
                XCTAssertEqual(SpatialOrder.gather(inOrder, by: ranks), values, "n \(n), threads \(threads)")
            }
        }
    }
}
