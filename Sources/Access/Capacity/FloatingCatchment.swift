/// Floating-catchment-area access from a sparse cost matrix.
///
/// Step 1, per practice j: R_j = S_j / Σ_i P_i·W_ij (supply per weighted
/// inhabitant in reach). Step 2, per point i: A_i = Σ_j R_j·W_ij. With GP
/// FTE as supply, A_i is FTE per inhabitant; `per10k` multiplies by 10,000.
/// The balanced variant replaces W_ij by W_ij / Σ_k W_ik in both steps.
public enum FloatingCatchment {
    public struct Result: Sendable {
        /// Access per point (supply per inhabitant); 0 where no practice is in reach.
        public var access: [Double]
        /// Supply-to-demand ratio per practice (R_j); nil where nobody is in reach.
        public var ratio: [Double?]
        /// Seconds per step of the computation (for benchmarks).
        public var steps: [(String, Double)] = []
        public var per10k: [Double] { access.map { $0 * 10_000 } }
    }

    public static func compute(matrix m: CostMatrix, demand: [Double], supply: [Double],
                               method: FCAMethod, catchment: Double) -> Result {
        precondition(demand.count == m.pointCount && supply.count == m.practiceCount)
        var weights = m.costs.map { method.weight($0, catchment: catchment) }
        if method == .balanced {
            var rowSum = [Double](repeating: 0, count: m.pointCount)
            for k in 0..<m.pairCount { rowSum[Int(m.points[k])] += weights[k] }
            for k in 0..<m.pairCount where weights[k] > 0 { weights[k] /= rowSum[Int(m.points[k])] }
        }
        var access = [Double](repeating: 0, count: m.pointCount)
        var ratio = [Double?](repeating: nil, count: m.practiceCount)
        for j in 0..<m.practiceCount {
            let range = m.offsets[j]..<m.offsets[j + 1]
            var weighted = 0.0
            for k in range { weighted += demand[Int(m.points[k])] * weights[k] }
            guard weighted > 0 else { continue }
            let r = supply[j] / weighted
            ratio[j] = r
            for k in range where weights[k] > 0 { access[Int(m.points[k])] += r * weights[k] }
        }
        return Result(access: access, ratio: ratio)
    }
}
