/// The pairs of a floating catchment's first pass kept for its later passes,
/// up to a memory budget (12 bytes a pair), so each practice's search runs
/// once instead of once per pass; practices beyond the budget are searched
/// again as before. A kept list holds exactly what the search gave, in its
/// order, so the sums and the access come out the same to the last bit.
///
/// Each practice's slot is written by the one worker that takes it in the
/// first pass (`ParallelWork.forEachWorkerTaking` hands every index to one
/// worker) and only read afterwards; passes do not overlap. Which practices
/// fit the budget depends on which worker took them; the sums do not.
final class FCAPairMemo<Source: CatchmentPairs>: CatchmentPairs, @unchecked Sendable {
    struct Kept {
        var points: [Int32]
        var costs: [Double]
    }

    struct Worker {
        var search: Source.Worker?
        var bytesLeft: Int
    }

    let source: Source
    /// Practices whose pairs a later pass reads (nil: all).
    private let wanted: [Bool]?
    private let slots: UnsafeMutableBufferPointer<Kept?>
    private let bytesPerWorker: Int
    /// Only the first pass keeps pairs; later passes read them.
    private var keeping = true

    /// `budgetBytes` over all workers: 512 MiB hold about 45 million pairs.
    /// `wanted`: the practices a later pass reads (nil: all); no budget is
    /// spent on the others.
    init(_ source: Source, budgetBytes: Int = 512 << 20, wanted: [Bool]? = nil) {
        self.source = source
        self.wanted = wanted
        slots = .allocate(capacity: source.practiceCount)
        slots.initialize(repeating: nil)
        bytesPerWorker = budgetBytes / Swift.max(1, ParallelWork.threads)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var pointCount: Int { source.pointCount }
    var practiceCount: Int { source.practiceCount }
    var original: [Int32]? { source.original }

    /// Called between passes (never while one runs).
    func stopKeeping() { keeping = false }

    /// How many practices' pairs are kept (for tests).
    var keptPractices: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    func makeWorker() -> Worker { Worker(search: nil, bytesLeft: bytesPerWorker) }

    func pairs(of j: Int, worker: inout Worker, into list: inout PairList) {
        if let kept = slots[j] {
            list.removeAll()
            list.points.append(contentsOf: kept.points)
            list.costs.append(contentsOf: kept.costs)
            return
        }
        if worker.search == nil { worker.search = source.makeWorker() }
        source.pairs(of: j, worker: &worker.search!, into: &list)
        guard keeping && worker.bytesLeft > 0 && wanted?[j] != false else { return }
        let bytes = list.count * 12
        if bytes <= worker.bytesLeft {
            worker.bytesLeft -= bytes
            slots[j] = Kept(points: Self.exactCopy(list.points), costs: Self.exactCopy(list.costs))
        } else {
            worker.bytesLeft = 0
        }
    }

    /// A copy with no spare capacity (the scratch list grows by doubling).
    private static func exactCopy<T>(_ a: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: a.count) { buffer, count in
            _ = buffer.initialize(from: a)
            count = a.count
        }
    }
}
