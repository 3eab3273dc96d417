import Foundation

extension ParallelWork {
    /// Runs two independent pieces of work at the same time (one after the
    /// other when `threads` is 1), and returns both outcomes once both have finished:
    /// neither outlives the call, and the caller decides which error counts.
    /// For phases that are mostly one thread (reading a file, polygonizing)
    /// beside other work, where the second core would otherwise wait.
    public static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) -> (Result<A, Error>, Result<B, Error>) {
        if threads == 1 { return (Result { try first() }, Result { try second() }) }
        let slots = BothSlots<A, B>()
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let first = first, second = second
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    // Each slot is written by one iteration only and read after both finished.
                    if k == 0 { slots.first = Result { try first() } } else { slots.second = Result { try second() } }
                }
            }
        }
        return (slots.first!, slots.second!)
    }
}

private final class BothSlots<A, B>: @unchecked Sendable {
    var first: Result<A, Error>?
    var second: Result<B, Error>?
}
