/// One reversed arc u → v, stored at v: 16 bytes, read in one load.
struct ReverseArc {
    var from: Int32
    var cost: Float
    var length: Float
    var time: Float
}

/// The state of one search over raw pointers (no captures, no exclusivity
/// checks in the hot loop).
struct TwoLabelSearch {
    let labels: UnsafeMutablePointer<TwoLabels>
    var heap: LabelHeap

    /// Offers label (cost c, length l, time t, source s) to node u; keeps the
    /// best two labels with distinct sources and, with `queue`, queues any
    /// that changed. Labels are ordered by cost, then by source index, so
    /// equal costs go to the lower source whatever order they arrive in.
    @inline(__always)
    mutating func offer(_ u: Int, _ c: Double, _ l: Float, _ t: Float, _ s: Int32, queue: Bool) {
        let x = labels + u
        if s == x.pointee.nearest {
            if c < x.pointee.nearestCost {
                x.pointee.nearestCost = c; x.pointee.nearestLengthM = l; x.pointee.nearestTimeS = t
                if queue { heap.push(c, Int32(u), s) }
            }
            return
        }
        if s == x.pointee.second {
            guard c < x.pointee.secondCost else { return }
            if LabelOrder.before(c, s, x.pointee.nearestCost, x.pointee.nearest) {
                x.pointee.second = x.pointee.nearest; x.pointee.secondCost = x.pointee.nearestCost
                x.pointee.secondLengthM = x.pointee.nearestLengthM; x.pointee.secondTimeS = x.pointee.nearestTimeS
                x.pointee.nearest = s; x.pointee.nearestCost = c; x.pointee.nearestLengthM = l; x.pointee.nearestTimeS = t
            } else {
                x.pointee.secondCost = c; x.pointee.secondLengthM = l; x.pointee.secondTimeS = t
            }
            if queue { heap.push(c, Int32(u), s) }
            return
        }
        if LabelOrder.before(c, s, x.pointee.nearestCost, x.pointee.nearest) {
            x.pointee.second = x.pointee.nearest; x.pointee.secondCost = x.pointee.nearestCost
            x.pointee.secondLengthM = x.pointee.nearestLengthM; x.pointee.secondTimeS = x.pointee.nearestTimeS
            x.pointee.nearest = s; x.pointee.nearestCost = c; x.pointee.nearestLengthM = l; x.pointee.nearestTimeS = t
            if queue { heap.push(c, Int32(u), s) }
        } else if LabelOrder.before(c, s, x.pointee.secondCost, x.pointee.second) {
            x.pointee.second = s; x.pointee.secondCost = c; x.pointee.secondLengthM = l; x.pointee.secondTimeS = t
            if queue { heap.push(c, Int32(u), s) }
        }
    }

    /// Offers both labels `x` of a node v, extended by `arc` (an arc u → v), to u.
    @inline(__always)
    mutating func offerLabels(_ x: TwoLabels, to u: Int, via arc: ReverseArc, queue: Bool) {
        guard arc.cost.isFinite else { return }
        if x.nearest >= 0 {
            offer(u, x.nearestCost + Double(arc.cost), x.nearestLengthM + arc.length, x.nearestTimeS + arc.time, x.nearest, queue: queue)
        }
        if x.second >= 0 {
            offer(u, x.secondCost + Double(arc.cost), x.secondLengthM + arc.length, x.secondTimeS + arc.time, x.second, queue: queue)
        }
    }

    /// Runs Dijkstra over the reversed CSR until the heap is empty; returns
    /// the number of labels settled. A popped entry counts only while it is
    /// still one of the node's two labels with the same cost (lazy deletion).
    mutating func run(offsets: UnsafePointer<Int32>, arcs: UnsafePointer<ReverseArc>) -> Int {
        var settled = 0
        while heap.count > 0 {
            let top = heap.popEntry()
            let v = Int(top.node), s = top.source, c = top.cost
            let x = labels[v]
            let l: Float, t: Float
            if x.nearest == s && x.nearestCost == c { l = x.nearestLengthM; t = x.nearestTimeS }
            else if x.second == s && x.secondCost == c { l = x.secondLengthM; t = x.secondTimeS }
            else { continue }
            settled += 1
            var k = Int(offsets[v])
            let end = Int(offsets[v + 1])
            while k < end {
                let arc = arcs[k]
                let u = Int(arc.from)
                let nc = c + Double(arc.cost)
                // Cheap reject before the full label update.
                let y = labels + u
                if nc <= y.pointee.secondCost || s == y.pointee.nearest {
                    offer(u, nc, l + arc.length, t + arc.time, s, queue: true)
                }
                k += 1
            }
        }
        return settled
    }
}

/// The order of labels: by cost, then by source index (-1, no label, last).
enum LabelOrder {
    @inline(__always)
    static func before(_ c: Double, _ s: Int32, _ c2: Double, _ s2: Int32) -> Bool {
        c < c2 || (c == c2 && s2 >= 0 && s < s2) || (c == c2 && s2 < 0)
    }
}

/// A binary min-heap of (cost, node, source) in one manually managed buffer.
struct LabelHeap {
    struct Entry { var cost: Double; var node: Int32; var source: Int32 }
    private var storage: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0
    private(set) var pushes = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    func release() { storage.deallocate() }

    @inline(__always)
    mutating func push(_ cost: Double, _ node: Int32, _ source: Int32) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        var i = count
        count += 1
        pushes += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = storage[parent]
            if p.cost <= cost { break }
            storage[i] = p
            i = parent
        }
        storage[i] = Entry(cost: cost, node: node, source: source)
    }

    @inline(__always)
    mutating func pop() -> (Double, Int32, Int32)? {
        guard count > 0 else { return nil }
        let top = popEntry()
        return (top.cost, top.node, top.source)
    }

    /// Removes the smallest entry; the heap must not be empty.
    @inline(__always)
    mutating func popEntry() -> Entry {
        let top = storage[0]
        count -= 1
        if count > 0 {
            let last = storage[count]
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= count { break }
                if child + 1 < count && storage[child + 1].cost < storage[child].cost { child += 1 }
                if storage[child].cost >= last.cost { break }
                storage[i] = storage[child]
                i = child
            }
            storage[i] = last
        }
        return top
    }
}
