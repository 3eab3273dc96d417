import XCTest
@testable import Access
import BereikBench

/// The merge of the restricted practices' pairs in point order
/// (`EligibleRouting.merge`, blocks of points on the workers) against a
/// plain oracle: per point, every candidate (its two open practices and
/// each pair offered to it) sorted by cost, then practice index, the first
/// two distinct practices kept.
final class EligibleRoutingMergeTests: XCTestCase {
    func testMergeEqualsSortedCandidates() {
        var rng = SplitMix64(seed: 31)
        for round in 0..<6 {
            let n = [1, 7, 5_000, 20_000, 33_333, 70_000][round]
            // Open practices 0..<20 (some points with one or none), restricted 20..<60.
            var assigned = (0..<n).map { _ -> FacilityAssignment in
                var a = FacilityAssignment()
                let count = Int.random(in: 0...4, using: &rng)
                if count >= 1 {
                    a.nearestSource = Int32.random(in: 0..<20, using: &rng); a.nearestCost = Double(Int.random(in: 0...50, using: &rng))
                    a.nearestTimeS = a.nearestCost
                }
                if count >= 2 {
                    repeat { a.secondSource = Int32.random(in: 0..<20, using: &rng) } while a.secondSource == a.nearestSource
                    a.secondCost = a.nearestCost + Double(Int.random(in: 0...50, using: &rng))
                    // The router's order: equal costs by practice index.
                    if a.secondCost == a.nearestCost && a.secondSource < a.nearestSource { swap(&a.secondSource, &a.nearestSource) }
                    a.secondTimeS = a.secondCost
                }
                return a
            }
            let before = assigned
            let practices = (20..<60).map { Int32($0) }
            // Integer costs: ties are frequent and go to the lower index.
            let found = practices.map { _ in
                (0..<Int.random(in: 0...(n / 3 + 1), using: &rng)).map { _ in
                    (point: Int32.random(in: 0..<Int32(n), using: &rng), cost: Double(Int.random(in: 0...100, using: &rng)))
                }
            }
            var improved = [Bool](repeating: false, count: n)
            let total = EligibleRouting.merge(found, practices: practices, into: &assigned, improved: &improved, weight: .time)
            XCTAssertEqual(total, found.reduce(0) { $0 + $1.count })
            var candidates = before.map { a -> [(p: Int32, cost: Double)] in
                [(a.nearestSource, a.nearestCost), (a.secondSource, a.secondCost)].filter { $0.0 >= 0 }
            }
            for (k, list) in found.enumerated() {
                for (i, c) in list { candidates[Int(i)].append((practices[k], c)) }
            }
            for i in 0..<n {
                let sorted = candidates[i].sorted { ($0.cost, $0.p) < ($1.cost, $1.p) }
                var best: [(p: Int32, cost: Double)] = []
                for x in sorted where !best.contains(where: { $0.p == x.p }) { best.append(x) }
                let a = assigned[i], label = "round \(round) point \(i)"
                XCTAssertEqual(a.nearestSource, best.first?.p ?? -1, label)
                XCTAssertEqual(a.nearestCost, best.first?.cost ?? .infinity, label)
                XCTAssertEqual(a.secondSource, best.count > 1 ? best[1].p : -1, label)
                XCTAssertEqual(a.secondCost, best.count > 1 ? best[1].cost : .infinity, label)
                // The weight's figure follows its practice (time here).
                if a.nearestSource >= 0 { XCTAssertEqual(a.nearestTimeS, a.nearestCost, label) }
                let changed = a.nearestSource != before[i].nearestSource || a.secondSource != before[i].secondSource
                    || a.nearestCost != before[i].nearestCost || a.secondCost != before[i].secondCost
                XCTAssertEqual(improved[i], changed, label)
            }
        }
    }
}
