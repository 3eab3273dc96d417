import XCTest

/// The decision commands as a user runs them, on the embedded example data.
final class DecisionCommandTests: XCTestCase {
    func testScenarioWithUnknownPracticeFailsNamingClosestIDs() throws {
        let out = try CLI.temporaryFolder()
        let r = try CLI.run(["scenario", "--close", "P0O2", "--out", out])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no practice with id 'P0O2'") && r.stderr.contains("Closest ids: P002"), r.stderr)
    }

    func testScenarioWritesChangesAndSummary() throws {
        let out = try CLI.temporaryFolder()
        let r = try CLI.run(["scenario", "--close", "P002", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Scenario: This scenario closes"), r.stdout)
        for f in ["changes.csv", "receiving_practices.csv", "point_changes.csv", "practices.geojson"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + f), f)
        }
        let practices = try CLI.features(out + "/practices.geojson")
        let ranks = practices.compactMap { ($0["properties"] as! [String: Any])["criticality_rank"] as? Int }
        XCTAssertEqual(ranks.min(), 1)
    }

    /// One "Wrote" line (the scenario's, not also the baseline analysis's),
    /// and a change given twice is said once in the summary and run.json.
    func testScenarioSaysARepeatedChangeAndWritesOneWroteLine() throws {
        let out = try CLI.temporaryFolder()
        let r = try CLI.run(["scenario", "--close", "P002", "--close", "P002", "--no-maps", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.components(separatedBy: "\nWrote ").count, 2, r.stdout)
        XCTAssertTrue(r.stdout.contains("Wrote population.geojson, regions.geojson") && r.stdout.contains("scenario.md to \(out)."), r.stdout)
        XCTAssertTrue(r.stdout.contains("(P002)' is given 2 times; it counts once"), r.stdout)
        let run = try String(contentsOfFile: out + "/run.json", encoding: .utf8)
        XCTAssertTrue(run.contains("(P002)' is given 2 times"), "run.json warnings")
    }
}
