/// The warnings of a trend: every date's analysis warns on its own, and the
/// same warning often holds on some dates only, with other counts on others
/// ("37 partial practices …" in January, "42 …" in June). Each distinct
/// warning is kept once, in the order it first appears (dates in order),
/// and one that did not hold on every date names the dates it held on,
/// runs of consecutive trend dates as "from to to".
enum TrendWarnings {
    static func merged(_ perDate: [(date: String, warnings: [String])]) -> [String] {
        var order: [String] = [], datesOf: [String: [Int]] = [:]
        for (k, entry) in perDate.enumerated() {
            for w in entry.warnings {
                if datesOf[w] == nil { order.append(w) }
                if datesOf[w]?.last != k { datesOf[w, default: []].append(k) }
            }
        }
        return order.map { w in
            let ks = datesOf[w] ?? []
            guard ks.count < perDate.count else { return w }
            return "\(runs(ks).map { a, b in a == b ? perDate[a].date : "\(perDate[a].date) to \(perDate[b].date)" }.joined(separator: ", ")): \(w)"
        }
    }

    /// Consecutive indexes as (first, last) runs.
    private static func runs(_ ks: [Int]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for k in ks {
            if let last = out.last, last.1 == k - 1 { out[out.count - 1].1 = k } else { out.append((k, k)) }
        }
        return out
    }
}
