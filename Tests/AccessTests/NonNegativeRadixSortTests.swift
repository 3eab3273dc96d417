import XCTest
@testable import Access

/// The radix sort behind the weighted quantiles against a stable comparison
/// sort by (value, position): zeros, infinities, many ties, digits equal in
/// every key; nil (comparison sort instead) for negative values, -0.0, NaN.
final class NonNegativeRadixSortTests: XCTestCase {
    func testOrderIsThatOfAStableSort() {
        var rng = SplitMix64(seed: 21)
        for n in [0, 1, 2, 100, 5_000, 300_000] {
            let list = (0..<n).map { k -> (value: Double, weight: Double) in
                let r = rng.next() % 1_000
                let value: Double = r == 0 ? .infinity : r == 1 ? 0 : r < 500 ? Double(r % 37) * 250 : Double(r) * 1.37 + 1e6 * Double(r % 3)
                return (value, Double(k))
            }
            let expected = list.indices.sorted { a, b in list[a].value != list[b].value ? list[a].value < list[b].value : a < b }
            guard let sorted = NonNegativeRadixSort.sorted(list) else { return XCTFail("non-negative values are sorted") }
            XCTAssertEqual(sorted.map(\.value), expected.map { list[$0].value }, "n \(n)")
            XCTAssertEqual(sorted.map(\.weight), expected.map { list[$0].weight }, "ties keep their input order, n \(n)")
        }
    }

    func testValuesNotOrderedByTheirBitsAreLeftToTheComparisonSort() {
        for bad in [-1.0, -0.0, Double.nan, -Double.infinity] {
            XCTAssertNil(NonNegativeRadixSort.sorted([(3, 1), (bad, 1), (2, 1)]), "\(bad)")
        }
        // The fallback still gives a stable sort (and the quantiles' order).
        let list: [(value: Double, weight: Double)] = (0..<5_000).map { k in (Double(k % 7) - 3, Double(k)) }
        let sorted = WeightedQuantile.sortedByValue(list)
        let expected = list.indices.sorted { a, b in list[a].value != list[b].value ? list[a].value < list[b].value : a < b }
        XCTAssertEqual(sorted.map(\.weight), expected.map { list[$0].weight })
    }
}
