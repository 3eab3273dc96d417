import XCTest
import Geo
@testable import Access

/// `bereik sites` takes a site's postcode from `--postcode-areas` when the
/// site file has none (point in polygon of the site), says where it came
/// from, and says when eligibility by postcode cannot be decided.
final class SitePostcodeAreasTests: XCTestCase {
    /// PC4 9401 = [100000, 105000) × [500000, 505000), PC4 9402 east of it,
    /// PC6 9401AB = a 1 km square inside 9401.
    func areas(_ f: Fixtures) throws -> String {
        try f.rdPolygons("postcodes.geojson", [
            (Fixtures.square(100_000, 500_000, 5_000), ["postcode": "9401"]),
            (Fixtures.square(105_000, 500_000, 5_000), ["postcode": "9402"]),
            (Fixtures.square(101_000, 501_000, 1_000), ["postcode": "9401AB"]),
        ])
    }

    func testPostcodeFromTheAreaTheSiteLiesIn() throws {
        let f = try Fixtures()
        func site(_ id: String, _ g: Geometry, _ code: String?) -> HousingSite {
            HousingSite(id: id, name: id, geometry: g, homes: 10, householdSize: nil, postcode: code.flatMap { Postcode(text: $0) })
        }
        func point(_ x: Double, _ y: Double) -> Geometry { .point(Coordinate(x: x, y: y)) }
        let sites = [
            site("field", point(106_000, 502_000), "9999"),          // its own field wins, though it lies in 9402
            site("pc6", point(101_500, 501_500), nil),               // inside 9401AB and 9401: the PC6
            site("pc4", point(103_000, 503_000), nil),               // inside 9401 only
            site("east", point(107_000, 501_000), nil),              // inside 9402
            site("outside", point(120_000, 501_000), nil),           // in no area
            site("polygon", SiteEligibilityTests.square(108_000, 504_000, 500), nil),   // point on surface in 9402
        ]
        let out = try SitePostcodes.fill(sites, areasPath: try areas(f), options: InputOptions())
        XCTAssertEqual(out.sites.map { $0.postcode?.description }, ["9999", "9401AB", "9401", "9402", nil, "9402"])
        XCTAssertEqual(out.sites.map(\.postcodeSource), [.field, .areas, .areas, .areas, nil, .areas])
        XCTAssertEqual(out.outsideAreas, 1)
        // Without --postcode-areas only the field counts.
        let plain = try SitePostcodes.fill(sites, areasPath: nil, options: InputOptions())
        XCTAssertEqual(plain.sites.map(\.postcodeSource), [.field, nil, nil, nil, nil, nil])
    }

    /// A (open) far west, B partial for 9401 only at (102000, 502000). Site S
    /// at (102500, 502000) without a postcode field: with --postcode-areas it
    /// lies in 9401, so B (0.5 km) takes its residents; without, whether B
    /// would take them cannot be decided and only A (22.5 km) counts.
    func testSitesRunUsesPostcodeAreas() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(102_000, 502_500, ["id": "p1", "inwoners": 100, "postcode": "9401"]),
                                                 (80_000, 502_000, ["id": "p2", "inwoners": 100, "postcode": "9300"])])
        let gp = try f.rdPoints("gp.geojson", [
            (80_000, 502_000, ["id": "A", "status": "open", "gp_fte": 2, "list_size": 1000]),
            (102_000, 502_000, ["id": "B", "status": "partial", "eligible_postcodes": "9401", "gp_fte": 2, "list_size": 1000]),
        ])
        let sitesPath = try f.write("sites.csv", "site_id,homes,x,y\nS,10,102500,502000\n")
        func run(areas: String?) throws -> SitesJob.Outcome {
            var job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out-\(areas == nil ? "plain" : "areas")")
            job.input.crs = "EPSG:28992"
            job.input.postcodeAreas = areas
            job.parameters.flagMaxKm = 30
            return try SitesJob(job: job, sitesPath: sitesPath).run()
        }
        let withAreas = try run(areas: try areas(f))
        XCTAssertEqual(withAreas.checks[0].nearestPractice.map { withAreas.practices[$0].id }, "B")
        XCTAssertEqual(withAreas.checks[0].distanceM!, 500, accuracy: 1e-9)
        let why = withAreas.checks[0].reasons.joined(separator: "; ")
        XCTAssertTrue(why.contains("9401") && why.contains("--postcode-areas"), why)
        let csv = try String(contentsOfFile: f.folder + "/out-areas/sites.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("site_id,") && csv.contains(",postcode,postcode_source,"), csv)
        XCTAssertTrue(csv.contains(",9401,postcode areas,"), csv)

        let plain = try run(areas: nil)
        XCTAssertEqual(plain.checks[0].nearestPractice.map { plain.practices[$0].id }, "A")
        let plainWhy = plain.checks[0].reasons.joined(separator: "; ")
        XCTAssertTrue(plainWhy.contains("cannot be decided"), plainWhy)
        XCTAssertTrue(plain.warnings.contains { $0.contains("1 of 1 sites") && $0.contains("--postcode-areas") }, "\(plain.warnings)")
    }
}
