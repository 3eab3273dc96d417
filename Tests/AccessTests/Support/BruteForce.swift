import Geo
@testable import Access

/// The independent computations the oracle tests compare the engine with:
/// plain Dijkstra with a linear scan for the minimum (deliberately simple),
/// written once for every brute-force test.
enum BruteForce {
    /// An arc of the expanded graph: into a node from `to` (the graph is
    /// reversed), with its cost under the routed weight, its length and time.
    struct Arc { var to: Int; var cost: Double; var length: Double; var time: Double }

    /// The road graph with every snapped point inserted as a node splitting
    /// its edge (points at the same position of an edge share one node).
    /// Returns the reversed adjacency (arcs into each node) and the node of
    /// each practice and home (nil: not snapped).
    static func expandedGraph(_ g: RoadGraph, mode: TravelMode, weight: RouteWeight,
                              practices: [SnappedPoint?], homes: [SnappedPoint?]) -> (reversed: [[Arc]], practiceNode: [Int?], homeNode: [Int?]) {
        var nodeCount = g.nodeCount
        var inserts = [Int: [(fraction: Double, node: Int)]]()
        func place(_ sp: SnappedPoint) -> Int {
            let e = sp.edge.index
            if sp.fraction <= 0 { return g.edgeFrom[e].index }
            if sp.fraction >= 1 { return g.edgeTo[e].index }
            if let same = inserts[e]?.first(where: { $0.fraction == sp.fraction }) { return same.node }
            nodeCount += 1
            inserts[e, default: []].append((sp.fraction, nodeCount - 1))
            return nodeCount - 1
        }
        let practiceNode = practices.map { $0.map(place) }
        let homeNode = homes.map { $0.map(place) }
        var reversed = [[Arc]](repeating: [], count: nodeCount)
        let times = g.arcTimeS[mode]
        for e in 0..<g.edgeCount {
            var chain = [(fraction: 0.0, node: g.edgeFrom[e].index)]
            chain += (inserts[e] ?? []).sorted { $0.fraction < $1.fraction }
            chain.append((1.0, g.edgeTo[e].index))
            let f = g.edgeForwardArc[e]?.index ?? -1, b = g.edgeBackwardArc[e]?.index ?? -1
            for k in 0..<(chain.count - 1) {
                let share = chain[k + 1].fraction - chain[k].fraction
                let u = chain[k].node, v = chain[k + 1].node
                if f >= 0, times[f].isFinite {
                    let l = Double(g.arcLengthM[f]) * share, t = Double(times[f]) * share
                    reversed[v].append(Arc(to: u, cost: weight == .time ? t : l, length: l, time: t))
                }
                if b >= 0, times[b].isFinite {
                    let l = Double(g.arcLengthM[b]) * share, t = Double(times[b]) * share
                    reversed[u].append(Arc(to: v, cost: weight == .time ? t : l, length: l, time: t))
                }
            }
        }
        return (reversed, practiceNode, homeNode)
    }

    /// Cost, length and time of the cheapest path from every node to
    /// `start`, over the reversed adjacency.
    static func reverseDijkstra(_ reversed: [[Arc]], from start: Int) -> [(cost: Double, length: Double, time: Double)] {
        var dist = [(cost: Double, length: Double, time: Double)](repeating: (.infinity, .infinity, .infinity), count: reversed.count)
        var done = [Bool](repeating: false, count: reversed.count)
        dist[start] = (0, 0, 0)
        while true {
            var best = -1
            for v in 0..<reversed.count where !done[v] && dist[v].cost.isFinite {
                if best < 0 || dist[v].cost < dist[best].cost { best = v }
            }
            if best < 0 { break }
            done[best] = true
            for a in reversed[best] {
                let c = dist[best].cost + a.cost
                if c < dist[a.to].cost { dist[a.to] = (c, dist[best].length + a.length, dist[best].time + a.time) }
            }
        }
        return dist
    }

    /// Shortest distances from every node over links drawn between nodes
    /// (undirected, Euclidean lengths): `distances(source)[node]`.
    static func undirected(nodes: [Coordinate], links: [(Int, Int)]) -> (Int) -> [Double] {
        var adjacency = [[(Int, Double)]](repeating: [], count: nodes.count)
        for (a, b) in links {
            let l = nodes[a].distance(to: nodes[b])
            adjacency[a].append((b, l)); adjacency[b].append((a, l))
        }
        return { s in
            var dist = [Double](repeating: .infinity, count: nodes.count), done = [Bool](repeating: false, count: nodes.count)
            dist[s] = 0
            while let u = dist.indices.filter({ !done[$0] && dist[$0].isFinite }).min(by: { dist[$0] < dist[$1] }) {
                done[u] = true
                for (v, l) in adjacency[u] where dist[u] + l < dist[v] { dist[v] = dist[u] + l }
            }
            return dist
        }
    }

    /// A plain binary min-heap of (cost, node) for the oracles that must
    /// sum costs in the engine's order (so not the linear-scan search above).
    struct PlainHeap {
        private var items: [(Double, Int)] = []
        var isEmpty: Bool { items.isEmpty }

        mutating func push(_ x: (Double, Int)) {
            items.append(x)
            var i = items.count - 1
            while i > 0 && items[(i - 1) / 2].0 > items[i].0 { items.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
        }

        mutating func pop() -> (Double, Int) {
            let top = items[0]
            items[0] = items[items.count - 1]; items.removeLast()
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m); i = m
            }
            return top
        }
    }
}
