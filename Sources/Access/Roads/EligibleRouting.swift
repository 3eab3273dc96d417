import Foundation

/// "The nearest practice that will take you" by road (issue 13), after the
/// one multi-source pass over the fully open practices (a
/// `NearestFacilityRouter`): for every restricted practice (a partial stop
/// with an eligibility area) one search from its snapped position toward it
/// (cost point → practice, the router's convention) over the router's core
/// (`RouterCore`: degree-2 chains contracted, see `DegreeTwoChains`), with
/// the one bounded-search kernel (`BoundedSearch`). Each accepted point's
/// cost is then read off its snap as the router's assign does (end nodes
/// with the partial edge, or directly along the practice's own edge; a node
/// inside a chain from the chain's two ends), and offered to the point's
/// best two with the same order (cost, then practice index).
///
/// Exact: a restricted practice can enter a point's best two only with a
/// cost ≤ the point's second-best over the fully open practices. So a
/// search stops (1) beyond the largest second-best among the points of its
/// area, and (2) at every node whose own second-best open practice (the
/// router's label) is nearer than the restricted practice: a route through
/// that node reaches two open practices at least as cheaply. A point that
/// reaches fewer than two open practices (no finite second-best, e.g.
/// behind a one-way exit) is answered by a forward search from the point,
/// stopped at its current second-best or once it has reached every
/// practice that accepts it. The costs are sums of the graph's per-arc
/// costs in Float64 (the core's shortcuts summed unrounded), so the answer
/// equals a search over the whole graph and does not depend on the order of
/// the practices.
public struct EligibleRouting: Sendable {
    let router: NearestFacilityRouter
    let core: RouterCore
    let arcs: ForwardArcs
    let points: [SnappedPoint?]
    /// Per point: its index in `ends` when some restricted practice accepts
    /// it and it snapped, else -1.
    let slot: [Int32]
    let ends: [PointEnds]

    /// How a point reaches the core: up to four core nodes (core numbers,
    /// -1: none) with the cost point → node — its edge's end nodes, or for
    /// an end inside a chain the chain's two ends along the chain —, the
    /// chain its edge lies in (-1: none) and its edge.
    struct PointEnds {
        var node: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
        var cost: (Double, Double, Double, Double) = (.infinity, .infinity, .infinity, .infinity)
        var chain: Int32 = -1
        var edge: Int32 = -1

        mutating func put(_ k: Int, _ v: Int32, _ c: Double) {
            switch k {
            case 0: node.0 = v; cost.0 = c
            case 1: node.1 = v; cost.1 = c
            case 2: node.2 = v; cost.2 = c
            default: node.3 = v; cost.3 = c
            }
        }
    }

    /// Counts of one application, for benchmarks and reports.
    public struct Stats: Sendable {
        public var searches = 0
        public var pairsFound = 0
        public var pointsImproved = 0
        public var forwardSearches = 0
        /// Core nodes settled by the practices' searches, and nodes by the forward searches.
        public var settledNodes = 0
        public var forwardSettledNodes = 0
        /// Seconds of the steps: the searches' bounds, the practices'
        /// searches with reading off their points, the forward searches with
        /// merging the answers.
        public var limitsS = 0.0
        public var searchS = 0.0
        public var forwardS = 0.0
    }

    /// - Parameters:
    ///   - router: the router of the multi-source pass (its mode and weight).
    ///   - points: the points' snaps for the router's mode; only those some
    ///     restricted practice accepts take part.
    public init(router: NearestFacilityRouter, points: [SnappedPoint?], eligible: EligibleSets) {
        self.router = router
        core = RouterCore(router)
        let graph = router.graph
        let arcs = ForwardArcs(graph: graph, mode: router.mode, weight: router.weight)
        self.arcs = arcs
        self.points = points
        var slot = [Int32](repeating: -1, count: points.count)
        for list in eligible.pointsByPractice.values {
            for i in list where Int(i) < points.count { slot[Int(i)] = 0 }
        }
        // Per node inside a chain: the cost along the chain to its first
        // and to its last node (sums of the Float arcs in Float64).
        let chains = router.chains, coreId = router.coreId
        var toFirst = [Double](repeating: .infinity, count: graph.nodeCount), toLast = toFirst
        for c in 0..<chains.count {
            let lo = Int(chains.start[c]), hi = Int(chains.start[c + 1]) - 1
            var sum = 0.0
            for q in (lo + 1)..<Swift.max(hi, lo + 1) { sum += Double(chains.down[q - 1].cost); toFirst[Int(chains.nodes[q])] = sum }
            sum = 0
            for q in stride(from: hi - 1, to: lo, by: -1) { sum += Double(chains.up[q].cost); toLast[Int(chains.nodes[q])] = sum }
        }
        var ends: [PointEnds] = []
        for i in points.indices where slot[i] == 0 {
            guard let sp = points[i], sp.edge >= 0, Int(sp.edge) < graph.edgeCount else { slot[i] = -1; continue }
            let e = Int(sp.edge), a = graph.edgeFrom[e], b = graph.edgeTo[e]
            var x = PointEnds()
            x.edge = sp.edge
            var k = 0
            func add(_ v: Int32, _ extra: Double) {
                let id = coreId[Int(v)]
                if id >= 0 { x.put(k, id, extra); k += 1; return }
                let c = Int(chains.chainOf[Int(v)])
                x.chain = Int32(c)
                let lo = Int(chains.start[c]), hi = Int(chains.start[c + 1]) - 1
                x.put(k, coreId[Int(chains.nodes[lo])], toFirst[Int(v)] + extra)
                x.put(k + 1, coreId[Int(chains.nodes[hi])], toLast[Int(v)] + extra)
                k += 2
            }
            if sp.fraction <= 0 { add(a, 0) } else if sp.fraction >= 1 { add(b, 0) } else {
                // From the point forward to `edgeTo`, or backward to `edgeFrom`.
                if let c = arcs.partial(graph.edgeForwardArc[e], 1 - sp.fraction) { add(b, c) }
                if let c = arcs.partial(graph.edgeBackwardArc[e], sp.fraction) { add(a, c) }
            }
            slot[i] = Int32(ends.count)
            ends.append(x)
        }
        self.slot = slot
        self.ends = ends
    }

    /// Offers every restricted practice to the points of its area in
    /// `assigned` (the fully open practices' best two per point, from the
    /// router, in the same cost unit: metres for `.length`, seconds for
    /// `.time`). `labels` are that router's node labels of the same pass. A
    /// restricted practice's label carries its cost as the weight's figure
    /// (`…LengthM` for `.length`, `…TimeS` for `.time`) and NaN for the
    /// other, which the caller does not read.
    @discardableResult
    public func apply(_ assigned: inout [FacilityAssignment], labels: NodeLabels, practices: [SnappedPoint?],
                      eligible: EligibleSets) -> Stats {
        let clock = ContinuousClock()
        var lap = clock.now
        func seconds() -> Double {
            let now = clock.now, d = now - lap
            lap = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let restricted = eligible.restrictedPractices.filter { Int($0) < practices.count && practices[Int($0)] != nil }
        // Each taking point's second-best over the open practices; infinite:
        // answered by a forward search instead.
        var second = [Double](repeating: .infinity, count: ends.count)
        var forward: [Int] = []
        for i in points.indices where slot[i] >= 0 {
            second[Int(slot[i])] = assigned[i].secondCost
            if !assigned[i].secondCost.isFinite { forward.append(i) }
        }
        // The bound of each search: the largest second-best among the points
        // it could serve.
        let limits: [Double] = parallelMap(count: restricted.count) { k in
            var limit = -Double.infinity
            for i in eligible.pointsByPractice[restricted[k]] ?? [] where Int(i) < slot.count {
                let s = Int(slot[Int(i)])
                if s >= 0 && second[s].isFinite && second[s] > limit { limit = second[s] }
            }
            return limit
        }
        var stats = Stats(searches: limits.filter { $0 >= 0 }.count)
        stats.limitsS = seconds()
        var found = [[(point: Int32, cost: Double)]](repeating: [], count: restricted.count)
        var settled = [Int](repeating: 0, count: ParallelWork.workers(count: restricted.count, minPerWorker: 1))
        found.withUnsafeMutableBufferPointer { buffer in
            settled.withUnsafeMutableBufferPointer { settledBuffer in
                nonisolated(unsafe) let out = buffer.baseAddress!, settledOut = settledBuffer.baseAddress!
                ParallelWork.forEachWorker(count: restricted.count) { worker, indexes in
                    var search = CoreSearch(self, labels: labels)
                    for k in indexes {
                        let p = restricted[k]
                        guard limits[k] >= 0, let at = practices[Int(p)] else { continue }
                        out[k] = search.pairs(of: at, accepted: eligible.pointsByPractice[p] ?? [], second: second, limit: limits[k])
                    }
                    settledOut[worker] = search.kernel.settledNodes
                }
            }
        }
        stats.settledNodes = settled.reduce(0, +)
        stats.searchS = seconds()
        var improved = [Bool](repeating: false, count: assigned.count)
        for (k, p) in restricted.enumerated() {
            stats.pairsFound += found[k].count
            for (i, c) in found[k] where Self.offer(&assigned[Int(i)], cost: c, practice: p, weight: router.weight) {
                improved[Int(i)] = true
            }
        }
        stats.forwardSearches = forward.count
        if !forward.isEmpty {
            let answers = forwardSearches(forward, assigned: assigned, practices: practices, restricted: restricted, eligible: eligible)
            for (k, i) in forward.enumerated() {
                stats.forwardSettledNodes += answers[k].settled
                for (p, c) in answers[k].found where Self.offer(&assigned[i], cost: c, practice: p, weight: router.weight) {
                    improved[i] = true
                }
            }
        }
        stats.pointsImproved = improved.filter { $0 }.count
        stats.forwardS = seconds()
        return stats
    }

    /// Relative (and absolute, in cost units) margin of the search's stop at
    /// a node's second-best label: the router's labels sum Float shortcuts.
    static let pruneMargin = 1e-4

    /// One worker's search of a restricted practice over the router's core,
    /// and the reading off of its points.
    struct CoreSearch {
        let routing: EligibleRouting
        let nodes: [TwoLabels]
        var kernel: BoundedSearch
        /// Costs of the nodes inside the chains the practice lies in (its
        /// seeds swept along the chain), reset through `touched`.
        var inner: [Double]
        var touched: [Int32] = []

        init(_ routing: EligibleRouting, labels: NodeLabels) {
            self.routing = routing
            nodes = labels.nodes
            kernel = BoundedSearch(nodeCount: routing.router.coreNodes.count)
            inner = [Double](repeating: .infinity, count: routing.router.graph.nodeCount)
        }

        /// The points of `accepted` whose cost to the practice at `at` is
        /// at most their second-best (`second`, by slot), with that cost.
        mutating func pairs(of at: SnappedPoint, accepted: [Int32], second: [Double], limit: Double) -> [(point: Int32, cost: Double)] {
            let router = routing.router, graph = router.graph, arcs = routing.arcs
            let chains = router.chains, coreId = router.coreId
            // Seeds: reach the practice from `edgeFrom` going forward, from
            // `edgeTo` backward; a seed inside a chain is swept to its ends.
            let e = Int(at.edge), a = graph.edgeFrom[e], b = graph.edgeTo[e]
            var seeded: (Int32, Int32) = (-1, -1)
            func seed(_ v: Int32, _ c: Double) {
                let id = coreId[Int(v)]
                if id >= 0 { kernel.push(Int(id), c, limit); return }
                if c < inner[Int(v)] {
                    if inner[Int(v)] == .infinity { touched.append(v) }
                    inner[Int(v)] = c
                }
                let chain = chains.chainOf[Int(v)]
                if seeded.0 < 0 { seeded.0 = chain } else if seeded.0 != chain { seeded.1 = chain }
            }
            if at.fraction <= 0 { seed(a, 0) } else if at.fraction >= 1 { seed(b, 0) } else {
                if let c = arcs.partial(graph.edgeForwardArc[e], at.fraction) { seed(a, c) }
                if let c = arcs.partial(graph.edgeBackwardArc[e], 1 - at.fraction) { seed(b, c) }
            }
            for c in [seeded.0, seeded.1] where c >= 0 {
                sweep(Int(c))
                let lo = Int(chains.start[Int(c)]), hi = Int(chains.start[Int(c) + 1]) - 1
                kernel.push(Int(coreId[Int(chains.nodes[lo])]), inner[Int(chains.nodes[lo + 1])] + Double(chains.up[lo].cost), limit)
                kernel.push(Int(coreId[Int(chains.nodes[hi])]), inner[Int(chains.nodes[hi - 1])] + Double(chains.down[hi - 1].cost), limit)
            }
            // A route through node v costs its way to v plus c; through v the
            // point also reaches v's two open practices, so its second-best
            // is at most its way to v plus v's second label: beyond that the
            // search can change no point.
            let coreNodes = router.coreNodes, margin = EligibleRouting.pruneMargin
            while let (v, c) = kernel.next() {
                if c > nodes[Int(coreNodes[v])].secondCost * (1 + margin) + margin { continue }
                kernel.relax(v, c, over: routing.core, limit: limit)
            }
            var result: [(point: Int32, cost: Double)] = []
            let slot = routing.slot, ends = routing.ends
            kernel.dist.withUnsafeBufferPointer { dist in
                @inline(__always) func via(_ v: Int32, _ extra: Double) -> Double { v >= 0 ? dist[Int(v)] + extra : .infinity }
                for i in accepted where Int(i) < slot.count {
                    let s = Int(slot[Int(i)])
                    guard s >= 0, second[s].isFinite else { continue }
                    let x = ends[s]
                    var cost = Swift.min(Swift.min(via(x.node.0, x.cost.0), via(x.node.1, x.cost.1)),
                                         Swift.min(via(x.node.2, x.cost.2), via(x.node.3, x.cost.3)))
                    if x.chain >= 0 && (x.chain == seeded.0 || x.chain == seeded.1) || Int(x.edge) == e {
                        cost = Swift.min(cost, near(routing.points[Int(i)]!, practice: at))
                    }
                    if cost <= second[s] { result.append((i, cost)) }
                }
            }
            kernel.finish()
            for v in touched { inner[Int(v)] = .infinity }
            touched.removeAll(keepingCapacity: true)
            return result
        }

        /// The cost of point `q` to the practice at `at` without leaving the
        /// chain the practice lies in (through its seeds swept along the
        /// chain), or directly along the practice's own edge.
        func near(_ q: SnappedPoint, practice at: SnappedPoint) -> Double {
            let graph = routing.router.graph, arcs = routing.arcs
            let e = Int(q.edge), a = Int(graph.edgeFrom[e]), b = Int(graph.edgeTo[e])
            var cost = Double.infinity
            if q.fraction <= 0 { cost = inner[a] } else if q.fraction >= 1 { cost = inner[b] } else {
                if let c = arcs.partial(graph.edgeForwardArc[e], 1 - q.fraction) { cost = Swift.min(cost, inner[b] + c) }
                if let c = arcs.partial(graph.edgeBackwardArc[e], q.fraction) { cost = Swift.min(cost, inner[a] + c) }
            }
            // A point on the practice's own edge can reach it without a node;
            // at the practice's own position: no travel (as the router's assign).
            if e == Int(at.edge) && at.fraction > 0 && at.fraction < 1 {
                let direct = q.fraction == at.fraction ? 0
                    : q.fraction < at.fraction
                    ? arcs.partial(graph.edgeForwardArc[e], at.fraction - q.fraction)
                    : arcs.partial(graph.edgeBackwardArc[e], q.fraction - at.fraction)
                if let direct { cost = Swift.min(cost, direct) }
            }
            return cost
        }

        /// Costs of chain c's inner nodes from the seeds inside it (and its
        /// ends' costs so far), one sweep from each end as
        /// `DegreeTwoChains.sweep`.
        mutating func sweep(_ c: Int) {
            let chains = routing.router.chains, coreId = routing.router.coreId
            let lo = Int(chains.start[c]), hi = Int(chains.start[c + 1]) - 1
            guard hi - lo >= 2 else { return }
            func set(_ v: Int, _ c: Double) {
                guard c < inner[v] else { return }
                if inner[v] == .infinity { touched.append(Int32(v)) }
                inner[v] = c
            }
            var previous = kernel.dist[Int(coreId[Int(chains.nodes[lo])])]
            for q in (lo + 1)..<hi {
                let v = Int(chains.nodes[q])
                set(v, previous + Double(chains.down[q - 1].cost))
                previous = inner[v]
            }
            previous = kernel.dist[Int(coreId[Int(chains.nodes[hi])])]
            for q in stride(from: hi - 1, to: lo, by: -1) {
                let v = Int(chains.nodes[q])
                set(v, previous + Double(chains.up[q].cost))
                previous = inner[v]
            }
        }
    }

    /// For each point of `forward`: the restricted practices that accept it
    /// and that it reaches within its current second-best, with their cost,
    /// by a search from the point over the forward arcs (`BoundedSearch`
    /// over `ForwardArcs`), stopped beyond its second-best or once every
    /// practice that accepts it is reached.
    func forwardSearches(_ forward: [Int], assigned: [FacilityAssignment], practices: [SnappedPoint?], restricted: [Int32],
                         eligible: EligibleSets) -> [(found: [(Int32, Double)], settled: Int)] {
        let g = router.graph
        // Per node, the restricted practices reached from it, as CSR:
        // (practice, cost node → practice); and those strictly inside an edge.
        var entries: [(node: Int32, practice: Int32, extra: Double)] = []
        var onEdge: [Int32: [(Int32, Double)]] = [:]
        for p in restricted {
            guard let sp = practices[Int(p)] else { continue }
            let e = Int(sp.edge)
            if sp.fraction <= 0 { entries.append((g.edgeFrom[e], p, 0)); continue }
            if sp.fraction >= 1 { entries.append((g.edgeTo[e], p, 0)); continue }
            onEdge[sp.edge, default: []].append((p, sp.fraction))
            if let c = arcs.partial(g.edgeForwardArc[e], sp.fraction) { entries.append((g.edgeFrom[e], p, c)) }
            if let c = arcs.partial(g.edgeBackwardArc[e], 1 - sp.fraction) { entries.append((g.edgeTo[e], p, c)) }
        }
        var offsets = [Int32](repeating: 0, count: g.nodeCount + 1)
        for x in entries { offsets[Int(x.node) + 1] += 1 }
        for v in 0..<g.nodeCount { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var practiceAt = [Int32](repeating: 0, count: entries.count), extraAt = [Double](repeating: 0, count: entries.count)
        for x in entries {
            let k = Int(cursor[Int(x.node)]); cursor[Int(x.node)] += 1
            practiceAt[k] = x.practice; extraAt[k] = x.extra
        }
        // The restricted practices that accept each forward point.
        var position = [Int32](repeating: -1, count: points.count)
        for (k, i) in forward.enumerated() { position[i] = Int32(k) }
        var accepting = [[Int32]](repeating: [], count: forward.count)
        for p in restricted {
            for i in eligible.pointsByPractice[p] ?? [] where Int(i) < points.count && position[Int(i)] >= 0 {
                accepting[Int(position[Int(i)])].append(p)
            }
        }
        let nodeCount = g.nodeCount, arcs = arcs
        return parallelMap(count: forward.count, state: { BoundedSearch(nodeCount: nodeCount) }) { search, k in
            let i = forward[k], q = points[i]!
            let wanted = accepting[k]
            guard !wanted.isEmpty else { return ([], 0) }
            var best = NearestPair(first: assigned[i].nearest, firstM: assigned[i].nearestCost,
                                   second: assigned[i].second, secondM: assigned[i].secondCost)
            var cost = [Double](repeating: .infinity, count: wanted.count)
            func reach(_ p: Int32, _ c: Double) {
                guard let w = wanted.firstIndex(of: p), c < cost[w] else { return }
                cost[w] = c
                best.offer(c, p)
            }
            let e = Int(q.edge)
            for (p, f) in onEdge[q.edge] ?? [] {
                let direct = f == q.fraction ? 0 : f > q.fraction
                    ? arcs.partial(g.edgeForwardArc[e], f - q.fraction) : arcs.partial(g.edgeBackwardArc[e], q.fraction - f)
                if let direct { reach(p, direct) }
            }
            let before = search.settledNodes
            // Seeds: the end nodes reached from the point along its edge.
            if q.fraction <= 0 { search.push(Int(g.edgeFrom[e]), 0, .infinity) }
            else if q.fraction >= 1 { search.push(Int(g.edgeTo[e]), 0, .infinity) }
            else {
                if let c = arcs.partial(g.edgeForwardArc[e], 1 - q.fraction) { search.push(Int(g.edgeTo[e]), c, .infinity) }
                if let c = arcs.partial(g.edgeBackwardArc[e], q.fraction) { search.push(Int(g.edgeFrom[e]), c, .infinity) }
            }
            while let (v, c) = search.next() {
                // Nothing beyond the second-best can change the point; every
                // practice reached at ≤ c is final.
                if c > best.secondM || !cost.contains(where: { $0 > c }) { break }
                for t in Int(offsets[v])..<Int(offsets[v + 1]) { reach(practiceAt[t], c + extraAt[t]) }
                search.relax(v, c, over: arcs, limit: best.secondM)
            }
            search.finish()
            let found = zip(wanted, cost).filter { $0.1.isFinite }.map { ($0.0, $0.1) }
            return (found, search.settledNodes - before)
        }
    }

    /// Offers (cost, practice) to a point's best two; ordered as the router
    /// orders labels. Returns whether the point's best two changed.
    static func offer(_ a: inout FacilityAssignment, cost: Double, practice: Int32, weight: RouteWeight) -> Bool {
        var pair = NearestPair(first: a.nearest, firstM: a.nearestCost, second: a.second, secondM: a.secondCost)
        guard pair.offer(cost, practice) else { return false }
        let fresh: (length: Double, time: Double) = weight == .length ? (cost, .nan) : (.nan, cost)
        func figures(_ s: Int32) -> (length: Double, time: Double) {
            if s == practice { return fresh }
            if s == a.nearest { return (a.nearestLengthM, a.nearestTimeS) }
            if s == a.second { return (a.secondLengthM, a.secondTimeS) }
            return (.infinity, .infinity)
        }
        let first = figures(pair.first), second = figures(pair.second)
        a.nearest = pair.first; a.nearestCost = pair.firstM; a.nearestLengthM = first.length; a.nearestTimeS = first.time
        a.second = pair.second; a.secondCost = pair.secondM; a.secondLengthM = second.length; a.secondTimeS = second.time
        return true
    }
}
