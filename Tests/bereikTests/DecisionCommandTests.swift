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

    /// run.json says in which CRS a changes file's added practices were read:
    /// a CSV has none of its own, so each row's coordinates are detected.
    func testChangesFileRecordsHowItsCoordinatesWereRead() throws {
        let out = try CLI.temporaryFolder(), dir = try CLI.temporaryFolder()
        let file = dir + "/wijzigingen.csv"
        try "action,practice_id,name,lon,lat,fte\nclose,P002,,,,\nadd,,Nieuw,6.56,52.86,1\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scenario", "--changes", file, "--no-maps", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let inputs = try XCTUnwrap(run["inputs"] as? [[String: Any]], "\(run.keys.sorted())")
        let changes = try XCTUnwrap(inputs.first { $0["role"] as? String == "changes" })
        XCTAssertEqual(changes["crsSource"] as? String, "detected")
        XCTAssertEqual(changes["crs"] as? String, "EPSG:28992 or EPSG:4326, detected per row")
    }
}
