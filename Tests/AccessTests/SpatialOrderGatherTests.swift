import XCTest
import Geo
@testable import Access

/// Work in spatial order handed back in the points' order (`ranks`,
/// `gather`, `map`), against plain loops over the points' order, on any
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

    func testMapEqualsAPlainMapInThePointsOrder() {
        var rng = SplitMix64(seed: 22)
        var cs = (0..<120_003).map { _ in Coordinate(x: rng.unit() * 200_000, y: rng.unit() * 300_000) }
        cs[5] = Coordinate(x: .nan, y: 1)
        for threads in [1, 2, 3] {
            ParallelWork.threads = threads
            let mapped = SpatialOrder.map(count: cs.count, minPerWorker: 1_000, { cs[$0] }) { c in c.x * 3 + c.y }
            let plain = cs.map { c in c.x * 3 + c.y }
            XCTAssertEqual(mapped.count, plain.count)
            XCTAssertTrue(zip(mapped, plain).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "threads \(threads)")
        }
    }
}
