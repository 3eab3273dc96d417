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
            let secondDone = CoreGate()
            let thread = Thread {
                work.run()
                secondDone.open()
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
            let outer = Thread.current.threadDictionary[CoreGate.key]
            Thread.current.threadDictionary[CoreGate.key] = secondDone
            slots.first = Result { try first() }
            Thread.current.threadDictionary[CoreGate.key] = outer
            finished.wait()
        }
        return (slots.first!, slots.second!)
    }
}

extension ParallelWork {
    /// Within `both`'s first piece (on its thread): opens when the second
    /// piece has finished. `forEachWorkerTaking` holds one of its workers
    /// back until then, so the two pieces together use the cores there are
    /// instead of one more; nil elsewhere.
    static var secondPieceDone: CoreGate? { Thread.current.threadDictionary[CoreGate.key] as? CoreGate }
}

/// Opens once; `wait` returns once it is open.
final class CoreGate: @unchecked Sendable {
    static let key = "bereik.ParallelWork.secondPieceDone"
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
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
