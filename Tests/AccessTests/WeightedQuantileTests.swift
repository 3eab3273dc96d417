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
}
