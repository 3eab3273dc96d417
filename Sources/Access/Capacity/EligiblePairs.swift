/// Catchment pairs without the pairs a practice would not take (issue 13): a
/// practice restricted to an eligibility area offers its supply only to the
/// points it accepts, so a pair (restricted practice, point outside its area)
/// is dropped before either FCA step sees it. Unrestricted practices keep
/// every pair.
struct EligiblePairs<Base: CatchmentPairs>: CatchmentPairs {
    let base: Base
    /// Practice index → the points (caller's numbering) it accepts, for the
    /// restricted practices only.
    let eligible: EligibleSets

    var pointCount: Int { base.pointCount }
    var practiceCount: Int { base.practiceCount }
    var original: [Int32]? { base.original }
    var holdsPairs: Bool { base.holdsPairs }

    func makeWorker() -> Base.Worker { base.makeWorker() }

    func pairs(of j: Int, worker: inout Base.Worker, into list: inout PairList) {
        base.pairs(of: j, worker: &worker, into: &list)
        guard let accepted = eligible.pointsByPractice[Int32(j)] else { return }
        let order = base.original
        var kept = 0
        for k in 0..<list.count {
            let i = list.points[k]
            guard EligibleSets.contains(accepted, order.map { $0[Int(i)] } ?? i) else { continue }
            list.points[kept] = i
            list.costs[kept] = list.costs[k]
            kept += 1
        }
        list.points.removeLast(list.count - kept)
        list.costs.removeLast(list.costs.count - kept)
    }
}

extension CatchmentPairs {
    /// These pairs, restricted by `eligible` when given.
    func restricted(by eligible: EligibleSets?) -> EligiblePairs<Self> {
        EligiblePairs(base: self, eligible: eligible ?? EligibleSets())
    }
}
