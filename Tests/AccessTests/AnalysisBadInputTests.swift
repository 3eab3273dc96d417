import XCTest
import Geo
@testable import Access

/// Absurd data and options in the analysis and decisions: a named error or a
/// counted report, never a trap; overlapping regions and contradictory
/// scenario changes are reported or refused.
final class AnalysisBadInputTests: XCTestCase {
    // (Implausible inhabitants, 65+ and FTE in the files are the readers'
    // checks, tested with them.)
    func gp(_ f: Fixtures, fte: Any = 1) throws -> String {
        try f.rdPoints("gp.geojson", [(100_000, 500_000, ["id": "A", "status": "open", "fte": fte]),
                                      (104_000, 500_000, ["id": "B", "status": "open", "fte": 1])])
    }

    /// 1e7 inhabitants outside every region: no trap in the warning's number.
    func testManyInhabitantsOutsideRegionsAreReported() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(100_000, 500_100, ["id": "in", "inwoners": 100]), (150_000, 500_000, ["id": "out", "inwoners": 1e7])])
        let regions = try f.rdPolygons("r.geojson", [(Fixtures.square(99_000, 499_000, 6_000), ["code": "R", "naam": "R"])])
        let o = try AnalyzeJob(populationPath: pop, practicesPath: try gp(f), regionsPath: regions, outputFolder: f.folder + "/o").run()
        XCTAssertTrue(o.report.warnings.contains { $0.contains("(10000000 inhabitants) lie in no region") && $0.contains("nor in the study-area total") },
                      "\(o.report.warnings)")
        // The study-area total is the regions together: only "in"'s 100 (the
        // 1e7 far outside, e.g. swapped coordinates, would pull its mean).
        XCTAssertEqual(o.result.regionsTotal?.inhabitants, 100)
        XCTAssertEqual(o.result.regions[0].inhabitants, 100)
        XCTAssertEqual(o.report.studyAreaTotal?.inhabitantsOutsideRegions, 1e7)
        let csv = try String(contentsOfFile: f.folder + "/o/regions.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.count, 3)
        XCTAssertTrue(csv[2].hasPrefix("total,Study area total (the regions together),"), String(csv[2]))
        // Nearest open practice: A (100000, 500000) 100 m from "in" (B (104000, 500000) is 46,000 m from "out", left out).
        let header = csv[0].split(separator: ",").map(String.init)
        let cells = csv[2].split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(Double(cells[header.firstIndex(of: "max_open_m")!]), 100, "max_open_m")
        XCTAssertEqual(Double(cells[header.firstIndex(of: "mean_open_m")!]), 100)
        let geo = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.folder + "/o/regions.geojson"))) as! [String: Any]
        let total = (geo["features"] as! [[String: Any]]).last!
        XCTAssertTrue(total["geometry"] is NSNull, "the total row has no geometry")
        XCTAssertTrue((total["properties"] as! [String: Any])["urgency_rank"] is NSNull)
    }

    func testAbsurdBandsModesAndSnapDistanceDoNotTrap() throws {
        XCTAssertEqual(OutputTables.km(1e300), "1e300")
        XCTAssertEqual(OutputTables.km(2.5), "2_5")
        XCTAssertEqual(OutputTables.km(5), "5")
        XCTAssertEqual(SafeNumber.whole(1e19), "1e+19")
        XCTAssertEqual(SafeNumber.whole(.infinity), "inf")
        // An unlimited snap distance snaps a point 30 km away to the one road: brute force 30,000 m.
        let builder = RoadGraphBuilder()
        builder.add(RoadLine(coordinates: [Coordinate(x: 100_000, y: 500_000), Coordinate(x: 101_000, y: 500_000)],
                             highway: "residential", oneway: .both, onewayExempt: [], maxspeedKmh: nil, allowed: .all))
        let snapper = SegmentSnapper(graph: builder.build(), mode: .car, maxDistanceM: .infinity)
        XCTAssertEqual(snapper.snap(Coordinate(x: 100_500, y: 530_000))?.distanceM ?? -1, 30_000, accuracy: 1e-6)
        XCTAssertNil(snapper.snap(Coordinate(x: 1e300, y: 5e299)), "no place on Earth")
        XCTAssertNil(SegmentSnapper(graph: builder.build(), mode: .car, maxDistanceM: .nan).snap(Coordinate(x: 100_500, y: 500_000 + 10)))
        // Retirement years far outside a lifetime are no year, never a trap.
        XCTAssertNil(RetirementRule.year(age: 1e300, birthYear: nil, retirementYear: nil))
        XCTAssertNil(RetirementRule.year(age: nil, birthYear: 1e19, retirementYear: nil))
        XCTAssertEqual(RetirementRule.year(age: 63, birthYear: nil, retirementYear: nil, now: 2026), 2031)

        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(100_500, 500_010, ["id": "p", "inwoners": 10])])
        let roads = try f.write("roads.geojson", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
         {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[99000,500000],[105000,500000]]}}]}
        """)
        var job = AnalyzeJob(populationPath: pop, practicesPath: try gp(f), regionsPath: nil, outputFolder: f.folder + "/o")
        job.roadsPath = roads
        job.parameters.roadOptions.modes = [.car, .car]
        job.parameters.bandsKm = [1, 1e300]
        _ = try job.run()
        let header = try String(contentsOfFile: f.folder + "/o/regions.csv", encoding: .utf8).split(separator: "\n")[0].split(separator: ",").map(String.init)
        XCTAssertEqual(header.filter { $0 == "mean_min_car" }.count, 1, "a mode named twice gets its columns once")
        XCTAssertEqual(Set(header).count, header.count, "no duplicate column")
        XCTAssertTrue(header.contains("share_within_1e300km"), "\(header)")
    }

    func testSitesRefuseAbsurdHomesHouseholdSizesAndFarSitesAndReportSkippedOnes() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(100_100, 500_000, ["id": "x", "inwoners": 10])])
        let job = AnalyzeJob(populationPath: pop, practicesPath: try gp(f), regionsPath: nil, outputFolder: f.folder + "/o")
        let homes = try f.rdPoints("s1.geojson", [(100_500, 500_000, ["id": "S", "woningen": 1e19])])
        XCTAssertThrowsError(try SitesJob(job: job, sitesPath: homes).run()) { e in
            XCTAssertTrue("\(e)".contains("s1.geojson") && "\(e)".contains("woningen") && "\(e)".contains("1e+19"), "\(e)")
        }
        let size = try f.rdPoints("s2.geojson", [(100_500, 500_000, ["id": "S", "woningen": 10, "household_size": -3])])
        XCTAssertThrowsError(try SitesJob(job: job, sitesPath: size).run()) { e in
            XCTAssertTrue("\(e)".contains("household_size") && "\(e)".contains("-3"), "\(e)")
        }
        // 30,853 km: a site in the wrong CRS.
        let far = try f.rdPoints("s3.geojson", [(100_500, 30_853_000 + 500_000, ["id": "Far", "woningen": 10])])
        XCTAssertThrowsError(try SitesJob(job: job, sitesPath: far).run()) { e in
            XCTAssertTrue("\(e)".contains("site Far") && "\(e)".contains("30853 km away"), "\(e)")
        }
        var option = SitesJob(job: job, sitesPath: homes)
        option.householdSize = -1
        XCTAssertThrowsError(try option.run())
        // A site without geometry is counted and reported, not dropped silently.
        let mixed = try f.write("s4.geojson", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
         {"type":"Feature","properties":{"id":"S1","woningen":10},"geometry":{"type":"Point","coordinates":[100500,500000]}},
         {"type":"Feature","properties":{"id":"S2","woningen":10},"geometry":null}]}
        """)
        let o = try SitesJob(job: job, sitesPath: mixed).run()
        XCTAssertEqual(o.checks.count, 1)
        XCTAssertEqual(o.skippedSites, 1)
        XCTAssertTrue(o.report.contains("1 of 2 sites skipped"), o.report)
    }

    func testContradictoryScenarioChangesAreRefused() {
        let at = Coordinate(x: 0, y: 0)
        let list = [Practice(id: "P001", name: "Een", location: at, status: .open), Practice(id: "P002", name: "Twee", location: at, status: .open)]
        let p = AnalysisParameters()
        XCTAssertThrowsError(try ScenarioApplier.apply([.close(id: "P001"), .setStatus(id: "P001", status: .open)], to: list, parameters: p)) { e in
            guard case ScenarioError.contradictoryChanges(let id, _, _, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(id, "P001")
        }
        XCTAssertThrowsError(try ScenarioApplier.apply([.setFTE(id: "P002", fte: 1), .setFTE(id: "P002", fte: 2)], to: list, parameters: p))
        XCTAssertThrowsError(try ScenarioApplier.apply([.add(Practice(id: "P002", name: "Nieuw", location: at, status: .open))], to: list, parameters: p)) { e in
            XCTAssertTrue("\(e)".contains("'P002'") && "\(e)".contains("Twee"), "\(e)")
        }
        // The same change twice is no contradiction; a made-up id moves aside.
        XCTAssertNoThrow(try ScenarioApplier.apply([.close(id: "P001"), .setStatus(id: "P001", status: .closed)], to: list, parameters: p))
        let clash = [Practice(id: "new1", name: "x", location: at, status: .open)]
        let added = try? ScenarioApplier.apply([.add(Practice(id: "new1", name: "y", location: at, status: .open))], to: clash, parameters: p)
        XCTAssertEqual(added?.map(\.id), ["new1", "new1b"])
    }

    /// W = x 98–104 km and E = x 102–112 km share a 2 km × 10 km strip
    /// (20 km²); a point in the strip counts only in E (the smaller id).
    func testOverlappingRegionsAreReportedWithTheRule() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(103_000, 500_000, ["id": "strip", "inwoners": 70]), (99_000, 500_000, ["id": "w", "inwoners": 30])])
        let regions = try f.rdPolygons("r.geojson", [
            ([[98_000, 498_000], [104_000, 498_000], [104_000, 508_000], [98_000, 508_000], [98_000, 498_000]], ["code": "W", "naam": "West"]),
            ([[102_000, 498_000], [112_000, 498_000], [112_000, 508_000], [102_000, 508_000], [102_000, 498_000]], ["code": "E", "naam": "East"]),
        ])
        let o = try AnalyzeJob(populationPath: pop, practicesPath: try gp(f), regionsPath: regions, outputFolder: f.folder + "/o").run()
        let overlap = try XCTUnwrap(o.report.regionOverlaps)
        XCTAssertEqual(overlap.overlappingPairs, 1)
        XCTAssertEqual(overlap.totalAreaM2, 20_000_000, accuracy: 1)
        XCTAssertEqual(overlap.largest.first?.regions, ["E", "W"])
        XCTAssertTrue(o.report.warnings.contains { $0.contains("1 pairs of regions overlap (20.000 km²") && $0.contains("smallest region_id") }, "\(o.report.warnings)")
        XCTAssertEqual(o.result.regions.map { o.regions[$0.regionIndex].id }, ["E", "W"])
        XCTAssertEqual(o.result.regions.map(\.inhabitants), [70, 30])
        let run = try String(contentsOfFile: f.folder + "/o/run.json", encoding: .utf8)
        XCTAssertTrue(run.contains("regionOverlaps"), run)
        // Regions that only share a border do not overlap.
        XCTAssertEqual(try PolygonOverlaps.find([.polygon([Fixtures.square(0, 0, 10).map { Coordinate(x: $0[0], y: $0[1]) }]),
                                                 .polygon([Fixtures.square(10, 0, 10).map { Coordinate(x: $0[0], y: $0[1]) }])]), [])
    }
}
