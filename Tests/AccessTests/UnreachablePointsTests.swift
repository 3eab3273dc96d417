import XCTest
import Geo
@testable import Access

/// The RoadAnalysisTests network (worked out on paper): p 100 inh 4,000 m
/// (4.8 min by car at 50 km/h), q 300 inh 7,000 m (8.4 min), and a farm
/// 40 km from any road with 5 inhabitants that reaches nothing.
final class UnreachablePointsTests: XCTestCase {
    let roadsText = """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
     {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[100000,500000],[105000,500000]]}},
     {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[110000,500000]]}},
     {"type":"Feature","properties":{"highway":"residential","maxspeed":"50"},"geometry":{"type":"LineString","coordinates":[[105000,500000],[105000,503000]]}}]}
    """

    func job(_ f: Fixtures, points: [(Double, Double, [String: Any])], roads: String? = nil) throws -> AnalyzeJob {
        let population = try f.rdPoints("pop.geojson", points)
        let practices = try f.rdPoints("gp.geojson", [(100_000, 500_010, ["id": "A", "status": "open"])])
        var job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: nil, outputFolder: f.folder + "/out")
        job.roadsPath = try f.write("roads.geojson", roads ?? roadsText)
        return job
    }

    let farm: (Double, Double, [String: Any]) = (140_000, 540_000, ["id": "farm", "inwoners": 5])

    func testMeansAreOverThoseWhoReachAPractice() throws {
        let f = try Fixtures()
        var j = try job(f, points: [(104_000, 500_020, ["id": "p", "inwoners": 100]), (105_010, 502_000, ["id": "q", "inwoners": 300]), farm])
        j.parameters.flagMaxMeanKm = 10
        j.parameters.flagMinShare = 0
        let o = try j.run()
        let r = o.result.regions[0]
        XCTAssertEqual(r.meanRoadM!, (100 * 4_000 + 300 * 7_000) / 400.0, accuracy: 1)
        XCTAssertEqual(r.p90RoadM!, 7_000, accuracy: 1, "90 % of the 400 who reach one: 7 km")
        XCTAssertEqual(r.meanMinutes[0]!, (100 * 4.8 + 300 * 8.4) / 400, accuracy: 0.01)
        XCTAssertEqual(r.roadUnreachableInhabitants, 5)
        XCTAssertEqual(r.roadUnreachableShare!, 5.0 / 405, accuracy: 1e-12)
        XCTAssertEqual(r.shareWithinByRoad[2], 100.0 / 405, accuracy: 1e-12, "the unreachable count as not within 5 km")
        XCTAssertFalse(r.flagged, "an unreachable farm neither empties the mean nor flags the region: \(r.flagReasons)")
        let csv = try String(contentsOfFile: f.folder + "/out/regions.csv", encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init), row = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(row[header.firstIndex(of: "road_unreachable_inhabitants")!], "5")
        XCTAssertEqual(row[header.firstIndex(of: "road_unreachable_share")!], "0.0123")
        XCTAssertEqual(row[header.firstIndex(of: "mean_road_m")!], "6250")
    }

    func testExplicitUnreachableThresholdFlags() throws {
        let f = try Fixtures()
        var j = try job(f, points: [(104_000, 500_020, ["id": "p", "inwoners": 100]), farm])
        j.parameters.flagMaxMeanKm = 10
        j.parameters.flagMinShare = 0
        j.parameters.flagMaxUnreachableShare = 0.01
        let r = try j.run().result.regions[0]
        XCTAssertTrue(r.flagged)
        XCTAssertEqual(r.flagReasons, ["5 inhabitants (5 %) cannot reach any practice open to new patients by road (threshold 1 %)"])
    }

    func testNothingReachableStopsWithTheCountsPerReason() throws {
        let f = try Fixtures()
        let j = try job(f, points: [farm, (141_000, 541_000, ["id": "farm2", "inwoners": 3])])
        XCTAssertThrowsError(try j.run()) { e in
            guard case let AnalysisError.noUsableRoadNearPoints(_, mode, points, notSnapped, noPractice, open, practicesNotSnapped, _) = e else {
                return XCTFail("\(e)")
            }
            XCTAssertEqual([points, notSnapped, noPractice, open, practicesNotSnapped], [2, 2, 0, 1, 0])
            XCTAssertEqual(mode, "car")
            XCTAssertTrue("\(e)".contains("no usable road near the points"), "\(e)")
        }
        // A partial practice with an eligibility area takes part as well: it
        // counts among the practices taking new patients (2: A, and B for
        // 9401), of which only B lies beyond the snap limit.
        let population = try f.rdPoints("pop-pc.geojson", [(140_000, 540_000, ["id": "farm", "inwoners": 5, "postcode": "9401AB"])])
        let practices = try f.rdPoints("gp-partial.geojson", [(100_000, 500_010, ["id": "A", "status": "open"]),
                                                               (141_000, 541_000, ["id": "B", "status": "partial", "eligible_postcodes": "9401"])])
        var partial = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: nil, outputFolder: f.folder + "/out-partial")
        partial.roadsPath = try f.write("roads.geojson", roadsText)
        XCTAssertThrowsError(try partial.run()) { e in
            guard case let AnalysisError.noUsableRoadNearPoints(_, _, points, notSnapped, _, open, practicesNotSnapped, _) = e else {
                return XCTFail("\(e)")
            }
            XCTAssertEqual([points, notSnapped, open, practicesNotSnapped], [1, 1, 2, 1])
            XCTAssertTrue("\(e)".contains("1 of 2 practices taking new patients farther than"), "\(e)")
        }
        // Only a motorway: homes are not snapped to it, so nothing is reachable.
        let motorway = roadsText.replacingOccurrences(of: "residential", with: "motorway")
        let m = try job(f, points: [(104_000, 500_020, ["id": "p", "inwoners": 100])], roads: motorway)
        XCTAssertThrowsError(try m.run()) { e in
            XCTAssertTrue("\(e)".contains("no usable road near the points"), "\(e)")
        }
    }
}
