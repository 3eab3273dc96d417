import XCTest
import Geo
@testable import Access

/// A hand-checked fixture (distances worked out on paper, in RD metres):
/// practices A (100000,500000) open, B (103000,500000) partial,
/// C (110000,500000) closed, D (100000,506000) open;
/// points p1 (100000,500400) 100 inh, p2 (104000,500000) 50 inh,
/// p3 (109000,502000) 200 inh; region W = x 98–102 km, E = x 102–112 km.
final class StraightLineAnalysisTests: XCTestCase {
    var fixtures: Fixtures!
    var population = "", practices = "", regions = ""

    override func setUpWithError() throws {
        fixtures = try Fixtures()
        population = try fixtures.handCheckedPopulation()
        practices = try fixtures.rdPoints("gp.geojson", [
            (100_000, 500_000, ["id": "A", "naam": "Praktijk A", "status": "open", "fte": 2.0, "list_size": 3000]),
            (103_000, 500_000, ["id": "B", "naam": "Praktijk B", "status": "gedeeltelijk", "fte": 1.0]),
            (110_000, 500_000, ["id": "C", "naam": "Praktijk C", "status": "nee"]),
            (100_000, 506_000, ["id": "D", "naam": "Praktijk D", "status": "ja", "fte": "1,5"]),
        ])
        regions = try fixtures.rdPolygons("regions.geojson", [
            ([[98_000, 498_000], [102_000, 498_000], [102_000, 508_000], [98_000, 508_000], [98_000, 498_000]], ["code": "W", "naam": "West"]),
            ([[102_000, 498_000], [112_000, 498_000], [112_000, 508_000], [102_000, 508_000], [102_000, 498_000]], ["code": "E", "naam": "East", "designation": "anticipeerregio"]),
        ])
    }

    func job(_ out: String) -> AnalyzeJob {
        AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: regions, outputFolder: out)
    }

    func testHandCheckedDistancesAndRegions() throws {
        let o = try job(fixtures.folder + "/out").run()
        let pts = o.result.points
        let id = { (i: PracticeIndex?) in i.map { o.practices[$0.index].id } ?? "-" }
        XCTAssertEqual(pts[0].nearestOpenM, 400, accuracy: 1e-6); XCTAssertEqual(id(pts[0].nearestOpen), "A")
        XCTAssertEqual(pts[0].secondOpenM, 5_600, accuracy: 1e-6); XCTAssertEqual(id(pts[0].secondOpen), "D")
        XCTAssertEqual(id(pts[1].nearestPractice), "B"); XCTAssertEqual(pts[1].nearestPracticeM, 1_000, accuracy: 1e-6)
        XCTAssertEqual(pts[1].nearestOpenM, 4_000, accuracy: 1e-6, "partial does not count as open by default")
        XCTAssertEqual(pts[1].secondOpenM, (4_000.0 * 4_000 + 6_000 * 6_000).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(id(pts[2].nearestPractice), "C"); XCTAssertEqual(pts[2].nearestPracticeM, 5_000_000.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(pts[2].nearestOpenM, 85_000_000.0.squareRoot(), accuracy: 1e-6)

        // Regions are in id order (StableOrder): E, then W.
        let east = o.result.regions[0], west = o.result.regions[1]
        XCTAssertEqual(west.inhabitants, 100); XCTAssertEqual(east.inhabitants, 250)
        XCTAssertEqual(west.meanOpenM!, 400, accuracy: 1e-6)
        XCTAssertEqual(east.meanOpenM!, (50 * 4_000 + 200 * 85_000_000.0.squareRoot()) / 250, accuracy: 1e-6)
        XCTAssertEqual(east.shareWithin, [0, 0, 0.2])
        XCTAssertEqual(east.practices, 2); XCTAssertEqual(east.openPractices, 0); XCTAssertEqual(east.closedOrPartialPractices, 2)
        XCTAssertFalse(west.flagged)
        XCTAssertTrue(east.flagged)
        XCTAssertEqual(east.flagReasons.count, 2, "\(east.flagReasons)")
        XCTAssertTrue(east.flagReasons[0].contains("20 %") && east.flagReasons[0].contains("90 %"), east.flagReasons[0])
        XCTAssertEqual(west.gpFTE!, 3.5, accuracy: 1e-9, "A 2.0 + D 1,5 (Dutch decimal comma)")
        XCTAssertEqual(west.gpFTEPer10k!, 3.5 / 100 * 10_000, accuracy: 1e-9)

        let a = o.result.practices[0]
        XCTAssertEqual(a.assignedInhabitants, 350)
        XCTAssertEqual(a.criticalityInhabitants, 150, "p1 and p2 have A, and no other open practice, within 5 km")
        XCTAssertEqual(a.capacityPlaces!, 2 * 2_095, accuracy: 1e-9)
        XCTAssertEqual(a.headroomPlaces!, 2 * 2_095 - 3_000, accuracy: 1e-9)
    }

    func testPartialCountsAsOpenWhenAsked() throws {
        var j = job(fixtures.folder + "/out")
        j.parameters.partialRule = .open
        let o = try j.run()
        XCTAssertEqual(o.result.points[1].nearestOpenM, 1_000, accuracy: 1e-6)
        XCTAssertEqual(o.result.openPracticeCount, 3)
    }

    func testOutputContractFiles() throws {
        let out = fixtures.folder + "/out"
        var j = job(out)
        j.geoPackage = true
        _ = try j.run()
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files, ["bereik.gpkg", "catchments.geojson", "population.geojson", "practices.geojson", "regions.csv", "regions.geojson", "run.json"])
        let pop = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/population.geojson"))) as! [String: Any]
        let props = ((pop["features"] as! [[String: Any]])[2]["properties"] as! [String: Any])
        for key in ["id", "inhabitants", "region_id", "nearest_practice_id", "nearest_practice_m", "nearest_open_practice_id", "nearest_open_practice_m"] {
            XCTAssertNotNil(props[key], key)
        }
        XCTAssertEqual(props["nearest_open_practice_m"] as? Double, 9219.5, "metres with one decimal")
        XCTAssertEqual(props["region_id"] as? String, "E")
        let csv = try String(contentsOfFile: out + "/regions.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.count, 4, "E, W and the study-area total")
        XCTAssertTrue(csv[0].hasPrefix("region_id,name,designation,inhabitants"))
        XCTAssertTrue(csv[0].contains("share_within_5km") && csv[0].contains("flagged") && csv[0].contains("flag_reasons"))
        XCTAssertTrue(csv[1].hasPrefix("E,East,anticipeerregio,250,"), String(csv[1]))
        XCTAssertTrue(csv[3].hasPrefix("total,Study area total (the regions together),"), String(csv[3]))
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let inputs = run["inputs"] as! [[String: Any]]
        XCTAssertEqual(inputs.count, 3)
        XCTAssertEqual((inputs[0]["sha256"] as? String)?.count, 64)
        XCTAssertNotNil(run["parameters"]); XCTAssertNotNil(run["timingsSeconds"]); XCTAssertNotNil(run["version"])
    }

    func testGroupByAggregatesRegionsAndNamesUncoveredOnes() throws {
        let province = try fixtures.rdPolygons("province.geojson", [
            ([[97_000, 497_000], [113_000, 497_000], [113_000, 509_000], [97_000, 509_000], [97_000, 497_000]], ["code": "PV", "naam": "Provincie"]),
        ])
        var j = job(fixtures.folder + "/out")
        j.groupByPath = province
        let inputs = try j.readInputs()
        let analysis = try j.analyse(inputs)
        let group = try XCTUnwrap(analysis.groupResult?.regions.first)
        XCTAssertEqual(group.inhabitants, 350, "both regions' inhabitants")
        let p3: Double = 85_000_000.0.squareRoot()
        let expectedMean: Double = (100.0 * 400 + 50.0 * 4_000 + 200.0 * p3) / 350
        XCTAssertEqual(group.meanOpenM!, expectedMean, accuracy: 1e-6)
        _ = try j.write(inputs, analysis)
        let csv = try String(contentsOfFile: fixtures.folder + "/out/groups.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("PV,Provincie"), csv)

        let westOnly = try fixtures.rdPolygons("west.geojson", [(Fixtures.square(97_000, 497_000, 5_000), ["code": "WG", "naam": "West group"])])
        j.groupByPath = westOnly
        XCTAssertThrowsError(try j.readInputs()) { e in
            XCTAssertTrue("\(e)".contains("west.geojson") && "\(e)".contains("East (E)"), "\(e)")
        }
    }
}
