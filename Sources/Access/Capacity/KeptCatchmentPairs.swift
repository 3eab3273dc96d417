import Geo

/// The pairs of a catchment searched once and kept (12 bytes a pair), in the
/// order and numbering the search gives them, so that a floating catchment
/// on the same points and practices — a scenario that changes a status or
/// an FTE, or adds practices after the existing ones — needs no search for
/// the practices it keeps. Fed to `FloatingCatchment.compute(pairs:)` it
/// enumerates exactly what the search would, so the access comes out the
/// same to the last bit.
public struct KeptCatchmentPairs: Sendable {
    /// Practice j's pairs, in the source's point numbering and order.
    let pairs: CostMatrix
    let original: [Int32]?
    /// What the pairs were searched for: a scenario may reuse them only for
    /// the same population, practice locations and catchment.
    let practiceLocations: [Coordinate]
    let catchment: Double
    public let basis: String

    public var pairCount: Int { pairs.pairCount }
    public var practiceCount: Int { pairs.practiceCount }

    init<P: CatchmentPairs>(_ source: P, practiceLocations: [Coordinate], catchment: Double, basis: String) {
        let m = source.practiceCount
        let lists = parallelMap(count: m, state: { (source.makeWorker(), PairList()) }) { state, j -> [(point: Int32, cost: Double)] in
            source.pairs(of: j, worker: &state.0, into: &state.1)
            return zip(state.1.points, state.1.costs).map { (point: $0, cost: $1) }
        }
        pairs = CostMatrix(pointCount: source.pointCount, perPractice: lists)
        original = source.original
        self.practiceLocations = practiceLocations
        self.catchment = catchment
        self.basis = basis
    }

    /// Whether these pairs hold for `practices` (the kept ones first, at the
    /// same places) under `catchment` and `basis`.
    func fits(_ practices: [Practice], catchment: Double, basis: String) -> Bool {
        guard practices.count >= practiceLocations.count, catchment == self.catchment, basis == self.basis else { return false }
        return practiceLocations.indices.allSatisfy { practices[$0].location == practiceLocations[$0] }
    }
}

/// Kept pairs for the first practices and a live search for the practices
/// added after them.
struct ExtendedCatchmentPairs<Live: CatchmentPairs>: CatchmentPairs {
    let kept: KeptCatchmentPairs
    /// The search for all practices (nil: none added); asked only for those after the kept ones.
    let live: Live?
    let practiceCount: Int

    var pointCount: Int { kept.pairs.pointCount }
    var original: [Int32]? { kept.original }
    var holdsPairs: Bool { live == nil }

    /// A search state is made only when an added practice is searched.
    func makeWorker() -> Live.Worker? { nil }

    func pairs(of j: Int, worker: inout Live.Worker?, into list: inout PairList) {
        list.removeAll()
        if j < kept.pairs.practiceCount {
            let p = kept.pairs, range = p.offsets[j]..<p.offsets[j + 1]
            list.points.append(contentsOf: p.points[range])
            list.costs.append(contentsOf: p.costs[range])
            return
        }
        guard let live else { return }
        if worker == nil { worker = live.makeWorker() }
        live.pairs(of: j, worker: &worker!, into: &list)
    }
}
