import XCTest
import Geo
@testable import Access

/// A `--profile` line for a class no road of the file has changes nothing;
/// the readers name such classes so that a misspelt one is not silent.
final class ProfileClassCheckTests: FixturesTestCase {
    func profiles(_ text: String) throws -> [TravelProfile] {
        try TravelProfile.applyOverrides(text, to: TravelMode.allCases.map(TravelProfile.default))
    }

    func testAddedClassesAreThoseNoDefaultProfileOfTheModeHas() throws {
        XCTAssertEqual(TravelProfile.addedClasses(try profiles("car.residential = 50\nfoot.* = 4\n")), [])
        XCTAssertEqual(TravelProfile.addedClasses(try profiles("car.residental = 50\ncar.track = 20\nbicycle.track = 10\n")),
                       ["residental", "track"], "track is a bicycle class by default, not a car class")
    }

    func testLineLayerNamesTheProfileClassesItDoesNotHave() throws {
        // Every line of the grid is highway=unclassified.
        let roads = try f.roadGrid(x0: 230_000, y0: 550_000, widthKm: 2, heightKm: 2)
        let misspelt = RoadGraphBuilder(profiles: try profiles("car.unclassified = 40\ncar.residental = 50\nfoot.track = 4\n"))
        XCTAssertEqual(try LineRoadReader.read(path: roads, into: misspelt).profileClassesWithoutRoads, ["residental"],
                       "track is a default foot class, so the line adds nothing")
        let plain = RoadGraphBuilder()
        XCTAssertEqual(try LineRoadReader.read(path: roads, into: plain).profileClassesWithoutRoads, [])
        let present = RoadGraphBuilder(profiles: try profiles("bicycle.unclassified = 10\ncar.busway = 30\n"))
        XCTAssertEqual(try LineRoadReader.read(path: roads, into: present).profileClassesWithoutRoads, ["busway"])
    }

    func testTheWarningReachesTheSummaryAndRunJSON() throws {
        let population = try f.rdPoints("pop.geojson", [(230_500, 550_000, ["inwoners": 10]), (231_500, 551_000, ["inwoners": 20])])
        let practices = try f.rdPoints("gp.geojson", [(231_000, 550_000, ["id": "A", "status": "open"])])
        let roads = try f.roadGrid(x0: 230_000, y0: 550_000, widthKm: 2, heightKm: 2)
        let out = f.folder + "/out"
        var job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: nil, outputFolder: out)
        job.roadsPath = roads
        job.parameters.roadOptions.profileOverrides = "car.residental = 50\n"
        let o = try job.run()
        XCTAssertTrue(o.report.warnings.contains { $0.contains("road classes that no road in the file has: residental") }, "\(o.report.warnings)")
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        XCTAssertEqual((run["roads"] as? [String: Any])?["profileClassesWithoutRoads"] as? [String], ["residental"])
    }
}
