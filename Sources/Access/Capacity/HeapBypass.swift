/// The nodes a catchment search passes through without its heap: those with
/// at most two distinct neighbours for the mode (a road's shape points and
/// dead ends; in a road network most nodes). A step onto such a node is
/// followed at once along its chain instead of being queued, so the heap
/// holds only the junctions.
///
/// The costs stay those of a plain Dijkstra over the whole graph, to the
/// last bit: every node still takes the least of `cost(u) + step` over its
/// neighbours u, each sum formed as the plain search forms it, and a node
/// passed through is followed again whenever its cost drops (a
/// label-correcting walk, which on a chain touches each node at most once
/// from either end). Junctions leave the heap in order of cost as before,
/// so their costs are final when they do.
struct HeapBypass: Sendable {
    private let bits: [UInt64]

    init(_ network: ReverseNetwork) {
        let g = network.graph, n = g.nodeCount
        let out = g.out, cost = network.arcCost, steps = network.steps
        bits = parallelMap(count: n / 64 + 1, minPerWorker: 4_096) { word -> UInt64 in
            var bits: UInt64 = 0
            for v in (word * 64)..<Swift.min(n, word * 64 + 64) {
                var a = -1, b = -1, more = false
                @inline(__always) func see(_ w: Int) {
                    if w == v || w == a || w == b { return }
                    if a < 0 { a = w } else if b < 0 { b = w } else { more = true }
                }
                for k in out.range(v) where cost[k].isFinite { see(Int(out.arcs[k])) }
                for k in steps.range(v) { see(Int(steps.arcs[k].from)) }
                if !more { bits |= 1 << UInt64(v & 63) }
            }
            return bits
        }
    }

    @inline(__always)
    func contains(_ v: Int) -> Bool { bits[v >> 6] >> UInt64(v & 63) & 1 != 0 }
}

/// A node reached past the heap, waiting to be followed on.
struct BypassedNode {
    var node: NodeID
    var cost: Double
}

extension BoundedSearch where Node == NodeID {
    /// Pushes the neighbours of `v` (settled at cost `c`) over the reversed
    /// network; neighbours in `bypass` are not queued but followed at once,
    /// through `pending` (empty before and after).
    @inline(__always)
    mutating func relax(_ v: NodeID, _ c: Double, over network: ReverseNetwork, bypassing bypass: HeapBypass,
                        limit: Double, pending: inout [BypassedNode]) {
        step(from: v, c, network, bypass, limit, &pending)
        while let next = pending.popLast() {
            // A cost that dropped since was queued again and is followed then.
            if dist[next.node] == next.cost { step(from: next.node, next.cost, network, bypass, limit, &pending) }
        }
    }

    @inline(__always)
    private mutating func step(from v: NodeID, _ c: Double, _ network: ReverseNetwork, _ bypass: HeapBypass, _ limit: Double,
                               _ pending: inout [BypassedNode]) {
        for k in network.steps.range(v.index) {
            let s = network.steps.arcs[k]
            let w = s.from, x = c + s.cost
            if bypass.contains(w.index) {
                guard x <= limit, x < dist[w] else { continue }
                if dist[w] == .infinity { touchedNodes.append(w) }
                dist[w] = x
                pending.append(BypassedNode(node: w, cost: x))
            } else {
                push(w, x, limit)
            }
        }
    }
}
