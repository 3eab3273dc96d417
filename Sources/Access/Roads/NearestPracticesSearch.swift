/// The k nearest practices from ONE point by road, for interactive point
/// queries (`bereik serve`): a Dijkstra over the graph's forward arcs from
/// the point's snapped position (so oneway roads count in the direction
/// home → practice, as `road_m` does), stopped once k practices are settled
/// or the cost passes a limit. Practices are reached through the end nodes of
/// the edge they snapped to, plus directly along a shared edge. Costs exclude
/// the walks to the road, as `road_m` does.
///
/// The search state (a distance per node) is reused between queries and
/// reset through the list of touched nodes, so a query costs what it visits,
/// not the size of the graph. One instance per thread.
public struct NearestPracticesSearch {
    /// Practices that may be reached (open, snapped), attached to nodes.
    public struct Targets: Sendable {
        let mode: TravelMode
        /// Per node, the practices reached from it: CSR over `practice`, with
        /// the fraction of the edge to travel and the arc that travels it.
        let offsets: [Int32]
        let practice: [Int32]
        let arc: [Int32]
        let fraction: [Double]
        /// Practices lying strictly inside an edge, by edge.
        let onEdge: [Int32: [(practice: Int32, fraction: Double)]]

        /// `snaps[j]`: practice j's snapped position for `mode` (nil: takes no part).
        public init(graph: RoadGraph, mode: TravelMode, snaps: [SnappedPoint?]) {
            self.mode = mode
            var entries: [(node: Int32, practice: Int32, arc: Int32, fraction: Double)] = []
            var onEdge: [Int32: [(practice: Int32, fraction: Double)]] = [:]
            for (j, sp) in snaps.enumerated() {
                guard let sp, sp.edge >= 0, Int(sp.edge) < graph.edgeCount else { continue }
                let e = Int(sp.edge)
                let a = graph.edgeFrom[e], b = graph.edgeTo[e]
                if sp.fraction <= 0 { entries.append((a, Int32(j), -1, 0)); continue }
                if sp.fraction >= 1 { entries.append((b, Int32(j), -1, 0)); continue }
                // From `a` forward along the edge, from `b` backward.
                entries.append((a, Int32(j), graph.edgeForwardArc[e], sp.fraction))
                entries.append((b, Int32(j), graph.edgeBackwardArc[e], 1 - sp.fraction))
                onEdge[sp.edge, default: []].append((Int32(j), sp.fraction))
            }
            var offsets = [Int32](repeating: 0, count: graph.nodeCount + 1)
            for x in entries { offsets[Int(x.node) + 1] += 1 }
            for v in 0..<graph.nodeCount { offsets[v + 1] += offsets[v] }
            var cursor = offsets
            var practice = [Int32](repeating: 0, count: entries.count), arc = practice
            var fraction = [Double](repeating: 0, count: entries.count)
            for x in entries {
                let k = Int(cursor[Int(x.node)]); cursor[Int(x.node)] += 1
                practice[k] = x.practice; arc[k] = x.arc; fraction[k] = x.fraction
            }
            self.offsets = offsets; self.practice = practice; self.arc = arc; self.fraction = fraction
            self.onEdge = onEdge
        }
    }

    public struct Found: Sendable, Equatable {
        public var practice: Int
        /// Metres for `.length`, seconds for `.time`.
        public var cost: Double
    }

    private var dist: [Double]
    private var touched: [Int32] = []
    private var best: [Int32: Double] = [:]
    private var heap = MinHeap<Int32>()

    public init(nodeCount: Int) {
        dist = [Double](repeating: .infinity, count: nodeCount)
    }

    /// Practices in order of cost from `point` (ties by practice index):
    /// at most `k`, or, with `only`, just those (as far as reachable).
    /// Stops at `limit` (in the weight's unit: metres or seconds).
    public mutating func nearest(from point: SnappedPoint, graph: RoadGraph, targets: Targets, weight: RouteWeight,
                                 k: Int, only: Set<Int>? = nil, limit: Double = .infinity) -> [Found] {
        let mode = targets.mode
        func cost(_ arc: Int32, _ f: Double) -> Double? {
            guard arc >= 0 else { return nil }
            let c = graph.arcCost(Int(arc), mode: mode, weight: weight)
            return c.isFinite ? c * f : nil
        }
        func offer(_ j: Int32, _ c: Double) {
            guard c <= limit, only == nil || only!.contains(Int(j)) else { return }
            if c < best[j, default: .infinity] { best[j] = c }
        }
        let e = Int(point.edge)
        let a = Int(graph.edgeFrom[e]), b = Int(graph.edgeTo[e])
        if point.fraction <= 0 { push(a, 0, limit) } else if point.fraction >= 1 { push(b, 0, limit) } else {
            if let c = cost(graph.edgeForwardArc[e], 1 - point.fraction) { push(b, c, limit) }
            if let c = cost(graph.edgeBackwardArc[e], point.fraction) { push(a, c, limit) }
        }
        // Practices on the point's own edge, reached without a node.
        for (j, g) in targets.onEdge[point.edge] ?? [] {
            if g == point.fraction { offer(j, 0) }
            else if g > point.fraction, let c = cost(graph.edgeForwardArc[e], g - point.fraction) { offer(j, c) }
            else if g < point.fraction, let c = cost(graph.edgeBackwardArc[e], point.fraction - g) { offer(j, c) }
        }
        var settled: [Found] = []
        var done = Set<Int32>()
        let wanted = only.map { min($0.count, k) } ?? k
        func settle(upTo c: Double) {
            // A practice is final once no cheaper label can still come: the
            // offered practices not yet final are few, so a scan finds the least.
            while settled.count < wanted, best.count > done.count {
                var next: (Int32, Double)?
                for (j, cost) in best where !done.contains(j) {
                    if next == nil || cost < next!.1 || (cost == next!.1 && j < next!.0) { next = (j, cost) }
                }
                guard let next, next.1 <= c else { return }
                done.insert(next.0)
                settled.append(Found(practice: Int(next.0), cost: next.1))
            }
        }
        while settled.count < wanted, let top = heap.pop() {
            let c = top.cost, v = Int(top.payload)
            guard c == dist[v] else { continue }     // stale entry
            settle(upTo: c)
            for t in Int(targets.offsets[v])..<Int(targets.offsets[v + 1]) {
                if targets.arc[t] < 0 { offer(targets.practice[t], c) }
                else if let extra = cost(targets.arc[t], targets.fraction[t]) { offer(targets.practice[t], c + extra) }
            }
            for arc in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let w = graph.arcCost(arc, mode: mode, weight: weight)
                if w.isFinite { push(Int(graph.targets[arc]), c + w, limit) }
            }
        }
        settle(upTo: .infinity)
        for v in touched { dist[Int(v)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        best.removeAll(keepingCapacity: true)
        heap.removeAll()
        return settled
    }

    @inline(__always)
    private mutating func push(_ v: Int, _ c: Double, _ limit: Double) {
        guard c <= limit, c < dist[v] else { return }
        if dist[v] == .infinity { touched.append(Int32(v)) }
        dist[v] = c
        heap.push(c, Int32(v))
    }
}
