import Foundation

extension ParallelWork {
    /// Runs two independent pieces of work at the same time (one after the
    /// other when `threads` is 1), and returns both outcomes once both have finished:
    /// neither outlives the call, and the caller decides which error counts.
    /// For phases that are mostly one thread (reading a file, polygonizing)
    /// beside other work, where the second core would otherwise wait.
    ///
    /// `first` runs on the calling thread, `second` on a thread of its own,
    /// not as two iterations of `DispatchQueue.concurrentPerform`: libdispatch
    /// divides the width of a `concurrentPerform` called inside another by the
    /// outer one's iterations, so on two cores every `parallelMap` inside
    /// either piece ran on one thread (the FCA beside the road catchments
    /// took its whole processor time as wall time).
    public static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) -> (Result<A, Error>, Result<B, Error>) {
        if threads == 1 { return (Result { try first() }, Result { try second() }) }
        let slots = BothSlots<A, B>()
        withoutActuallyEscaping(second) { second in
            // The thread holds the box, not the closure, once the work is done:
            // the closure must not outlive this call.
            let work = WorkBox { slots.second = Result { try second() } }
            let finished = DispatchSemaphore(value: 0)
            let thread = Thread {
                work.run()
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            slots.first = Result { try first() }
            finished.wait()
        }
        return (slots.first!, slots.second!)
    }
}

private final class BothSlots<A, B>: @unchecked Sendable {
    var first: Result<A, Error>?
    var second: Result<B, Error>?
}

/// Work for another thread, dropped as soon as it has run.
private final class WorkBox: @unchecked Sendable {
    private var body: (() -> Void)?
    init(_ body: @escaping () -> Void) { self.body = body }
    func run() { body?(); body = nil }
}
