/// The state of one search over raw pointers (no captures, no exclusivity
/// checks in the hot loop). `Node` is the numbering of `labels` and of the
/// arcs searched (`NodeID` along chains, `CoreNodeID` in a router's core).
struct TwoLabelSearch<Node: DenseID> {
    let labels: UnsafeMutablePointer<TwoLabels>
    var heap: MinHeap<QueuedLabel<Node>>

    /// Offers label (cost c, length l, time t, source s) to node u (see
    /// `TwoBestLabels.offer`) and, with `queue`, queues it when it changed
    /// one of u's two labels.
    @inline(__always)
    mutating func offer(_ u: Node, _ c: Double, _ l: Float, _ t: Float, _ s: Int32, queue: Bool) {
        if labels[u.index].offer(c, s, RouteFigures(l, t)) && queue { heap.push(c, QueuedLabel(node: u, source: s)) }
    }

    /// Offers both labels `x` of a node v, extended by `arc` (an arc u → v), to u.
    @inline(__always)
    mutating func offerLabels(_ x: TwoLabels, to u: Node, via arc: RouteArc<Node>, queue: Bool) {
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
    mutating func run(offsets: UnsafePointer<Int32>, arcs: UnsafePointer<RouteArc<Node>>) -> Int {
        var settled = 0
        while let top = heap.pop() {
            let v = top.payload.node.index, s = top.payload.source, c = top.cost
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
                let nc = c + Double(arc.cost)
                // Cheap reject before the full label update.
                let y = labels + arc.from.index
                if nc <= y.pointee.secondCost || s == y.pointee.nearestSource {
                    offer(arc.from, nc, l + arc.length, t + arc.time, s, queue: true)
                }
                k += 1
            }
        }
        return settled
    }
}

/// A queued label: the node it is at and its source.
struct QueuedLabel<Node: DenseID> {
    var node: Node
    var source: Int32
}
