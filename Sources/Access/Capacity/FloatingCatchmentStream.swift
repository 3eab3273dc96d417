import Foundation

/// Floating catchment from streamed pairs: the first pass's searches are
/// kept for the later passes up to a budget (`FCAPairMemo`, 512 MiB), and
/// searched again per pass beyond it, so memory stays O(points + practices)
/// plus that bound (per worker thread: one search state and one set of
/// per-point sums).
/// Same formulas as `FloatingCatchment.compute(matrix:…)`.
extension FloatingCatchment {
    /// The access per point and ratio per practice, and how many pairs lay
    /// within the catchment.
    static func compute<P: CatchmentPairs>(pairs source: P, demand original: [Double], supply: [Double], method: FCAMethod,
                                           catchment: Double, keptBytes: Int = 512 << 20) -> (result: Result, pairs: Int) {
        if source.holdsPairs {
            return compute(passes: source, demand: original, supply: supply, method: method, catchment: catchment, afterFirst: {})
        }
        // The first pass's searches are kept (within a budget) for the later passes.
        // Pass 2 reads only practices with supply; the balanced variant's first pass reads all.
        let memo = FCAPairMemo(source, budgetBytes: keptBytes, wanted: method == .balanced ? nil : supply.map { $0 != 0 })
        return compute(passes: memo, demand: original, supply: supply, method: method, catchment: catchment, afterFirst: memo.stopKeeping)
    }

    private static func compute<P: CatchmentPairs>(passes pairs: P, demand original: [Double], supply: [Double], method: FCAMethod,
                                                   catchment: Double, afterFirst: () -> Void) -> (result: Result, pairs: Int) {
        let n = pairs.pointCount, m = pairs.practiceCount
        precondition(original.count == n && supply.count == m)
        var steps: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { steps.append((name, Date().timeIntervalSince(t))); t = Date() }
        // Work in the pairs' own point numbering; results go back at the end.
        let demand = pairs.original.map { order in order.map { original[Int($0)] } } ?? original
        // Balanced: each point's weights are divided by their sum over the practices in reach.
        var rowSum: [Double]?
        if method == .balanced {
            rowSum = sumPerPoint(pairs) { _, cost in method.weight(cost, catchment: catchment) }
            afterFirst()
        }
        @inline(__always) func weight(_ i: Int32, _ cost: Double) -> Double {
            let w = method.weight(cost, catchment: catchment)
            guard let rowSum, w > 0 else { return w }
            return w / rowSum[Int(i)]
        }
        // Pass 1, per practice: R_j = S_j / Σ_i P_i·W_ij (summed in point order).
        // Each practice's ratio is its own, so the workers take practices as
        // they are free (the searches differ in cost, and the catchments
        // share the cores meanwhile): no worker is left with a tail of them.
        var ratio = [Double?](repeating: nil, count: m)
        var pairCount = [Int](repeating: 0, count: m)
        ratio.withUnsafeMutableBufferPointer { ratioOut in
            pairCount.withUnsafeMutableBufferPointer { countOut in
                nonisolated(unsafe) let r = ratioOut.baseAddress!, c = countOut.baseAddress!
                ParallelWork.forEachWorkerTaking(count: m) { _, take in
                    var worker = pairs.makeWorker()
                    var list = PairList()
                    while let j = take() {
                        pairs.pairs(of: j, worker: &worker, into: &list)
                        var weighted = CompensatedSum()
                        for k in 0..<list.count {
                            let i = list.points[k]
                            weighted.add(demand[Int(i)] * weight(i, list.costs[k]))
                        }
                        c[j] = list.count
                        if weighted.total > 0 { r[j] = supply[j] / weighted.total }
                    }
                }
            }
        }
        if method != .balanced { afterFirst() }
        lap("pass 1: ratio per practice (searches, pairs kept within the budget)")
        // Pass 2, per point: A_i = Σ_j R_j·W_ij.
        // A practice without supply (ratio 0) adds nothing to anyone: not searched again.
        let sums = sumPerPointByPractice(pairs, skip: { (ratio[$0] ?? 0) == 0 }) { j, i, cost in ratio[j]! * weight(i, cost) }
        var access = sums
        if let order = pairs.original { for (k, i) in order.enumerated() { access[Int(i)] = sums[k] } }
        lap("pass 2: access per point")
        return (Result(access: access, ratio: ratio, steps: steps), pairCount.reduce(0, +))
    }

    /// Σ over practices of `term(i, cost)` per point.
    private static func sumPerPoint<P: CatchmentPairs>(_ pairs: P, skip: (Int) -> Bool = { _ in false },
                                                       _ term: (Int32, Double) -> Double) -> [Double] {
        sumPerPointByPractice(pairs, skip: skip) { _, i, cost in term(i, cost) }
    }

    private static func sumPerPointByPractice<P: CatchmentPairs>(_ pairs: P, skip: (Int) -> Bool,
                                                                 _ term: (Int, Int32, Double) -> Double) -> [Double] {
        let n = pairs.pointCount, m = pairs.practiceCount
        var parts = [PointSums?](repeating: nil, count: Swift.max(1, Swift.min(ParallelWork.threads, m)))
        parts.withUnsafeMutableBufferPointer { partsOut in
            nonisolated(unsafe) let out = partsOut.baseAddress!
            ParallelWork.forEachWorker(count: m) { w, indexes in
                var worker = pairs.makeWorker()
                var list = PairList()
                var sums = PointSums(count: n)
                for j in indexes where !skip(j) {
                    pairs.pairs(of: j, worker: &worker, into: &list)
                    for k in 0..<list.count {
                        let i = list.points[k]
                        let x = term(j, i, list.costs[k])
                        if x != 0 { sums.add(Int(i), x) }
                    }
                }
                out[w] = sums
            }
        }
        return PointSums.totals(parts.compactMap { $0 }, count: n)
    }
}
