/// Chains of degree-2 nodes of one mode's graph, contracted out of the
/// routing search.
///
/// Most road-graph nodes are shape points with exactly two neighbours. A
/// shortest path through such a node can only continue to the other
/// neighbour, so a chain `A – v1 – … – vk – B` (A, B of another degree) is
/// replaced in the search by the shortcut arcs A → B and B → A (each only
/// when every arc of the chain in that direction is allowed), and the heap
/// sees only the remaining "core" nodes. The search stays exact:
/// afterwards each interior node takes the best two labels of the two
/// sweeps along its chain, from A (plus partial chain cost) and from B
/// (likewise), which are exactly the routes leaving the chain at either end.
/// Sources seeded on interior nodes are first swept along their chain and
/// offered to both ends before the core search starts.
struct DegreeTwoChains {
    /// Chain c is `nodes[start[c] ..< start[c + 1]]`, ends first and last.
    let start: [Int32]
    let nodes: [NodeID]
    /// For position p of `nodes` (not the last of its chain): the cheapest
    /// arc `nodes[p] → nodes[p + 1]` (`up`) and `nodes[p + 1] → nodes[p]`
    /// (`down`); cost `.infinity` when the mode may not travel it.
    let up: [RouteArc<NodeID>]
    let down: [RouteArc<NodeID>]
    /// Chain of each node, nil for core nodes (chain ends and all others).
    let chainOf: OptionalIDs<ChainID>

    var count: Int { start.count - 1 }

    /// Finds the chains of the graph given as forward CSR (`out`, of which
    /// `usable` arcs the mode may travel) and reversed CSR over the arcs the
    /// mode may travel.
    init(nodeCount n: Int, out: CSR<NodeID>, usable: (Int) -> Bool, incoming: CSR<RouteArc<NodeID>>) {
        // The two distinct neighbours of each degree-2 node, else -1.
        var left = [Int32](repeating: -1, count: n), right = [Int32](repeating: -1, count: n)
        for v in 0..<n {
            var a: Int32 = -1, b: Int32 = -1, more = false
            func see(_ w: Int32) {
                if w == a || w == b { return }
                if a < 0 { a = w } else if b < 0 { b = w } else { more = true }
            }
            for k in out.range(v) where usable(k) { see(out.arcs[k].raw) }
            for arc in incoming.arcs(from: v) { see(arc.from.raw) }
            if b >= 0 && !more { left[v] = a; right[v] = b }
        }
        @inline(__always) func interior(_ v: Int32) -> Bool { left[Int(v)] >= 0 }
        @inline(__always) func other(_ v: Int32, _ from: Int32) -> Int32 { left[Int(v)] == from ? right[Int(v)] : left[Int(v)] }

        var chainOf = OptionalIDs<ChainID>(repeating: nil, count: n)
        var start: [Int32] = [0], nodes = [NodeID]()
        for v0 in 0..<n where interior(Int32(v0)) && chainOf[v0] == nil {
            let v = Int32(v0)
            // Walk to one end; a walk back to v is a ring without ends, left in the core.
            var prev = v, cur = left[v0]
            while interior(cur) && cur != v { let next = other(cur, prev); prev = cur; cur = next }
            if cur == v {
                var w = v, p = right[v0]
                repeat { let next = other(w, p); left[Int(w)] = -1; p = w; w = next } while w != v
                continue
            }
            let c = ChainID(start.count - 1)
            nodes.append(NodeID(raw: cur))
            var p = cur
            cur = prev
            while interior(cur) {
                nodes.append(NodeID(raw: cur)); chainOf[Int(cur)] = c
                let next = other(cur, p); p = cur; cur = next
            }
            nodes.append(NodeID(raw: cur))
            start.append(Int32(nodes.count))
        }
        func cheapest(_ from: NodeID, _ to: NodeID) -> RouteArc<NodeID> {
            var best = RouteArc<NodeID>.blocked
            for arc in incoming.arcs(from: to.index) where arc.from == from && arc.cost < best.cost { best = arc }
            return best
        }
        var up = [RouteArc<NodeID>](repeating: .blocked, count: nodes.count)
        var down = up
        for c in 0..<(start.count - 1) {
            for p in Int(start[c])..<(Int(start[c + 1]) - 1) {
                up[p] = cheapest(nodes[p], nodes[p + 1])
                down[p] = cheapest(nodes[p + 1], nodes[p])
            }
        }
        self.start = start; self.nodes = nodes; self.up = up; self.down = down; self.chainOf = chainOf
    }

    /// Appends the shortcut arcs of chain c as (head, reversed arc stored at
    /// head, its cost summed in Float64): last → first stored at first,
    /// first → last stored at last.
    func appendShortcuts(_ c: Int, to result: inout [(head: NodeID, arc: RouteArc<NodeID>, exactCost: Double)]) {
        let lo = Int(start[c]), hi = Int(start[c + 1]) - 1
        let first = nodes[lo], last = nodes[hi]
        guard first != last else { return }
        func sum(_ arcs: [RouteArc<NodeID>], from: NodeID) -> (RouteArc<NodeID>, Double)? {
            var cost = 0.0, length = 0.0, time = 0.0
            for p in lo..<hi {
                let a = arcs[p]
                guard a.cost.isFinite else { return nil }
                cost += Double(a.cost); length += Double(a.length); time += Double(a.time)
            }
            return (RouteArc(from: from, cost: Float(cost), length: Float(length), time: Float(time)), cost)
        }
        if let (a, c) = sum(down, from: last) { result.append((first, a, c)) }
        if let (a, c) = sum(up, from: first) { result.append((last, a, c)) }
    }
}

extension DegreeTwoChains {
    /// Offers the labels of chain c's ends and seeded interior nodes to every
    /// interior node: one sweep from the first end, one from the last.
    func sweep(_ c: Int, _ search: inout TwoLabelSearch<NodeID>) {
        let lo = Int(start[c]), hi = Int(start[c + 1]) - 1
        var p = lo + 1
        while p < hi { search.offerLabels(search.labels[nodes[p - 1].index], to: nodes[p], via: down[p - 1], queue: false); p += 1 }
        p = hi - 1
        while p > lo { search.offerLabels(search.labels[nodes[p + 1].index], to: nodes[p], via: up[p], queue: false); p -= 1 }
    }

    /// The two ends of chain c, each with its interior neighbour and the arc
    /// end → neighbour: after a sweep, the labels of the seeds inside the
    /// chain reach the ends over these arcs.
    func ends(_ c: Int) -> [(node: NodeID, inner: NodeID, arc: RouteArc<NodeID>)] {
        let lo = Int(start[c]), hi = Int(start[c + 1]) - 1
        return [(nodes[lo], nodes[lo + 1], up[lo]), (nodes[hi], nodes[hi - 1], down[hi - 1])]
    }
}
