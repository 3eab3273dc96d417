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
    var heap: MinHeap<QueuedLabel>

    /// Offers label (cost c, length l, time t, source s) to node u (see
    /// `TwoBestLabels.offer`) and, with `queue`, queues it when it changed
    /// one of u's two labels.
    @inline(__always)
    mutating func offer(_ u: Int, _ c: Double, _ l: Float, _ t: Float, _ s: Int32, queue: Bool) {
        if labels[u].offer(c, l, t, s) && queue { heap.push(c, QueuedLabel(node: Int32(u), source: s)) }
    }

    /// Offers both labels `x` of a node v, extended by `arc` (an arc u → v), to u.
    @inline(__always)
    mutating func offerLabels(_ x: TwoLabels, to u: Int, via arc: ReverseArc, queue: Bool) {
        guard arc.cost.isFinite else { return }
        if x.nearestSource >= 0 {
            offer(u, x.nearestCost + Double(arc.cost), x.nearestLengthM + arc.length, x.nearestTimeS + arc.time, x.nearestSource, queue: queue)
        }
        if x.secondSource >= 0 {
            offer(u, x.secondCost + Double(arc.cost), x.secondLengthM + arc.length, x.secondTimeS + arc.time, x.secondSource, queue: queue)
        }
    }

    /// Runs Dijkstra over the reversed CSR until the heap is empty; returns
    /// the number of labels settled. A popped entry counts only while it is
    /// still one of the node's two labels with the same cost (lazy deletion).
    mutating func run(offsets: UnsafePointer<Int32>, arcs: UnsafePointer<ReverseArc>) -> Int {
        var settled = 0
        while let top = heap.pop() {
            let v = Int(top.payload.node), s = top.payload.source, c = top.cost
            let x = labels[v]
            let l: Float, t: Float
            if x.nearestSource == s && x.nearestCost == c { l = x.nearestLengthM; t = x.nearestTimeS }
            else if x.secondSource == s && x.secondCost == c { l = x.secondLengthM; t = x.secondTimeS }
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
                if nc <= y.pointee.secondCost || s == y.pointee.nearestSource {
                    offer(u, nc, l + arc.length, t + arc.time, s, queue: true)
                }
                k += 1
            }
        }
        return settled
    }
}

/// A queued label: the node it is at and its source.
struct QueuedLabel {
    var node: Int32
    var source: Int32
}
