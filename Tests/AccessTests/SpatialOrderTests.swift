import XCTest
import Geo
@testable import Access

/// The work order of the road pass (`SpatialOrder`) and the helpers that
/// run it (`ParallelWork.forEachBlock`, `ParallelWork.forEach(inOrder:)`),
/// against plain loops.
final class SpatialOrderTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    func testEveryIndexIsVisitedOnceInContiguousBlocks() {
        for threads in [1, 2, 3, 8] {
            ParallelWork.threads = threads
            for n in [0, 1, 7, 10_007] {
                let lock = NSLock()
                var seen = [Int](repeating: 0, count: n), blocks: [Range<Int>] = []
                seen.withUnsafeMutableBufferPointer { s in
                    nonisolated(unsafe) let s = s
                    ParallelWork.forEachBlock(count: n, minPerWorker: 1_000) { range in
                        for i in range { s[i] += 1 }
                        lock.lock(); blocks.append(range); lock.unlock()
                    }
                }
                XCTAssertEqual(seen, [Int](repeating: 1, count: n), "threads \(threads), n \(n)")
                XCTAssertLessThanOrEqual(blocks.count, max(1, min(threads, n / 1_000)))
            }
        }
    }

    func testForEachInOrderVisitsEveryIndexOnceInBlocksOfTheOrder() {
        var rng = SplitMix64(seed: 3)
        for threads in [1, 2, 3, 8] {
            ParallelWork.threads = threads
            for n in [0, 1, 7, 10_007] {
                // A permutation made by sorting random keys, not by the code under test.
                let keys = (0..<n).map { _ in rng.unit() }
                let order = (0..<n).sorted { keys[$0] < keys[$1] }.map(Int32.init)
                let lock = NSLock()
                var seen = [Int](repeating: 0, count: n)
                var visits: [[Int]] = []
                seen.withUnsafeMutableBufferPointer { s in
                    nonisolated(unsafe) let s = s
                    ParallelWork.forEach(inOrder: order, minPerWorker: 1_000) { i in
                        s[i] += 1
                        lock.lock(); visits.append([i]); lock.unlock()
                    }
                }
                XCTAssertEqual(seen, [Int](repeating: 1, count: n), "threads \(threads), n \(n)")
                // On one thread (or too few items for two) the indexes come exactly in `order`.
                if threads == 1 || n < 2_000 { XCTAssertEqual(visits.map { Int32($0[0]) }, order) }
            }
        }
    }

    func testOrderIsAPermutationGroupingEachCell() {
        var rng = SplitMix64(seed: 7)
        // Two clusters far apart, points interleaved in index order, and a point that is not finite.
        var cs = (0..<5_000).map { i -> Coordinate in
            let base = i % 2 == 0 ? 0.0 : 100_000.0
            return Coordinate(x: base + rng.unit() * 10, y: base + rng.unit() * 10)
        }
        cs[17] = Coordinate(x: .nan, y: 3)
        let order = SpatialOrder.indexes(count: cs.count) { cs[$0] }
        XCTAssertEqual(order.map(Int.init).sorted(), Array(0..<cs.count))
        // The non-finite point last; every cluster's points one after the other.
        XCTAssertEqual(order.last, 17)
        let cluster = order.dropLast().map { cs[Int($0)].x < 50_000 }
        let switches = zip(cluster, cluster.dropFirst()).filter { $0 != $1 }.count
        XCTAssertEqual(switches, 1)
    }

    func testNoFinitePointKeepsIndexOrder() {
        let cs = [Coordinate(x: .infinity, y: 0), Coordinate(x: .nan, y: .nan)]
        XCTAssertEqual(SpatialOrder.indexes(count: 2) { cs[$0] }, [0, 1])
        XCTAssertEqual(SpatialOrder.indexes(count: 0) { cs[$0] }, [])
    }
}
