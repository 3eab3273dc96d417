import XCTest
import Geo
@testable import Access

/// `PopulationOrder` against a plain sort by (the id: whole numbers by
/// value first, then UTF-8 bytes; x, y, inhabitants, 65+, postcode): ids
/// that share their first 15 bytes, differ only in length or a NUL byte,
/// non-ASCII ids, numbers with leading zeros or too long for 64 bits, and
/// exact duplicates.
final class PopulationOrderTests: XCTestCase {
    func testOrderIsTheBruteForceOrderWhateverTheInputOrder() {
        var rng = SplitMix64(seed: 31)
        let stems = ["C-217000-517000", "C-217000-517000-extra", "C-217000-517000-extrb", "9401AB", "9401", "a", "a\u{0}",
                     "é", "e\u{301}", "", "0106010000012345", "01060100000123456", "Zwolle", "zwolle",
                     "0", "7", "9", "10", "007", "-1", "1234567890123456789", "9999999999999999999", "18446744073709551615", "12a"]
        /// Whole numbers (digits only, no leading zero, ≤ 19 digits) by value first, then the rest by bytes.
        func number(_ id: String) -> UInt64? {
            guard !id.isEmpty, id.count <= 19, id.allSatisfy({ ("0"..."9").contains($0) }), id == "0" || !id.hasPrefix("0") else { return nil }
            return UInt64(id)
        }
        for _ in 0..<60 {
            var points: [PopulationPoint] = (0..<Int.random(in: 1...120, using: &rng)).map { _ in
                var p = PopulationPoint(id: stems.randomElement(using: &rng)!,
                                        location: Coordinate(x: Double(Int.random(in: 0...2, using: &rng)), y: Double(Int.random(in: 0...2, using: &rng))),
                                        inhabitants: Double(Int.random(in: 0...2, using: &rng)),
                                        inhabitants65plus: Bool.random(using: &rng) ? nil : Double(Int.random(in: 0...1, using: &rng)))
                if Bool.random(using: &rng) { p.postcode = Postcode(text: Bool.random(using: &rng) ? "9401AB" : "9402") }
                return p
            }
            let expected = points.sorted { a, b in
                switch (number(a.id), number(b.id)) {
                case let (m?, n?) where m != n: return m < n
                case (.some, nil): return true
                case (nil, .some): return false
                default:
                    let x = Array(a.id.utf8), y = Array(b.id.utf8)
                    if x != y { return x.lexicographicallyPrecedes(y) }
                }
                if a.location.x != b.location.x { return a.location.x < b.location.x }
                if a.location.y != b.location.y { return a.location.y < b.location.y }
                if a.inhabitants != b.inhabitants { return a.inhabitants < b.inhabitants }
                if a.inhabitants65plus != b.inhabitants65plus { return (a.inhabitants65plus ?? -1) < (b.inhabitants65plus ?? -1) }
                guard let q = b.postcode else { return false }
                guard let p = a.postcode else { return true }
                return p < q
            }
            points.shuffle(using: &rng)
            PopulationOrder.sort(&points)
            XCTAssertEqual(points, expected)
        }
    }
}
