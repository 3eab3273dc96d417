import XCTest
import Geo
@testable import Access

/// Road access through `AnalyzeJob` on a hand-drawn network (RD metres):
/// a main road y = 500000 from x = 100000 to 110000 (maxspeed 50) and a side
/// road x = 105000 from y = 500000 to 503000; practice A open at the west end,
/// B closed at the east end. Worked out on paper:
/// p (104000, 500020) snaps 20 m onto the main road → 4,000 m to A;
/// q (105010, 502000) snaps 10 m onto the side road → 2,000 + 5,000 = 7,000 m.
final class RoadAnalysisTests: XCTestCase {
    func testHandCheckedRoadDistancesAndTimes() throws {
        let f = try Fixtures()
        let roads = try f.write("roads.geojson", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[100000,500000],[105000,500000]]}},
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[110000,500000]]}},
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[105000,503000]]}}]}
        """)
        let population = try f.rdPoints("pop.geojson", [
            (140_000, 540_000, ["id": "z-far", "inwoners": 5]),
            (104_000, 500_020, ["id": "p", "inwoners": 100]),
            (105_010, 502_000, ["id": "q", "inwoners": 300]),
        ])
        let practices = try f.rdPoints("gp.geojson", [
            (100_000, 500_010, ["id": "A", "status": "open"]),
            (110_000, 500_000, ["id": "B", "status": "nee"]),
        ])
        var job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: nil, outputFolder: f.folder + "/out")
        job.roadsPath = roads
        job.parameters.roadOptions.modes = [.car, .bicycle]
        let o = try job.run()
        let road = try XCTUnwrap(o.result.road)
        XCTAssertEqual(o.population.map(\.id), ["p", "q", "z-far"], "points in id order, whatever the file's")
        XCTAssertEqual(road.roadM[0], 4_000, accuracy: 0.5)
        XCTAssertEqual(road.snapM[0], 20, accuracy: 1e-6)
        XCTAssertEqual(road.roadM[1], 7_000, accuracy: 0.5)
        XCTAssertEqual(road.snapM[1], 10, accuracy: 1e-6)
        XCTAssertEqual(road.roadPractice[1], PracticeIndex(0), "practice A")
        XCTAssertNil(road.roadSecondPractice[1], "B is closed, so there is no second open practice")
        // Car at maxspeed 50 km/h; bicycle at its 15 km/h default.
        XCTAssertEqual(road.minutes[0][1], 7.0 / 50 * 60, accuracy: 0.01)
        XCTAssertEqual(road.minutes[1][1], 7.0 / 15 * 60, accuracy: 0.01)
        // Road distance plus the walk to the road is never shorter than the straight line.
        for i in 0..<2 {
            XCTAssertGreaterThanOrEqual(road.roadM[i] + road.snapM[i] + 10, o.result.points[i].nearestOpenM)
        }
        XCTAssertFalse(road.roadM[2].isFinite, "a point 40 km from any road is not snapped across the province")
        XCTAssertEqual(road.report.pointsNotSnapped[.car], 1)
        XCTAssertTrue(o.report.warnings.contains { $0.contains("1 population points lie farther than the snap limit") }, "\(o.report.warnings)")

        let study = o.result.regions[0]
        XCTAssertEqual(study.roadUnreachableInhabitants, 5)
        XCTAssertEqual(study.shareWithinByRoad, [0, 0, 100.0 / 405], "p within 5 km by road, q not")
        let pop = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.folder + "/out/population.geojson"))) as! [String: Any]
        let q = ((pop["features"] as! [[String: Any]])[1]["properties"] as! [String: Any])
        XCTAssertEqual(q["road_m"] as? Double, 7_000)
        XCTAssertEqual(q["snap_m"] as? Double, 10)
        XCTAssertEqual(q["road_min_car"] as? Double, 8.4)
        XCTAssertEqual(q["road_min_bicycle"] as? Double, 28)
    }

    /// A maxspeed that is no speed ("fast") or an absurd one ("5000", typed
    /// for 50) is not used: the line runs at its class speed (car on a
    /// residential road: 30 km/h), and the lines are counted and reported.
    /// By hand: p snaps onto the first main-road line ("5000") and drives
    /// 4 km at 30 km/h = 8.0 min (at 5000 km/h it would be 0.05 min).
    func testAbsurdOrUnreadableMaxspeedIsNotUsedAndIsReported() throws {
        let f = try Fixtures()
        let roads = try f.write("roads.geojson", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"5000"},"geometry":{"type":"LineString","coordinates":[[100000,500000],[105000,500000]]}},
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[110000,500000]]}},
         {"type":"Feature","properties":{"highway":"residential","maxspeed":"fast"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[105000,503000]]}}]}
        """)
        let population = try f.rdPoints("pop.geojson", [(104_000, 500_020, ["id": "p", "inwoners": 100])])
        let practices = try f.rdPoints("gp.geojson", [(100_000, 500_010, ["id": "A", "status": "open"])])
        var job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: nil, outputFolder: f.folder + "/out")
        job.roadsPath = roads
        let o = try job.run()
        let road = try XCTUnwrap(o.result.road)
        XCTAssertEqual(road.minutes[0][0], 8.0, accuracy: 0.01)
        XCTAssertEqual(road.report.maxspeedNotUsed, 2)
        XCTAssertEqual(road.report.maxspeedNotUsedExample, "5000")
        XCTAssertTrue(o.report.warnings.contains { $0.contains("2 road features have a maxspeed that is not a speed") && $0.contains("'5000'") },
                      "\(o.report.warnings)")
        let run = try String(contentsOfFile: f.folder + "/out/run.json", encoding: .utf8)
        XCTAssertTrue(run.contains("\"maxspeedNotUsed\" : 2"), run)
        // A run.json written before the count existed still reads (bereik map --from an older folder).
        let older = f.folder + "/older"
        try FileManager.default.createDirectory(atPath: older, withIntermediateDirectories: true)
        try run.replacingOccurrences(of: "\"maxspeedNotUsed\" : 2,", with: "")
            .replacingOccurrences(of: "\"maxspeedNotUsedExample\" : \"5000\",", with: "")
            .write(toFile: older + "/run.json", atomically: true, encoding: .utf8)
        XCTAssertFalse(try String(contentsOfFile: older + "/run.json", encoding: .utf8).contains("maxspeedNotUsed"))
        XCTAssertNil(try XCTUnwrap(OutputFolderReader.readRun(older)).roads?.maxspeedNotUsed)
    }

    func testRoadFileWithoutRoadsIsAClearError() throws {
        let f = try Fixtures()
        let notRoads = try f.rdPoints("points.geojson", [(100_000, 500_000, ["id": "x"])])
        XCTAssertThrowsError(try RoadAnalysis.buildGraph(path: notRoads, options: RoadOptions())) { e in
            XCTAssertTrue("\(e)".contains("points.geojson"), "\(e)")
        }
    }

    /// A home beside a motorway snaps to the local road, not the motorway.
    func testPointsAreNotSnappedOntoMotorways() {
        let builder = RoadGraphBuilder()
        builder.add(RoadLine(coordinates: [Coordinate(x: 100_000, y: 500_000), Coordinate(x: 105_000, y: 500_000)], highway: "motorway"))
        builder.add(RoadLine(coordinates: [Coordinate(x: 100_000, y: 500_300), Coordinate(x: 105_000, y: 500_300)], highway: "residential"))
        let graph = builder.build()
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        // 20 m from the motorway, 280 m from the residential street.
        let snapped = snapper.snap(Coordinate(x: 102_000, y: 500_020))
        XCTAssertEqual(snapped?.distanceM ?? -1, 280, accuracy: 1e-6)
    }
}
