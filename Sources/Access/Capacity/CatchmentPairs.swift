/// The (point, practice, cost) pairs within a catchment, listed per
/// practice on demand instead of stored: memory stays O(points + practices)
/// whatever the number of pairs.
protocol CatchmentPairs: Sendable {
    /// Per-thread search state.
    associatedtype Worker
    var pointCount: Int { get }
    var practiceCount: Int { get }
    /// The points' own numbering when the pairs use another (internal
    /// point k is point `original[k]`), nil when they are the same.
    var original: [Int32]? { get }
    func makeWorker() -> Worker
    /// Replaces `list` by the points in reach of practice `j` with their
    /// costs, in no particular order.
    func pairs(of j: Int, worker: inout Worker, into list: inout PairList)
    /// Whether every pair is already held in memory (no search to save).
    var holdsPairs: Bool { get }
}

/// One practice's pairs as two parallel arrays (a worker reuses one list,
/// so its storage is allocated once): the consumers loop over plain arrays.
struct PairList {
    var points: [Int32] = []
    var costs: [Double] = []

    var count: Int { points.count }

    mutating func removeAll() {
        points.removeAll(keepingCapacity: true)
        costs.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ point: Int32, _ cost: Double) {
        points.append(point)
        costs.append(cost)
    }
}

extension CatchmentPairs {
    var holdsPairs: Bool { false }
}

/// A Neumaier-compensated running sum: the total does not depend on the
/// order of the terms except in contrived cases.
struct CompensatedSum {
    private(set) var sum = 0.0
    private var carry = 0.0

    @inline(__always)
    mutating func add(_ x: Double) {
        let t = sum + x
        carry += Swift.abs(sum) >= Swift.abs(x) ? (sum - t) + x : (x - t) + sum
        sum = t
    }

    var total: Double { sum + carry }
}

/// Per-point sums that come out the same whatever order the terms arrive in
/// (threads, practice order): each worker keeps a Neumaier-compensated sum,
/// and the workers' sums are merged compensated too, so the result is the
/// exactly rounded total up to the last bit in all but contrived cases.
struct PointSums {
    private var sum: [Double]
    private var carry: [Double]

    init(count: Int) {
        sum = [Double](repeating: 0, count: count)
        carry = [Double](repeating: 0, count: count)
    }

    @inline(__always)
    mutating func add(_ i: Int, _ x: Double) {
        let s = sum[i], t = s + x
        carry[i] += Swift.abs(s) >= Swift.abs(x) ? (s - t) + x : (x - t) + s
        sum[i] = t
    }

    /// The totals over several workers' sums.
    static func totals(_ parts: [PointSums], count: Int) -> [Double] {
        guard let first = parts.first else { return [Double](repeating: 0, count: count) }
        var merged = first
        for p in parts.dropFirst() {
            for i in 0..<count { merged.add(i, p.sum[i]); merged.add(i, p.carry[i]) }
        }
        return (0..<count).map { merged.sum[$0] + merged.carry[$0] }
    }
}
