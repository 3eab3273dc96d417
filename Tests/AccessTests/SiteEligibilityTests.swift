import XCTest
import Geo
@testable import Access

/// `bereik sites` with practices that take new patients only from an area
/// (issue 13): the residents' postcode from the site's field decides the
/// postcode-list practices, the site's location the polygon ones, and a site
/// without a postcode counts only for fully open practices and polygons.
final class SiteEligibilityTests: XCTestCase {
    static func square(_ x: Double, _ y: Double, _ r: Double) -> Geometry {
        .polygon([[Coordinate(x: x - r, y: y - r), Coordinate(x: x + r, y: y - r), Coordinate(x: x + r, y: y + r),
                   Coordinate(x: x - r, y: y + r), Coordinate(x: x - r, y: y - r)]])
    }

    func testNearestPracticeThatTakesTheResidentsHandChecked() throws {
        var practices = [
            Practice(id: "A", name: "A", location: Coordinate(x: 100_000, y: 500_000), status: .open, gpFTE: 2),
            Practice(id: "B", name: "B", location: Coordinate(x: 110_000, y: 500_000), status: .partial, gpFTE: 2),
            Practice(id: "C", name: "C", location: Coordinate(x: 120_000, y: 500_000), status: .partial, gpFTE: 2),
        ]
        practices[1].eligibility = .postcodes(try PostcodeSet.parse("9401"))
        practices[2].eligibility = .polygons(Self.square(120_000, 500_000, 3_000))
        let eligible = EligibleSets(pointsByPractice: [1: [], 2: []])
        func site(_ id: String, _ x: Double, _ code: String?) -> HousingSite {
            HousingSite(id: id, name: id, geometry: .point(Coordinate(x: x, y: 500_000)), homes: 10, householdSize: nil,
                        postcode: code.flatMap { Postcode(text: $0) })
        }
        let sites = [site("S1", 110_500, "9401AB"),   // B takes 9401: B at 0.5 km
                     site("S2", 121_000, nil),        // inside C's polygon: C at 1 km
                     site("S3", 110_500, "9500"),     // B does not take 9500; C's polygon is 6.5 km away: A at 10.5 km
                     site("S4", 110_500, nil),        // no postcode: B does not count; A at 10.5 km
                     site("S5", 124_000, nil)]        // outside C's polygon: A at 24 km
        var parameters = AnalysisParameters()
        parameters.flagMaxKm = 30
        let (checks, _, _) = try SitesJob.check(sites, practices: practices, parameters: parameters, assigned: [0, 0, 0],
                                                defaultFTE: nil, householdSize: 2, road: nil, eligible: eligible)
        XCTAssertEqual(checks.map(\.nearestPractice), [1, 2, 0, 0, 0])
        XCTAssertEqual(checks[0].distanceM!, 500, accuracy: 1e-9)
        XCTAssertEqual(checks[1].distanceM!, 1_000, accuracy: 1e-9)
        XCTAssertEqual(checks[2].distanceM!, 10_500, accuracy: 1e-9)
        XCTAssertTrue(checks[0].reasons.last!.contains("9401AB") && checks[0].reasons.last!.contains("B"), checks[0].reasons.last!)
        XCTAssertTrue(checks[3].reasons.last!.contains("no postcode field"), checks[3].reasons.last!)
        XCTAssertTrue(checks[4].reasons.last!.contains("only fully open practices count"), checks[4].reasons.last!)
        // Without eligibility sets partial practices count as closed (today's rule): A everywhere.
        let (plain, _, _) = try SitesJob.check(sites, practices: practices, parameters: parameters, assigned: [0, 0, 0],
                                               defaultFTE: nil, householdSize: 2, road: nil)
        XCTAssertEqual(plain.map(\.nearestPractice), [0, 0, 0, 0, 0])
        XCTAssertFalse(plain[0].reasons.contains { $0.contains("postcode") })
    }

    /// The nearest/second-nearest merge against a brute force over every
    /// practice that accepts each sample.
    func testNearestMergeEqualsBruteForce() {
        var rng = SplitMix64(seed: 3)
        let samples = (0..<200).map { PopulationPoint(id: "\($0)", location: Coordinate(x: rng.unit() * 10_000, y: rng.unit() * 10_000), inhabitants: 1) }
        let practices = (0..<12).map { Practice(id: "P\($0)", name: "P\($0)", location: Coordinate(x: rng.unit() * 10_000, y: rng.unit() * 10_000),
                                                 status: $0 % 3 == 0 ? .partial : .open) }
        var sets = EligibleSets()
        for j in practices.indices where practices[j].status == .partial {
            sets.pointsByPractice[Int32(j)] = samples.indices.filter { _ in rng.unit() < 0.5 }.map { Int32($0) }
        }
        let open = practices.indices.filter { practices[$0].status == .open }
        let pair = StraightLineAnalysis.nearest(population: samples, practices: practices, openIndexes: open)
            .map(\.open)
        let merged = SiteEligibility.nearest(samples: samples, practices: practices, open: pair, sets: sets)
        for i in samples.indices {
            let ranked = practices.indices.filter { sets.accepts(practice: Int32($0), point: Int32(i)) }
                .map { ($0, samples[i].location.distance(to: practices[$0].location)) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            XCTAssertEqual(merged[i].first?.index, ranked[0].0, "sample \(i)")
            XCTAssertEqual(merged[i].second?.index, ranked[1].0, "sample \(i)")
            XCTAssertEqual(merged[i].secondM, ranked[1].1, accuracy: 1e-9)
        }
    }

    func testABadSitePostcodeIsANamedError() throws {
        let f = try Fixtures()
        let path = try f.write("sites.csv", "site_id,homes,postcode,x,y\nS1,10,94O1,110000,500000\n")
        XCTAssertThrowsError(try SiteReader.read(path: path, homesField: nil, crs: "EPSG:28992")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("postcode") && text.contains("94O1"), text)
        }
    }
}
