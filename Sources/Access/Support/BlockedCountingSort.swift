/// The positions of a stable counting sort worked out for items that come in
/// blocks (contiguous runs, one per worker), so that each block can then
/// scatter its own items on its own worker. Each item has a key in
/// `0..<buckets`, or -1 (left out). `offsets` are the buckets' starts (CSR);
/// `next[block * buckets + b]` is where the block's first item of bucket b
/// goes. A block's items of one bucket come after those of the blocks before
/// it, so the order is that of one pass over the blocks in turn.
///
/// For per-point work in random memory order (points in file order, their
/// edges or nodes anywhere in the graph): the counting and the scattering are
/// bound by the processor's waits for memory, which two workers share.
struct BlockedCountingSort {
    let buckets: Int
    let offsets: [Int32]
    var next: [Int32]

    /// `keys[block]`: that block's items' keys, in order.
    init(keys: [ArraySlice<Int32>], buckets: Int) {
        let blocks = keys.count
        self.buckets = buckets
        var next = [Int32](repeating: 0, count: blocks * buckets)
        next.withUnsafeMutableBufferPointer { counts in
            nonisolated(unsafe) let counts = counts
            ParallelWork.forEachWorker(count: blocks) { _, indexes in
                for w in indexes {
                    let row = counts.baseAddress! + w * buckets
                    keys[w].withUnsafeBufferPointer { keys in
                        for k in keys where k >= 0 { row[Int(k)] += 1 }
                    }
                }
            }
        }
        var offsets = [Int32](repeating: 0, count: buckets + 1)
        next.withUnsafeMutableBufferPointer { next in
            offsets.withUnsafeMutableBufferPointer { offsets in
                var run: Int32 = 0
                for b in 0..<buckets {
                    offsets[b] = run
                    for w in 0..<blocks {
                        let c = next[w * buckets + b]
                        next[w * buckets + b] = run
                        run += c
                    }
                }
                offsets[buckets] = run
            }
        }
        self.offsets = offsets
        self.next = next
    }

    /// The items in all buckets.
    var total: Int { Int(offsets[buckets]) }

    /// Runs `body(block, next)` for every block on the workers, `next` being
    /// the block's row of `next` (bucket → its next position), to advance
    /// while it places its items.
    mutating func scatter(blocks: Int, _ body: (_ block: Int, _ next: UnsafeMutablePointer<Int32>) -> Void) {
        let buckets = buckets
        next.withUnsafeMutableBufferPointer { next in
            nonisolated(unsafe) let next = next
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                ParallelWork.forEachWorker(count: blocks) { _, indexes in
                    for w in indexes { body(w, next.baseAddress! + w * buckets) }
                }
            }
        }
    }

    /// Contiguous blocks of `0..<n`, one per worker (at least `minPerWorker` items each).
    static func blocks(count n: Int, minPerWorker: Int) -> [Range<Int>] {
        let workers = ParallelWork.workers(count: n, minPerWorker: minPerWorker)
        return (0..<workers).map { w in (w * n / workers)..<((w + 1) * n / workers) }
    }
}
