/// A binary min-heap of (cost, payload) in one array: the one priority queue
/// of the road searches. Among equal costs the pop order depends only on the
/// sequence of pushes and pops, so a search is deterministic.
struct MinHeap<Payload> {
    struct Entry {
        var cost: Double
        var payload: Payload
    }
    private var entries: [Entry] = []
    /// Entries pushed since creation (for reports and benchmarks).
    private(set) var pushes = 0

    init(capacity: Int = 0) { entries.reserveCapacity(capacity) }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    mutating func push(_ cost: Double, _ payload: Payload) {
        pushes += 1
        entries.append(Entry(cost: cost, payload: payload))
        entries.withUnsafeMutableBufferPointer { e in
            var i = e.count - 1
            let new = e[i]
            while i > 0 {
                let parent = (i - 1) >> 1
                if e[parent].cost <= cost { break }
                e[i] = e[parent]
                i = parent
            }
            e[i] = new
        }
    }

    /// Removes and returns the entry of least cost, nil when empty.
    @inline(__always)
    mutating func pop() -> Entry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        return entries.withUnsafeMutableBufferPointer { e in
            let top = e[0]
            let n = e.count
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && e[child + 1].cost < e[child].cost { child += 1 }
                if e[child].cost >= last.cost { break }
                e[i] = e[child]
                i = child
            }
            e[i] = last
            return top
        }
    }

    /// Empties the heap, keeping its storage.
    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }
}
