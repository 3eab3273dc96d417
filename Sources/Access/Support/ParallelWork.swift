import Foundation

/// The one parallel helper: index-parallel work over a number of worker
/// threads that `--threads` (or the environment variable `BEREIK_THREADS`)
/// can set; default all cores.
public enum ParallelWork {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var configured: Int?

    /// Worker threads for parallel phases: `--threads`, else the core count.
    public static var threads: Int {
        get { lock.lock(); defer { lock.unlock() }; return configured ?? fromEnvironment ?? ProcessInfo.processInfo.activeProcessorCount }
        set { lock.lock(); configured = Swift.max(1, newValue); lock.unlock() }
    }

    private static let fromEnvironment: Int? = ProcessInfo.processInfo.environment["BEREIK_THREADS"]
        .flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }

    /// Index-parallel map (each index is independent work).
    public static func map<R>(count n: Int, _ f: (Int) -> R) -> [R] {
        guard n > 1, threads > 1 else { return (0..<n).map(f) }
        var out = [R?](repeating: nil, count: n)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress!
            withoutActuallyEscaping(f) { f in
                nonisolated(unsafe) let f = f
                forEachWorker(count: n) { _, indexes in
                    for i in indexes { base[i] = f(i) }
                }
            }
        }
        return out.map { $0! }
    }

    /// Runs `body(worker, indexes)` on each worker; worker `w` of `k` gets the
    /// interleaved indexes `w, w + k, …` (balances dense and sparse areas).
    /// Returns the number of workers used.
    @discardableResult
    static func forEachWorker(count n: Int, _ body: (_ worker: Int, _ indexes: StrideTo<Int>) -> Void) -> Int {
        let workers = Swift.max(1, Swift.min(threads, n))
        if workers == 1 { body(0, stride(from: 0, to: n, by: 1)); return 1 }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                body(w, stride(from: w, to: n, by: workers))
            }
        }
        return workers
    }
}
