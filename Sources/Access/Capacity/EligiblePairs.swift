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

    func forEachPair(of j: Int, worker: inout Base.Worker, _ body: (Int32, Double) -> Void) {
        guard let accepted = eligible.pointsByPractice[Int32(j)] else {
            base.forEachPair(of: j, worker: &worker, body)
            return
        }
        let order = base.original
        base.forEachPair(of: j, worker: &worker) { i, cost in
            let point = order.map { $0[Int(i)] } ?? i
            if EligibleSets.contains(accepted, point) { body(i, cost) }
        }
    }
}

extension CatchmentPairs {
    /// These pairs, restricted by `eligible` when given.
    func restricted(by eligible: EligibleSets?) -> EligiblePairs<Self> {
        EligiblePairs(base: self, eligible: eligible ?? EligibleSets())
    }
}
