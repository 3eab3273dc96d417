/// A lower bound of the road cost between two snapped positions, from the
/// straight line between them: the filter `EligibleRouting` applies to the
/// (restricted practice, point) pairs before it prepares anything.
///
/// A route is a chain of straight pieces (whole arcs, and parts of the first
/// and last edge: a fraction of the arc's cost for the same fraction of its
/// segment), so its cost is at least `costPerMetre` × the sum of the pieces'
/// straight lengths ≥ `costPerMetre` × the straight line between its two
/// ends (the triangle inequality). `costPerMetre` is the least cost per
/// straight-line metre over every arc the mode may travel — taken from the
/// arcs' own costs and end nodes, so it holds however the lengths or times
/// were made (Float-rounded lengths, a fastest speed, a length shorter than
/// its segment). A pair whose bound exceeds the point's second-best over
/// the fully open practices can change neither of its best two, and the
/// search would drop it anyway (`best <= second`); so the filter changes no
/// answer, it only spares the preparation, the search and the merge.
struct EligiblePairBound {
    /// Relative and absolute (metres) margins of the bound, far above the
    /// rounding they cover: the graph's costs are sums of Float arcs in
    /// Float64 (relative 1e-16 per sum), `costPerMetre` is one Float64
    /// division (relative 1e-16), and a position is `from + f × (to − from)`
    /// in Float64 (about 1e-10 m at Dutch coordinates).
    static let relativeMargin = 1e-6
    static let absoluteMarginM = 1e-6

    let graph: RoadGraph
    /// Least cost (metres or seconds) per straight-line metre over the arcs
    /// the mode may travel; 0 when some arc costs nothing (no filter).
    let costPerMetre: Double

    init(graph: RoadGraph, arcs: ForwardArcs) {
        self.graph = graph
        var rate = Double.infinity
        graph.nodeX.withUnsafeBufferPointer { xs in
            graph.nodeY.withUnsafeBufferPointer { ys in
                for u in 0..<graph.nodeCount {
                    for a in graph.out.range(u) {
                        let c = arcs.cost(a)
                        guard c.isFinite else { continue }
                        let v = graph.out.arcs[a].index
                        let dx = xs[u] - xs[v], dy = ys[u] - ys[v]
                        let d = (dx * dx + dy * dy).squareRoot()
                        if d > 0 { rate = Swift.min(rate, c / d) }
                    }
                }
            }
        }
        costPerMetre = rate.isFinite && rate > 0 ? rate : 0
    }

    /// The position of a snapped point on its edge's segment, as the costs
    /// see it (`fraction` of the way from `edgeFrom` to `edgeTo`); nil for an
    /// edge the graph does not have.
    func position(_ q: SnappedPoint) -> SIMD2<Double>? {
        let e = Int(q.edge.raw)
        guard e >= 0, e < graph.edgeCount else { return nil }
        let a = graph.edgeFrom[e].index, b = graph.edgeTo[e].index
        let from = SIMD2(graph.nodeX[a], graph.nodeY[a])
        if q.fraction <= 0 { return from }
        let to = SIMD2(graph.nodeX[b], graph.nodeY[b])
        if q.fraction >= 1 { return to }
        return from + q.fraction * (to - from)
    }

    /// The straight-line distance beyond which a pair with this point costs
    /// more than `cost` (the point's second-best) by the bound:
    /// `costPerMetre × (d × (1 − relative) − absolute) > cost` ⟺ `d > reach`.
    /// Infinite when nothing can be dropped.
    func reach(below cost: Double) -> Double {
        guard costPerMetre > 0, cost.isFinite, cost >= 0 else { return .infinity }
        return (cost / costPerMetre + Self.absoluteMarginM) / (1 - Self.relativeMargin)
    }

    /// The areas with only the pairs whose bound is within the point's
    /// second-best (`assigned[i].secondCost`, over the fully open
    /// practices: infinite keeps all of its pairs); a practice none of whose
    /// pairs is kept is left out. Points that did not snap, and practices
    /// that did not, keep their pairs (the routing skips them as before).
    func filter(_ eligible: EligibleSets, points: [SnappedPoint?], practices: [SnappedPoint?],
                assigned: [FacilityAssignment]) -> (kept: EligibleSets, pairs: Int) {
        guard costPerMetre > 0 else {
            return (eligible, eligible.pointsByPractice.values.reduce(0) { $0 + $1.count })
        }
        // Per point: its position and its reach squared, side by side (one
        // read per pair). Squares compare as the distances do; their
        // rounding (relative 1e-16) is far inside the margins.
        let bounds: [SIMD4<Double>] = parallelMap(count: points.count, minPerWorker: 20_000) { i in
            guard let q = points[i], let at = position(q) else { return SIMD4(0, 0, .infinity, 0) }
            let r = i < assigned.count ? reach(below: assigned[i].secondCost) : .infinity
            return SIMD4(at.x, at.y, r * r, 0)
        }
        let restricted = eligible.restrictedPractices
        let lists: [[Int32]] = parallelMap(count: restricted.count) { k in
            let p = restricted[k], list = eligible.pointsByPractice[p] ?? []
            guard Int(p) < practices.count, let sp = practices[Int(p)], let at = position(sp) else { return list }
            var kept: [Int32] = []
            bounds.withUnsafeBufferPointer { bounds in
                for i in list where Int(i) >= bounds.count || {
                    let b = bounds[Int(i)], dx = b.x - at.x, dy = b.y - at.y
                    return dx * dx + dy * dy <= b.z
                }() {
                    kept.append(i)
                }
            }
            return kept
        }
        var result = eligible
        var pairs = 0
        for (k, p) in restricted.enumerated() {
            if lists[k].isEmpty { result.pointsByPractice[p] = nil } else { result.pointsByPractice[p] = lists[k] }
            pairs += lists[k].count
        }
        return (result, pairs)
    }
}
