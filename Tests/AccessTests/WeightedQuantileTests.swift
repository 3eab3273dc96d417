import XCTest
@testable import Access

/// Weighted quantiles from one sort against brute force: integer weights
/// expanded into that many copies; the lower quantile is the smallest value
/// with at least q of the copies at or below it.
final class WeightedQuantileTests: XCTestCase {
    func testSeveralQuantilesFromOneSortMatchExpandedCopies() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let n = Int.random(in: 1...40, using: &rng)
            let values = (0..<n).map { _ in Double(Int.random(in: 0...20, using: &rng)) * 50 }
            let weights = (0..<n).map { _ in Double(Int.random(in: 0...9, using: &rng)) }
            let copies = zip(values, weights).flatMap { v, w in Array(repeating: v, count: Int(w)) }.sorted()
            let got = WeightedQuantile.values(values, weights: weights, qs: [0.5, 0.9])
            guard !copies.isEmpty else { XCTAssertEqual(got, [nil, nil]); continue }
            for (k, q) in [0.5, 0.9].enumerated() {
                let rank = Int((q * Double(copies.count)).rounded(.up)) - 1
                XCTAssertEqual(got[k], copies[max(0, rank)], "q \(q)")
            }
        }
    }

    /// Large lists are sorted in parts on all cores and merged: the order must
    /// be that of one stable sort, checked against a sort by (value, position)
    /// on a list with many ties whose weights tell the tied elements apart.
    func testParallelSortKeepsTheOrderOfOneStableSort() {
        var rng = SplitMix64(seed: 12)
        let n = 1_200_000
        let list = (0..<n).map { k in (value: Double(rng.next() % 1_000) / 10, weight: Double(k)) }
        let threads = ParallelWork.threads
        ParallelWork.threads = 3
        defer { ParallelWork.threads = threads }
        let sorted = WeightedQuantile.sortedByValue(list)
        let expected = (0..<n).sorted { a, b in list[a].value != list[b].value ? list[a].value < list[b].value : a < b }
        XCTAssertEqual(sorted.count, n)
        XCTAssertTrue(zip(sorted, expected).allSatisfy { $0.value == list[$1].value && $0.weight == list[$1].weight },
                      "ties keep their input order")
    }
}

