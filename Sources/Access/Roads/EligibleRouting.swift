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
struct EligibleRouting {
    let network: ReverseNetwork
    let attached: (offsets: [Int32], point: [Int32], extra: [Double])
    let points: [SnappedPoint?]
    let weight: RouteWeight

    /// Counts of one application, for benchmarks and reports.
    struct Stats: Sendable {
        var searches = 0
        var unboundedSearches = 0
        var pairsFound = 0
        var pointsImproved = 0
    }

    /// - Parameters:
    ///   - points: the points' snaps for `mode`; only those some restricted
    ///     practice accepts take part.
    init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight, points: [SnappedPoint?], eligible: EligibleSets) {
        // Lengths as the router counts them (Float metres per edge, summed in Double).
        network = ReverseNetwork(graph: graph, mode: mode, weight: weight,
                                 edgeLengthsM: weight == .length ? graph.edgeLengthM.map(Double.init) : nil)
        var inArea = [Bool](repeating: false, count: points.count)
        for list in eligible.pointsByPractice.values { for i in list { inArea[Int(i)] = true } }
        let taking = points.indices.map { inArea[$0] ? points[$0] : nil }
        attached = network.attach(taking)
        self.points = taking
        self.weight = weight
    }

    /// Offers every restricted practice to the points of its area in
    /// `assigned` (the fully open practices' best two per point, from the
    /// router, in the same cost unit: metres for `.length`, seconds for
    /// `.time`). A restricted practice's label carries its cost as the
    /// weight's figure (`…LengthM` for `.length`, `…TimeS` for `.time`)
    /// and NaN for the other, which the caller does not read.
    @discardableResult
    func apply(_ assigned: inout [FacilityAssignment], practices: [SnappedPoint?], eligible: EligibleSets) -> Stats {
        let graph = network.graph
        let restricted = eligible.restrictedPractices.filter { Int($0) < practices.count && practices[Int($0)] != nil }
        // The bound of each search: the largest second-best cost among the
        // points it could serve (a point in another component cannot be reached).
        func component(_ sp: SnappedPoint) -> Int32 { graph.componentOfNode[Int(graph.edgeFrom[Int(sp.edge)])] }
        let limits: [Double] = restricted.map { p in
            let home = component(practices[Int(p)]!)
            var limit = -Double.infinity
            for i in eligible.pointsByPractice[p] ?? [] {
                guard let sp = points[Int(i)], component(sp) == home else { continue }
                limit = max(limit, assigned[Int(i)].secondCost)
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
                        if owner[Int(i)] == p { list.append((i, c)) }
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
        stats.pointsImproved = improved.filter { $0 }.count
        return stats
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
