import XCTest
@testable import Access
import BereikBench

/// The blocked counting sort's scatter, block by block on the workers,
/// against Swift's stable sort of (key, index) with the left-out keys (-1)
/// dropped.
final class BlockedCountingSortTests: XCTestCase {
    func testScatterEqualsAStableSortWhateverTheBlocks() {
        var rng = SplitMix64(seed: 2026_12_01)
        let threads = ParallelWork.threads
        defer { ParallelWork.threads = threads }
        for round in 0..<60 {
            let n = Int.random(in: 0...3_000, using: &rng), buckets = Int.random(in: 1...50, using: &rng)
            let keys = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.2 ? Int32(-1) : Int32.random(in: 0..<Int32(buckets), using: &rng) }
            let expected = keys.indices.filter { keys[$0] >= 0 }.sorted { (keys[$0], $0) < (keys[$1], $1) }
            var expectedOffsets = [Int32](repeating: 0, count: buckets + 1)
            for k in keys where k >= 0 { expectedOffsets[Int(k) + 1] += 1 }
            for b in 0..<buckets { expectedOffsets[b + 1] += expectedOffsets[b] }

            ParallelWork.threads = 1 + round % 5
            let blocks = BlockedCountingSort.blocks(count: n, minPerWorker: 1 + round % 3 * 400)
            XCTAssertEqual(blocks.first?.lowerBound ?? 0, 0)
            XCTAssertEqual(blocks.last?.upperBound ?? n, n)
            var sort = BlockedCountingSort(keys: blocks.map { keys[$0] }, buckets: buckets)
            XCTAssertEqual(sort.offsets, expectedOffsets, "round \(round)")
            var placed = [Int](repeating: -1, count: sort.total)
            placed.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                sort.scatter(blocks: blocks.count) { w, next in
                    for i in blocks[w] where keys[i] >= 0 {
                        out[Int(next[Int(keys[i])])] = i
                        next[Int(keys[i])] += 1
                    }
                }
            }
            XCTAssertEqual(placed, expected, "round \(round): \(blocks.count) blocks")
        }
    }
}
