import XCTest
import Geo
@testable import Access

/// A trend reuses a practice's accepted points while its area stays the
/// same: on every date the result equals building the sets from scratch, and
/// a changed area (a new list, other polygons) is looked up again.
final class TrendEligibleSetsTests: XCTestCase {
    func square(_ x: Double, _ y: Double, _ r: Double) -> Geometry {
        .polygon([[Coordinate(x: x - r, y: y - r), Coordinate(x: x + r, y: y - r), Coordinate(x: x + r, y: y + r),
                   Coordinate(x: x - r, y: y + r), Coordinate(x: x - r, y: y - r)]])
    }

    func testEqualsBuildingOnEveryDate() throws {
        var rng = SplitMix64(seed: 21)
        let population = (0..<400).map { i -> PopulationPoint in
            var p = PopulationPoint(id: "p\(i)", location: Coordinate(x: rng.unit() * 10_000, y: rng.unit() * 10_000), inhabitants: Double(1 + i % 7))
            // Every 9th point has no postcode; the others a PC4 by 2.5 km column.
            if i % 9 != 0 { p.postcode = Postcode(text: "\(9401 + Int(p.location.x / 2_500))") }
            return p
        }
        let base = (0..<10).map { j in
            Practice(id: "G\(j)", name: "G\(j)", location: Coordinate(x: rng.unit() * 10_000, y: rng.unit() * 10_000), status: .open)
        }
        let lists = [try PostcodeSet.parse("9401-9402"), try PostcodeSet.parse("9403"), try PostcodeSet.parse("9404; 9401")]
        let polygons = [square(2_000, 2_000, 1_500), square(7_000, 6_000, 2_500), square(5_000, 5_000, 800)]
        var cache = TrendEligibleSets()
        var lookups = 0
        for date in 0..<12 {
            // Each date: statuses and areas drawn from a few choices, so areas repeat and change.
            var practices = base
            for j in practices.indices {
                switch rng.next() % 5 {
                case 0: practices[j].status = .closed
                case 1: practices[j].status = .partial; practices[j].eligibility = .postcodes(lists[Int(rng.next() % 3)])
                case 2: practices[j].status = .partial; practices[j].eligibility = .polygons(polygons[Int(rng.next() % 3)])
                case 3: practices[j].status = .partial   // no area
                default: break
                }
            }
            let expected = practices.contains { $0.status == .partial && $0.eligibility != nil }
                ? try EligibleSets.build(population: population, practices: practices) : nil
            let got = try cache.sets(population: population, practices: practices)
            XCTAssertEqual(got, expected, "date \(date)")
            lookups = cache.lookups
        }
        // Fewer lookups than restricted practice-dates: areas were reused.
        XCTAssertGreaterThan(lookups, 0)
        XCTAssertLessThanOrEqual(lookups, 10 * 6, "at most one lookup per practice and area (6 areas)")
    }
}
