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
}
