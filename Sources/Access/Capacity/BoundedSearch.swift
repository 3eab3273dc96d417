/// Per-worker state of the bounded Dijkstra searches in `RoadCosts`:
/// arrays sized once and reset through the lists of what was touched.
struct BoundedSearch {
    var dist: [Double]
    var touchedNodes: [Int32] = []
    var best: [Double]
    var touchedPoints: [Int32] = []
    var heap = CostHeap()

    init(nodeCount: Int, pointCount: Int) {
        dist = [Double](repeating: .infinity, count: nodeCount)
        best = [Double](repeating: .infinity, count: pointCount)
    }

    /// Points whose cost to the practice at `p` is ≤ `limit`, by point index.
    mutating func pairs(from p: SnappedPoint, network: ReverseNetwork,
                        attached: (offsets: [Int32], point: [Int32], extra: [Double]),
                        points: [SnappedPoint?], limit: Double) -> [(point: Int32, cost: Double)] {
        var result: [(point: Int32, cost: Double)] = []
        forEachPair(from: p, network: network, attached: attached, points: points, limit: limit, inPointOrder: true) {
            result.append((point: $0, cost: $1))
        }
        return result
    }

    /// Calls `body(point, cost)` for every point whose cost to the practice
    /// at `p` is ≤ `limit` (in point order when asked, else in search
    /// order); nothing is kept afterwards.
    mutating func forEachPair(from p: SnappedPoint, network: ReverseNetwork,
                              attached: (offsets: [Int32], point: [Int32], extra: [Double]),
                              points: [SnappedPoint?], limit: Double, inPointOrder: Bool,
                              _ body: (Int32, Double) -> Void) {
        let g = network.graph
        let e = Int(p.edge), a = Int(g.edgeFrom[e]), b = Int(g.edgeTo[e])
        // Seeds: reach the practice from `edgeFrom` going forward, from `edgeTo` backward.
        if p.fraction <= 0 { push(a, 0, limit) } else if p.fraction >= 1 { push(b, 0, limit) } else {
            if let c = network.partial(g.edgeForwardArc[e], p.fraction) { push(a, c, limit) }
            if let c = network.partial(g.edgeBackwardArc[e], 1 - p.fraction) { push(b, c, limit) }
        }
        while let (c, v32) = heap.pop() {
            let v = Int(v32)
            guard c == dist[v] else { continue }    // stale entry
            for k in Int(attached.offsets[v])..<Int(attached.offsets[v + 1]) {
                offer(attached.point[k], c + attached.extra[k], limit)
            }
            for k in Int(network.offsets[v])..<Int(network.offsets[v + 1]) {
                push(Int(network.from[k]), c + network.cost[k], limit)
            }
        }
        // A point on the practice's own edge can reach it without a node.
        if p.fraction > 0 && p.fraction < 1 {
            for node in [a, b] {
                for k in Int(attached.offsets[node])..<Int(attached.offsets[node + 1]) {
                    let i = attached.point[k]
                    guard let q = points[Int(i)], Int(q.edge) == e else { continue }
                    // At the practice's own position: no travel (as the router's assign).
                    let direct = q.fraction == p.fraction ? 0
                        : q.fraction < p.fraction
                        ? network.partial(g.edgeForwardArc[e], p.fraction - q.fraction)
                        : network.partial(g.edgeBackwardArc[e], q.fraction - p.fraction)
                    if let direct { offer(i, direct, limit) }
                }
            }
        }
        if inPointOrder { touchedPoints.sort() }
        for i in touchedPoints { body(i, best[Int(i)]) }
        for i in touchedPoints { best[Int(i)] = .infinity }
        for v in touchedNodes { dist[Int(v)] = .infinity }
        touchedPoints.removeAll(keepingCapacity: true)
        touchedNodes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func push(_ v: Int, _ c: Double, _ limit: Double) {
        guard c <= limit, c < dist[v] else { return }
        if dist[v] == .infinity { touchedNodes.append(Int32(v)) }
        dist[v] = c
        heap.push(c, Int32(v))
    }

    @inline(__always)
    private mutating func offer(_ i: Int32, _ c: Double, _ limit: Double) {
        guard c <= limit, c < best[Int(i)] else { return }
        if best[Int(i)] == .infinity { touchedPoints.append(i) }
        best[Int(i)] = c
    }
}

/// A binary min-heap of (cost, node).
struct CostHeap {
    private var costs: [Double] = []
    private var nodes: [Int32] = []

    mutating func push(_ c: Double, _ v: Int32) {
        costs.append(c); nodes.append(v)
        var i = costs.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard costs[parent] > c else { break }
            costs[i] = costs[parent]; nodes[i] = nodes[parent]
            i = parent
        }
        costs[i] = c; nodes[i] = v
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = costs.first else { return nil }
        let topNode = nodes[0]
        let lastC = costs.removeLast(), lastV = nodes.removeLast()
        if !costs.isEmpty {
            var i = 0
            let n = costs.count
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && costs[child + 1] < costs[child] { child += 1 }
                guard costs[child] < lastC else { break }
                costs[i] = costs[child]; nodes[i] = nodes[child]
                i = child
            }
            costs[i] = lastC; nodes[i] = lastV
        }
        return (top, topNode)
    }
}
