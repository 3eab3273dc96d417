import Foundation

extension ParallelWork {
    /// Runs `body(i)` for every index of `order` on up to `threads` workers,
    /// each taking the next index of `order` as soon as it is free: for a
    /// few items of very different cost (give the costliest first), which
    /// fixed shares would leave on one worker while the other waits. Every
    /// item runs even when one fails; the error rethrown is that of the
    /// earliest failing item in `order`, whatever the threads' timing.
    public static func forEachTaking(_ order: [Int], _ body: (_ index: Int) throws -> Void) throws {
        let queue = TakingQueue(count: order.count)
        let errors = FirstError<Error>()
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            forEachWorker(count: order.count) { _, _ in
                while let k = queue.next() {
                    do { try body(order[k]) } catch { errors.keep(error, worker: k) }
                }
            }
        }
        if let error = errors.error { throw error }
    }
}

extension ParallelWork {
    /// Runs `body(worker, take)` on up to `threads` workers (at least
    /// `minPerWorker` items each), where `take()` hands out each index of
    /// `0..<count` once, to whichever worker asks first, then nil: workers
    /// keep busy until all is done even when items differ in cost or a
    /// worker shares its core with other work. Only for work whose result
    /// does not depend on which worker did which index. Inside `both`'s
    /// first piece, the last worker starts only once the second piece (one
    /// thread) has finished, so that piece has a core to itself meanwhile.
    public static func forEachWorkerTaking(count n: Int, minPerWorker: Int = 1, _ body: (_ worker: Int, _ take: () -> Int?) -> Void) {
        let queue = TakingQueue(count: n)
        let workers = workers(count: n, minPerWorker: minPerWorker)
        let gate = workers > 1 ? secondPieceDone : nil
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            forEachWorker(count: n, minPerWorker: minPerWorker) { w, _ in
                if w == workers - 1, let gate { gate.wait() }
                body(w, queue.next)
            }
        }
    }
}

/// The next position of a list of `count` to take, once each.
private final class TakingQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}
