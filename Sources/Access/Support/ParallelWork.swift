import Foundation

/// The one parallel helper: index-parallel work over a number of worker
/// threads that `--threads` (or the environment variable `BEREIK_THREADS`)
/// can set; default all cores.
public enum ParallelWork {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var configured: Int?

    /// Worker threads for parallel phases: `--threads`, else the core count
    /// (within `withThreads` on this thread: its count).
    public static var threads: Int {
        get {
            if let scoped = Thread.current.threadDictionary[scopedKey] as? Int { return scoped }
            lock.lock(); defer { lock.unlock() }; return configured ?? fromEnvironment ?? ProcessInfo.processInfo.activeProcessorCount
        }
        set { lock.lock(); configured = Swift.max(1, newValue); lock.unlock() }
    }

    private static let scopedKey = "bereik.ParallelWork.threads"

    /// Runs `body` with `threads` at `n` (at least 1) for the parallel work
    /// it starts from this thread: work beside a one-thread piece (a label
    /// pass) leaves that piece its core.
    public static func withThreads<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let outer = dictionary[scopedKey]
        dictionary[scopedKey] = Swift.max(1, n)
        defer { dictionary[scopedKey] = outer }
        return try body()
    }

    private static let fromEnvironment: Int? = ProcessInfo.processInfo.environment["BEREIK_THREADS"]
        .flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }

    /// Workers for `n` items when each should get at least `minPerWorker`.
    static func workers(count n: Int, minPerWorker: Int) -> Int {
        Swift.max(1, Swift.min(threads, n / Swift.max(1, minPerWorker)))
    }

    /// Runs `body(worker, indexes)` on each worker; worker `w` of `k` gets the
    /// interleaved indexes `w, w + k, …` (balances dense and sparse areas).
    /// The first error a worker throws is rethrown once all have finished.
    /// Returns the number of workers used.
    @discardableResult
    public static func forEachWorker<E: Error>(count n: Int, minPerWorker: Int = 1,
                                               _ body: (_ worker: Int, _ indexes: StrideTo<Int>) throws(E) -> Void) throws(E) -> Int {
        let workers = workers(count: n, minPerWorker: minPerWorker)
        if workers == 1 { try body(0, stride(from: 0, to: n, by: 1)); return 1 }
        let failure = FirstError<E>()
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                do throws(E) { try body(w, stride(from: w, to: n, by: workers)) } catch { failure.keep(error, worker: w) }
            }
        }
        if let error = failure.error { throw error }
        return workers
    }
}

/// `f(i)` for every `i` in `0..<count`, in index order, on up to
/// `ParallelWork.threads` workers that each take one contiguous block of at
/// least `minPerWorker` indexes (fewer items run on the calling thread).
/// The first error thrown is rethrown once every worker has finished.
public func parallelMap<R, E: Error>(count n: Int, minPerWorker: Int = 1,
                                     _ f: (Int) throws(E) -> R) throws(E) -> [R] {
    try parallelMap(count: n, minPerWorker: minPerWorker, state: { () throws(E) in () }) { (_: inout Void, i: Int) throws(E) -> R in try f(i) }
}

/// `parallelMap` with state made once per worker (a GEOS locator, a
/// search's scratch arrays) and passed to every call on that worker.
public func parallelMap<State, R, E: Error>(count n: Int, minPerWorker: Int = 1, state: () throws(E) -> State,
                                            _ f: (inout State, Int) throws(E) -> R) throws(E) -> [R] {
    let workers = ParallelWork.workers(count: n, minPerWorker: minPerWorker)
    if workers == 1 {
        var s = try state()
        var out = [R]()
        out.reserveCapacity(n)
        for i in 0..<n { out.append(try f(&s, i)) }
        return out
    }
    // Each worker initialises its own contiguous block of the result in
    // place (no optional copy of the whole array); after a failure the
    // blocks' initialised prefixes are deinitialised and the error rethrown.
    let chunk = (n + workers - 1) / workers
    let failure = FirstError<E>()
    var initialised = [Int](repeating: 0, count: workers)
    let result = [R](unsafeUninitializedCapacity: n) { buffer, count in
        nonisolated(unsafe) let base = buffer.baseAddress!
        initialised.withUnsafeMutableBufferPointer { done in
            nonisolated(unsafe) let done = done.baseAddress!
            withoutActuallyEscaping(state) { state in
                withoutActuallyEscaping(f) { f in
                    nonisolated(unsafe) let state = state, f = f
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        let lo = w * chunk, hi = Swift.min(n, lo + chunk)
                        // The count is kept in a local and stored once: the
                        // workers' entries of `done` share a cache line, and a
                        // store per item made the cores pass it back and forth.
                        var i = lo
                        do throws(E) {
                            var s = try state()
                            while i < hi {
                                (base + i).initialize(to: try f(&s, i))
                                i += 1
                            }
                        } catch {
                            failure.keep(error, worker: w)
                        }
                        done[w] = i - lo
                    }
                }
            }
        }
        if failure.error != nil {
            for w in 0..<workers where initialised[w] > 0 { (base + w * chunk).deinitialize(count: initialised[w]) }
            count = 0
        } else {
            count = n
        }
    }
    if let error = failure.error { throw error }
    return result
}

/// The error of the lowest-numbered worker that threw (each worker stops at
/// its first), so that the same input fails with the same error whatever the
/// threads' timing.
final class FirstError<E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (worker: Int, error: E)?
    func keep(_ e: E, worker: Int) {
        lock.lock()
        if kept == nil || worker < kept!.worker { kept = (worker, e) }
        lock.unlock()
    }
    var error: E? { lock.lock(); defer { lock.unlock() }; return kept?.error }
}

extension ParallelWork {
    /// Runs `body(range)` on up to `threads` workers, each with one
    /// contiguous block of `0..<n` of at least `minPerWorker` indexes (the
    /// calling thread alone when there are fewer): for loops that fill
    /// several preallocated per-index arrays at once. Contiguous blocks keep
    /// two workers off the same cache lines.
    public static func forEachBlock(count n: Int, minPerWorker: Int = 1, _ body: (Range<Int>) -> Void) {
        let workers = workers(count: n, minPerWorker: minPerWorker)
        if workers == 1 { body(0..<n); return }
        let chunk = (n + workers - 1) / workers
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lo = w * chunk, hi = Swift.min(n, lo + chunk)
                if lo < hi { body(lo..<hi) }
            }
        }
    }

    /// Runs `body(i)` for every index `i` of `order` (a permutation of the
    /// indexes, such as `SpatialOrder`'s) on up to `threads` workers, each
    /// taking one contiguous block of `order` of at least `minPerWorker`
    /// entries: for loops that write each index's own entries of
    /// preallocated arrays, visiting nearby items one after another.
    public static func forEach(inOrder order: [Int32], minPerWorker: Int = 1, _ body: (_ index: Int) -> Void) {
        forEachBlock(count: order.count, minPerWorker: minPerWorker) { range in
            for k in range { body(Int(order[k])) }
        }
    }
}
