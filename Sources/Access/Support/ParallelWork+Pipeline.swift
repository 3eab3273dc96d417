import Foundation

extension ParallelWork {
    /// Runs a producer and one consumer at the same time: `produce` calls
    /// `emit` with each item (a batch of work) in order, and `consume` gets
    /// every item in that order on a thread of its own, so that the one
    /// consumer sees exactly what it would see run inline. At most
    /// `capacity` items wait between the two, which bounds memory; with
    /// `threads` 1 `consume` runs inline inside `emit`. Returns what
    /// `produce` returned once `consume` has taken every item; an error of
    /// `produce` is rethrown after the consumer has drained what was emitted.
    ///
    /// For a reader whose parsing (one thread in GDAL) and whose use of the
    /// rows (a hash table) each take a large part of the time.
    static func pipeline<Item, R>(capacity: Int = 4, produce: (_ emit: (Item) -> Void) throws -> R,
                                  consume: (Item) -> Void) throws -> R {
        if threads == 1 { return try withoutActuallyEscaping(consume) { try produce($0) } }
        let channel = PipelineChannel<Item>(capacity: capacity)
        let (produced, _) = both({
            defer { channel.close() }
            return try produce { channel.put($0) }
        }, {
            while let item = channel.take() { consume(item) }
        })
        return try produced.get()
    }
}

/// A bounded first-in-first-out hand-over between one producer and one consumer.
private final class PipelineChannel<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = Swift.max(1, capacity) }

    func put(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, or nil once the channel is closed and empty.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
