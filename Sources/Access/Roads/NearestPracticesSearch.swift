/// The k nearest practices from ONE point by road, for interactive point
/// queries (`bereik serve`): a search over the graph's forward arcs from
/// the point's snapped position (so oneway roads count in the direction
/// home → practice, as `road_m` does), stopped once k practices are settled
/// or the cost passes a limit. Practices are reached through the end nodes of
/// the edge they snapped to, plus directly along a shared edge. Costs exclude
/// the walks to the road, as `road_m` does.
///
/// The search is A* with the straight line as its bound: no route from a
/// node to a practice's snapped position is shorter than the straight line
/// between them (in time: that line at the mode's highest speed on any arc),
/// so the bound is admissible and consistent and the practices come out in
/// the exact order of Dijkstra's search, after visiting far fewer nodes. The
/// bound of a node towards any practice is kept per node (`Targets`); a
/// search for given practices (`only`) bounds by those few. Practices in
/// another (weakly connected) component of the mode's graph than the point
/// are known unreachable and never searched for.
///
/// The search state (a distance per node) is reused between queries and
/// reset through the list of touched nodes, so a query costs what it visits,
/// not the size of the graph. One instance per thread.
///
/// Why not on `BoundedSearch`, the kernel of the other single-source
/// searches: that kernel keys its heap on the cost and stops at a cost
/// limit; this one keys on cost + bound (A*), with the bound computed when a
/// node is first touched and kept beside its cost, applies the limit to the
/// key, and settles practices from a pending list against the heap's least
/// key. Giving the kernel a potential would put a per-push lookup into every
/// capacity and coverage search, which need none, and the serve point query
/// (p99) depends on this loop staying as it is.
public struct NearestPracticesSearch {
    /// Practices that may be reached (snapped), attached to nodes.
    public struct Targets: Sendable {
        let mode: TravelMode
        /// Per node, the practices reached from it, with the part of the
        /// edge to travel.
        let atNode: CSR<Entry>

        struct Entry: Sendable {
            var practice: PracticeIndex
            var part: PartArc
        }
        /// Practices lying strictly inside an edge, by edge.
        let onEdge: [EdgeID: [(practice: PracticeIndex, fraction: Double)]]
        /// The mode's travel time per arc (`graph.arcTimeS[mode]`, held directly for the inner loop).
        let times: [Float]
        /// Per node: a lower bound in metres of the road length to the nearest target (straight line).
        let boundM: [Float]
        /// Per practice: its snapped position (nil: not a target) and its component.
        let position: [Coordinate?]
        let practiceComponent: [Int32]
        /// Weakly connected component of each node over the arcs the mode may travel.
        let component: [Int32]
        /// Metres per second: the mode's highest speed on any arc (time bounds).
        let topSpeed: Double

        /// `snaps[j]`: practice j's snapped position for `mode` (nil: takes no part).
        public init(graph: RoadGraph, mode: TravelMode, snaps: [SnappedPoint?]) {
            self.mode = mode
            let times = graph.arcTimeS[mode]
            self.times = times
            var onEdge: [EdgeID: [(practice: PracticeIndex, fraction: Double)]] = [:]
            var position = [Coordinate?](repeating: nil, count: snaps.count)
            for (j, sp) in snaps.enumerated() {
                guard let sp, let at = EdgePosition(sp, in: graph) else { continue }
                position[j] = sp.location
                if at.isInside { onEdge[at.edge, default: []].append((PracticeIndex(j), sp.fraction)) }
            }
            atNode = CSR(rows: graph.nodeCount) { emit in
                for (j, sp) in snaps.enumerated() {
                    guard let sp, let at = EdgePosition(sp, in: graph) else { continue }
                    for end in at.entries { emit(end.node.index, Entry(practice: PracticeIndex(j), part: end.part)) }
                }
            }
            self.onEdge = onEdge
            self.position = position
            let component = Self.components(graph, times: times)
            self.component = component
            practiceComponent = snaps.map { sp in
                guard let sp, let at = EdgePosition(sp, in: graph) else { return -1 }
                return component[at.from.index]
            }
            var top = 0.0
            for a in 0..<graph.arcCount where times[a].isFinite && graph.arcLengthM[a] > 0 {
                // An arc of length travelled in no time leaves time without a bound.
                top = times[a] > 0 ? Swift.max(top, Double(graph.arcLengthM[a]) / Double(times[a])) : .infinity
            }
            topSpeed = top
            boundM = Self.bounds(graph, to: position.compactMap { $0 })
        }

        /// Union-find over the usable arcs: the weakly connected component of each node (its root).
        static func components(_ graph: RoadGraph, times: [Float]) -> [Int32] {
            var parent = (0..<Int32(graph.nodeCount)).map { $0 }
            func find(_ v: Int32) -> Int32 {
                var r = v
                while parent[Int(r)] != r { r = parent[Int(r)] }
                var x = v
                while parent[Int(x)] != r { let next = parent[Int(x)]; parent[Int(x)] = r; x = next }
                return r
            }
            for u in 0..<graph.nodeCount {
                for a in graph.out.range(u) where times[a].isFinite {
                    let ru = find(Int32(u)), rv = find(graph.out.arcs[a].raw)
                    if ru != rv { parent[Int(max(ru, rv))] = min(ru, rv) }
                }
            }
            return (0..<Int32(graph.nodeCount)).map { find($0) }
        }

        /// Per node, the straight-line distance to the nearest of `sites`,
        /// shrunk by one part in a thousand (rounding of the Float arc lengths
        /// never makes it exceed a route), from a grid of the sites searched
        /// in rings until no nearer site can be in the next ring.
        static func bounds(_ graph: RoadGraph, to sites: [Coordinate]) -> [Float] {
            let n = graph.nodeCount
            guard !sites.isEmpty, n > 0 else { return [Float](repeating: 0, count: n) }
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for i in 0..<n {
                minX = Swift.min(minX, graph.nodeX[i]); maxX = Swift.max(maxX, graph.nodeX[i])
                minY = Swift.min(minY, graph.nodeY[i]); maxY = Swift.max(maxY, graph.nodeY[i])
            }
            for s in sites {
                minX = Swift.min(minX, s.x); maxX = Swift.max(maxX, s.x); minY = Swift.min(minY, s.y); maxY = Swift.max(maxY, s.y)
            }
            let side = Swift.max(1, Int(Double(sites.count).squareRoot().rounded(.up)))
            let cell = Swift.max(1, Swift.max(maxX - minX, maxY - minY) / Double(side))
            let cols = Int((maxX - minX) / cell) + 1, rows = Int((maxY - minY) / cell) + 1
            var buckets = [[Int]](repeating: [], count: cols * rows)
            func cellOf(_ x: Double, _ y: Double) -> (Int, Int) {
                (Swift.min(cols - 1, Swift.max(0, Int((x - minX) / cell))), Swift.min(rows - 1, Swift.max(0, Int((y - minY) / cell))))
            }
            for (k, s) in sites.enumerated() { let (c, r) = cellOf(s.x, s.y); buckets[r * cols + c].append(k) }
            var bound = [Float](repeating: 0, count: n)
            for v in 0..<n {
                let x = graph.nodeX[v], y = graph.nodeY[v]
                let (c0, r0) = cellOf(x, y)
                var best = Double.infinity
                var ring = 0
                while ring <= cols + rows {
                    // Every site outside the rings so far is at least `ring` cells away.
                    if best.isFinite && Double(ring - 1) * cell >= best.squareRoot() { break }
                    for r in (r0 - ring)...(r0 + ring) where r >= 0 && r < rows {
                        let edge = r == r0 - ring || r == r0 + ring
                        for c in (c0 - ring)...(c0 + ring) where c >= 0 && c < cols && (edge || c == c0 - ring || c == c0 + ring) {
                            for k in buckets[r * cols + c] {
                                let dx = sites[k].x - x, dy = sites[k].y - y
                                best = Swift.min(best, dx * dx + dy * dy)
                            }
                        }
                    }
                    ring += 1
                }
                bound[v] = Float(best.squareRoot() * 0.999)
            }
            return bound
        }
    }

    public struct Found: Sendable, Equatable {
        public var practice: PracticeIndex
        /// Metres for `.length`, seconds for `.time`.
        public var cost: Double
    }

    private var dist: [Double]
    /// The bound of each touched node towards the wanted practices (`only` searches).
    private var bound: [Double]
    private var touched: [NodeID] = []
    /// Practices offered and not yet settled, with their best cost so far.
    private var pending: [(practice: PracticeIndex, cost: Double)] = []
    private var heap = MinHeap<NodeID>()
    /// Heap pops of the last search (for benchmarks).
    public private(set) var lastPops = 0

    public init(nodeCount: Int) {
        dist = [Double](repeating: .infinity, count: nodeCount)
        bound = [Double](repeating: 0, count: nodeCount)
    }

    /// Practices in order of cost from `point` (ties by practice index):
    /// at most `k`, or, with `only`, just those (as far as reachable).
    /// `allowed`: when given, only the practices it accepts count (a place's
    /// eligibility). Stops at `limit` (in the weight's unit: metres or seconds).
    public mutating func nearest(from point: SnappedPoint, graph: RoadGraph, targets: Targets, weight: RouteWeight,
                                 k: Int, only: Set<Int>? = nil, allowed: ((Int) -> Bool)? = nil,
                                 limit: Double = .infinity) -> [Found] {
        let times = targets.times
        guard let at = EdgePosition(point, in: graph) else { return [] }
        let home = targets.component[at.from]
        // The wanted practices in the point's component (the others cannot be reached).
        let wantedSet = only.map { Set($0.filter { j in j >= 0 && j < targets.position.count && targets.practiceComponent[j] == home }) }
        let wantedSites: [Coordinate] = wantedSet.map { $0.sorted().compactMap { targets.position[$0] } } ?? []
        // Per unit of straight line, the least the weight can cost.
        let perMetre = weight == .time ? (targets.topSpeed > 0 && targets.topSpeed.isFinite ? 0.999 / targets.topSpeed : 0) : 1.0
        let arcs = ForwardArcs(graph: graph, times: times, weight: weight)
        @inline(__always) func boundAt(_ v: Int) -> Double {
            guard wantedSet != nil else { return Double(targets.boundM[v]) * perMetre }
            var best = Double.infinity
            let x = graph.nodeX[v], y = graph.nodeY[v]
            for s in wantedSites {
                let dx = s.x - x, dy = s.y - y
                best = Swift.min(best, dx * dx + dy * dy)
            }
            return best.isFinite ? best.squareRoot() * 0.999 * perMetre : 0
        }
        @inline(__always) func push(_ v: Int, _ c: Double) {
            guard c < dist[v] else { return }
            if dist[v] == .infinity {
                touched.append(NodeID(v))
                bound[v] = boundAt(v)
            }
            let f = c + bound[v]
            guard f <= limit else { return }
            dist[v] = c
            heap.push(f, NodeID(v))
        }
        var settled: [Found] = []
        var settledSet = Set<PracticeIndex>()
        func offer(_ j: PracticeIndex, _ c: Double) {
            guard c <= limit else { return }
            if let wantedSet { guard wantedSet.contains(Int(j)) else { return } }
            if let allowed { guard allowed(Int(j)) else { return } }
            if let i = pending.firstIndex(where: { $0.practice == j }) {
                if c < pending[i].cost { pending[i].cost = c }
            } else if !settledSet.contains(j) {
                pending.append((j, c))
            }
        }
        let wanted = wantedSet.map { min($0.count, k) } ?? k
        lastPops = 0
        if wanted > 0 {
            for end in at.exits {
                if let c = end.part.measure(arcs) { push(end.node.index, c) }
            }
            // Practices on the point's own edge, reached without a node.
            for (j, g) in targets.onEdge[at.edge] ?? [] {
                if let c = at.along(to: g)?.measure(arcs) { offer(j, c) }
            }
        }
        func settle(upTo c: Double) {
            // A practice is final once no cheaper label can still come: no
            // route through an unsettled node costs less than the heap's least key.
            while settled.count < wanted, !pending.isEmpty {
                var i = 0
                for x in 1..<pending.count {
                    let p = pending[x], q = pending[i]
                    if p.cost < q.cost || (p.cost == q.cost && p.practice < q.practice) { i = x }
                }
                guard pending[i].cost <= c else { return }
                let next = pending.remove(at: i)
                settledSet.insert(next.practice)
                settled.append(Found(practice: next.practice, cost: next.cost))
            }
        }
        while settled.count < wanted, let top = heap.pop() {
            let v = Int(top.payload)
            let c = dist[v]
            guard top.cost == c + bound[v] else { continue }     // stale entry
            lastPops += 1
            if !pending.isEmpty { settle(upTo: top.cost) }
            if settled.count >= wanted { break }
            for t in targets.atNode.range(v) {
                let x = targets.atNode.arcs[t]
                if let extra = x.part.measure(arcs) { offer(x.practice, c + extra) }
            }
            arcs.forEachStep(from: NodeID(v)) { w, step in push(w.index, c + step) }
        }
        settle(upTo: .infinity)
        for v in touched { dist[Int(v)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        heap.removeAll()
        return settled
    }
}
