import Foundation

/// "The nearest practice that will take you" by road (issue 13), after the
/// one multi-source pass over the fully open practices: for every restricted
/// practice (a partial stop with an eligibility area) one search from its
/// snapped position over the REVERSED network (cost point → practice, the
/// router's convention), bounded by the largest second-best cost among the
/// points of its area, with `BoundedSearch` (the bounded-search kernel the
/// catchments use). Each accepted point's cost is read off its snap as the
/// router's assign does (end nodes with the partial edge, or directly along
/// the practice's own edge), and offered to the point's best two with the
/// same order (cost, then practice index).
///
/// Exact: a restricted practice can enter a point's best two only with a
/// cost ≤ the point's second-best over the fully open practices, which the
/// bound covers; the answer does not depend on the order of the practices.
/// Two refinements keep the searches small: a point counts in the bound
/// only when its straight-line lower bound to the practice (metres, or
/// metres at the mode's top speed) is within its second-best; and a point
/// that reaches fewer than two open practices (no finite second-best, e.g.
/// behind a one-way exit) is answered by a forward search from the point,
/// stopped at its current second-best, instead of making every search of
/// its area unbounded.
public struct EligibleRouting: Sendable {
    let network: ReverseNetwork
    let attached: (offsets: [Int32], point: [Int32], extra: [Double])
    let points: [SnappedPoint?]
    let weight: RouteWeight
    /// Largest speed of the mode over the graph, m per cost unit (1 for `.length`).
    let metresPerCost: Double

    /// Counts of one application, for benchmarks and reports.
    public struct Stats: Sendable {
        public var searches = 0
        public var unboundedSearches = 0
        public var pairsFound = 0
        public var pointsImproved = 0
        public var forwardSearches = 0
    }

    /// - Parameters:
    ///   - points: the points' snaps for `mode`; only those some restricted
    ///     practice accepts take part.
    public init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight, points: [SnappedPoint?], eligible: EligibleSets) {
        // Lengths as the router counts them (Float metres per edge, summed in Double).
        network = ReverseNetwork(graph: graph, mode: mode, weight: weight,
                                 edgeLengthsM: weight == .length ? graph.edgeLengthM.map(Double.init) : nil)
        var inArea = [Bool](repeating: false, count: points.count)
        for list in eligible.pointsByPractice.values { for i in list { inArea[Int(i)] = true } }
        let taking = points.indices.map { inArea[$0] ? points[$0] : nil }
        attached = network.attach(taking)
        self.points = taking
        self.weight = weight
        var fastest = 1.0
        if weight == .time {
            fastest = 0
            let times = graph.arcTimeS[mode.rawValue]
            for a in 0..<graph.arcCount where times[a].isFinite && times[a] > 0 {
                fastest = max(fastest, Double(graph.arcLengthM[a]) / Double(times[a]))
            }
        }
        metresPerCost = fastest
    }

    /// Position of a snap on its (straight) edge.
    func position(_ sp: SnappedPoint) -> (x: Double, y: Double) {
        let g = network.graph, e = Int(sp.edge)
        let a = Int(g.edgeFrom[e]), b = Int(g.edgeTo[e])
        return (g.nodeX[a] + sp.fraction * (g.nodeX[b] - g.nodeX[a]), g.nodeY[a] + sp.fraction * (g.nodeY[b] - g.nodeY[a]))
    }

    /// A lower bound of the cost between two snaps: the straight line (in
    /// cost units), less a margin for the Float lengths of the edges.
    func lowerBound(_ p: SnappedPoint, _ q: SnappedPoint) -> Double {
        guard metresPerCost > 0 else { return 0 }
        let u = position(p), v = position(q)
        let d = ((u.x - v.x) * (u.x - v.x) + (u.y - v.y) * (u.y - v.y)).squareRoot()
        return max(0, d * (1 - 1e-5) - 0.01) / metresPerCost
    }

    /// Offers every restricted practice to the points of its area in
    /// `assigned` (the fully open practices' best two per point, from the
    /// router, in the same cost unit: metres for `.length`, seconds for
    /// `.time`). A restricted practice's label carries its cost as the
    /// weight's figure (`…LengthM` for `.length`, `…TimeS` for `.time`)
    /// and NaN for the other, which the caller does not read.
    @discardableResult
    public func apply(_ assigned: inout [FacilityAssignment], practices: [SnappedPoint?], eligible: EligibleSets) -> Stats {
        let graph = network.graph
        let restricted = eligible.restrictedPractices.filter { Int($0) < practices.count && practices[Int($0)] != nil }
        // The bound of each search: the largest second-best cost among the
        // points it could serve (a point in another component cannot be reached).
        func component(_ sp: SnappedPoint) -> Int32 { graph.componentOfNode[Int(graph.edgeFrom[Int(sp.edge)])] }
        // Points without a finite second-best: answered by a forward search.
        let forward = points.indices.filter { points[$0] != nil && !assigned[$0].secondCost.isFinite }
        var isForward = [Bool](repeating: false, count: points.count)
        for i in forward { isForward[i] = true }
        let limits: [Double] = parallelMap(count: restricted.count) { k in
            let p = restricted[k], at = practices[Int(p)]!
            let home = component(at)
            var limit = -Double.infinity
            for i in eligible.pointsByPractice[p] ?? [] {
                guard !isForward[Int(i)], let sp = points[Int(i)], component(sp) == home else { continue }
                let second = assigned[Int(i)].secondCost
                if second > limit && lowerBound(sp, at) <= second { limit = second }
            }
            return limit
        }
        var found = [[(point: Int32, cost: Double)]](repeating: [], count: restricted.count)
        let nodeCount = graph.nodeCount, pointCount = points.count
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer.baseAddress!
            ParallelWork.forEachWorker(count: restricted.count) { _, indexes in
                var search = BoundedSearch(nodeCount: nodeCount, pointCount: pointCount)
                var owner = [Int32](repeating: -1, count: pointCount)
                for k in indexes {
                    let p = restricted[k]
                    guard limits[k] >= 0, let at = practices[Int(p)] else { continue }
                    let accepted = eligible.pointsByPractice[p] ?? []
                    for i in accepted { owner[Int(i)] = p }
                    var list: [(point: Int32, cost: Double)] = []
                    search.forEachPair(from: at, network: network, attached: attached, points: points,
                                       limit: limits[k], inPointOrder: false) { i, c in
                        if owner[Int(i)] == p && !isForward[Int(i)] { list.append((i, c)) }
                    }
                    for i in accepted { owner[Int(i)] = -1 }
                    out[k] = list
                }
            }
        }
        var stats = Stats(searches: limits.filter { $0 >= 0 }.count, unboundedSearches: limits.filter { $0 == .infinity }.count)
        var improved = [Bool](repeating: false, count: assigned.count)
        for (k, p) in restricted.enumerated() {
            stats.pairsFound += found[k].count
            for (i, c) in found[k] where Self.offer(&assigned[Int(i)], cost: c, practice: p, weight: weight) {
                improved[Int(i)] = true
            }
        }
        stats.forwardSearches = forward.count
        if !forward.isEmpty {
            let answers = forwardSearches(forward, assigned: assigned, practices: practices, restricted: restricted, eligible: eligible)
            for (k, i) in forward.enumerated() {
                for (p, c) in answers[k] where Self.offer(&assigned[i], cost: c, practice: p, weight: weight) { improved[i] = true }
            }
        }
        stats.pointsImproved = improved.filter { $0 }.count
        return stats
    }

    /// For each point of `forward`: the restricted practices that accept it
    /// and that it reaches within its current second-best, with their cost,
    /// by a Dijkstra from the point over the forward arcs.
    func forwardSearches(_ forward: [Int], assigned: [FacilityAssignment], practices: [SnappedPoint?], restricted: [Int32],
                         eligible: EligibleSets) -> [[(Int32, Double)]] {
        let g = network.graph
        // Per node, the restricted practices reached from it: (practice, cost node → practice).
        var atNode: [Int32: [(Int32, Double)]] = [:]
        var onEdge: [Int32: [(Int32, Double)]] = [:]
        for p in restricted {
            guard let sp = practices[Int(p)] else { continue }
            let e = Int(sp.edge)
            if sp.fraction <= 0 { atNode[g.edgeFrom[e], default: []].append((p, 0)); continue }
            if sp.fraction >= 1 { atNode[g.edgeTo[e], default: []].append((p, 0)); continue }
            onEdge[sp.edge, default: []].append((p, sp.fraction))
            if let c = network.partial(g.edgeForwardArc[e], sp.fraction) { atNode[g.edgeFrom[e], default: []].append((p, c)) }
            if let c = network.partial(g.edgeBackwardArc[e], 1 - sp.fraction) { atNode[g.edgeTo[e], default: []].append((p, c)) }
        }
        return parallelMap(count: forward.count) { k in
            let i = forward[k], q = points[i]!
            var best = NearestPair(first: assigned[i].nearest, firstM: assigned[i].nearestCost,
                                   second: assigned[i].second, secondM: assigned[i].secondCost)
            var found: [Int32: Double] = [:]
            func reach(_ p: Int32, _ c: Double) {
                guard eligible.accepts(practice: p, point: Int32(i)), c < (found[p] ?? .infinity) else { return }
                found[p] = c
                best.offer(c, p)
            }
            let e = Int(q.edge)
            for (p, f) in onEdge[q.edge] ?? [] {
                let direct = f == q.fraction ? 0 : f > q.fraction
                    ? network.partial(g.edgeForwardArc[e], f - q.fraction) : network.partial(g.edgeBackwardArc[e], q.fraction - f)
                if let direct { reach(p, direct) }
            }
            var dist: [Int32: Double] = [:]
            var heap = MinHeap<Int32>()
            func push(_ v: Int32, _ c: Double) {
                guard c < (dist[v] ?? .infinity) else { return }
                dist[v] = c
                heap.push(c, v)
            }
            if q.fraction <= 0 { push(g.edgeFrom[e], 0) } else if q.fraction >= 1 { push(g.edgeTo[e], 0) } else {
                if let c = network.partial(g.edgeForwardArc[e], 1 - q.fraction) { push(g.edgeTo[e], c) }
                if let c = network.partial(g.edgeBackwardArc[e], q.fraction) { push(g.edgeFrom[e], c) }
            }
            while let top = heap.pop() {
                let c = top.cost, v = top.payload
                guard c == dist[v], c <= best.secondM else { if c > best.secondM { break }; continue }
                for (p, extra) in atNode[v] ?? [] { reach(p, c + extra) }
                for a in Int(g.offsets[Int(v)])..<Int(g.offsets[Int(v) + 1]) where network.arcCost[a].isFinite {
                    push(g.targets[a], c + network.arcCost[a])
                }
            }
            return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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
