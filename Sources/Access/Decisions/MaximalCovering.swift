/// Maximal covering location: choose k candidates whose sets together cover
/// the most element weight (Church & ReVelle 1974).
///
/// `greedy` adds, k times, the candidate with the largest weight of elements
/// not yet covered. Coverage is monotone submodular, so greedy covers at
/// least (1 − 1/e) ≈ 63.2 % of the optimum for every k (Nemhauser, Wolsey &
/// Fisher 1978); in practice it is usually optimal or close. `exact`
/// enumerates all k-subsets, for small instances and tests.
public enum MaximalCovering {
    public struct Step: Sendable, Equatable {
        public var candidate: Int
        /// Weight newly covered by this candidate, given the earlier ones.
        public var gain: Double
    }

    /// Greedy with lazy evaluation (gains only shrink, so a stale upper bound
    /// that still tops the queue after recomputation is the true maximum).
    /// Stops early when no candidate adds anything. Ties: lowest index.
    public static func greedy(sets: [[Int32]], weights: [Double], k: Int) -> [Step] {
        var covered = [Bool](repeating: false, count: weights.count)
        func gain(_ c: Int) -> Double { sets[c].reduce(0) { covered[Int($1)] ? $0 : $0 + weights[Int($1)] } }
        var bound = sets.indices.map(gain)
        var fresh = [Int](repeating: 0, count: sets.count)   // round in which bound[c] was computed
        var steps: [Step] = []
        for round in 0..<max(0, k) {
            var best = -1
            while true {
                best = -1
                for c in sets.indices where best < 0 || bound[c] > bound[best] { best = c }
                guard best >= 0, bound[best] > 0 else { return steps }
                if fresh[best] == round { break }
                bound[best] = gain(best)
                fresh[best] = round
            }
            // Among candidates whose fresh gain equals the best, take the lowest index.
            for c in 0..<best where fresh[c] == round && bound[c] == bound[best] { best = c; break }
            steps.append(Step(candidate: best, gain: bound[best]))
            for e in sets[best] { covered[Int(e)] = true }
            for c in sets.indices where fresh[c] == round { fresh[c] = -1 }
            bound[best] = 0
            fresh[best] = Int.max
        }
        return steps
    }

    /// The best k-subset by enumeration (C(n, k) subsets); for small cases.
    public static func exact(sets: [[Int32]], weights: [Double], k: Int) -> (chosen: [Int], value: Double) {
        let n = sets.count, k = min(k, n)
        guard k > 0 else { return ([], 0) }
        var best: ([Int], Double) = ([], -1)
        var pick = Array(0..<k)
        var mark = [Int](repeating: -1, count: weights.count)
        var stamp = 0
        while true {
            stamp += 1
            var value = 0.0
            for c in pick {
                for e in sets[c] where mark[Int(e)] != stamp { mark[Int(e)] = stamp; value += weights[Int(e)] }
            }
            if value > best.1 { best = (pick, value) }
            var i = k - 1
            while i >= 0 && pick[i] == n - k + i { i -= 1 }
            if i < 0 { break }
            pick[i] += 1
            for j in (i + 1)..<k { pick[j] = pick[j - 1] + 1 }
        }
        return (best.0, best.1)
    }

    /// Weight covered by a set of candidates.
    public static func value(_ chosen: [Int], sets: [[Int32]], weights: [Double]) -> Double {
        var seen = Set<Int32>()
        for c in chosen { seen.formUnion(sets[c]) }
        return seen.reduce(0) { $0 + weights[Int($1)] }
    }
}
