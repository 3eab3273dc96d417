import ArgumentParser
import Foundation
import XCTest
@testable import bereik
@testable import Access

/// Issue 13's input options: they reach every command's job, are checked
/// before any work, and an analysis records the history in run.json.
final class EligibilityOptionTests: XCTestCase {
    let options = ["--population", "p.csv", "--practices", "gp.csv",
                   "--eligibility-field", "gebied", "--eligibility", "dorpen.gpkg", "--eligibility-id-field", "agb",
                   "--population-postcode-field", "pc6", "--postcode-areas", "pc4.gpkg", "--postcode-areas-field", "postcode",
                   "--status-history", "history.csv", "--as-of", "2025-06-01"]

    func testOptionsReachEveryCommand() throws {
        let shared = [try Analyze.parse(options).shared, try ScenarioCommand.parse(["--close", "P1"] + options).shared,
                      try SitesCommand.parse(["--sites", "s.gpkg"] + options).shared, try PlanCommand.parse(options).shared]
        for s in shared {
            let job = try s.job()
            let o = job.input
            XCTAssertEqual(o.eligibilityField, "gebied")
            XCTAssertEqual(o.eligibilityPath, "dorpen.gpkg")
            XCTAssertEqual(o.eligibilityIDField, "agb")
            XCTAssertEqual(o.populationPostcodeField, "pc6")
            XCTAssertEqual(o.postcodeAreas, "pc4.gpkg")
            XCTAssertEqual(o.postcodeAreasField, "postcode")
            XCTAssertEqual(o.statusHistory, "history.csv")
            XCTAssertEqual(o.asOf, CalendarDay(year: 2025, month: 6, day: 1))
            for path in ["dorpen.gpkg", "pc4.gpkg", "history.csv"] {
                XCTAssertTrue(job.inputPaths.contains(path), "\(path) is protected as an input")
            }
        }
    }

    func testChecksBeforeAnyWork() {
        func message(_ arguments: [String]) -> String {
            do { _ = try Analyze.parse(arguments); return "(parsed)" } catch { return Analyze.message(for: error) }
        }
        let files = ["--population", "p", "--practices", "q"]
        let cases: [([String], String)] = [
            (files + ["--as-of", "2025-06-01"], "--as-of needs --status-history FILE"),
            (files + ["--status-history", "h.csv", "--as-of", "01-06-2025"], "--as-of expects a date YYYY-MM-DD"),
            (files + ["--status-history", "h.csv", "--as-of", "2025-02-30"], "--as-of expects a date YYYY-MM-DD (a day that exists in the calendar"),
            // The right shape, outside the years a date may have: the message says why.
            (files + ["--status-history", "h.csv", "--as-of", "9999-12-31"], "1900-01-01 to 2200-12-31"),
            (files + ["--eligibility-id-field", "agb"], "--eligibility-id-field needs --eligibility FILE"),
            (files + ["--postcode-areas-field", "pc"], "--postcode-areas-field needs --postcode-areas FILE"),
        ]
        for (arguments, expected) in cases {
            let m = message(arguments)
            XCTAssertTrue(m.contains(expected), "\(arguments): \(m)")
        }
    }

    func testAnalyzeRecordsTheHistoryInRunJSON() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id,x,y,inwoners,postcode\n1,233000,557000,100,9401AA\n2,240000,560000,200,9402\n".write(toFile: dir + "/pop.csv", atomically: true, encoding: .utf8)
        try "id,status,x,y,postcodes\nP1,open,233100,557000,\nP2,partial,240100,560000,9402\n".write(toFile: dir + "/gp.csv", atomically: true, encoding: .utf8)
        try "practice_id,date_from,status\nP1,2025-01-01,open\nP1,2025-07-01,closed\n".write(toFile: dir + "/history.csv", atomically: true, encoding: .utf8)
        let out = dir + "/out"
        let r = try CLI.run(["analyze", "--population", dir + "/pop.csv", "--practices", dir + "/gp.csv", "--crs", "EPSG:28992",
                             "--status-history", dir + "/history.csv", "--as-of", "2025-03-01", "--no-maps", "--catchments", "none", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let run = try CLI.json(out + "/run.json")
        let inputs = run["inputs"] as! [[String: Any]]
        let history = inputs.first { $0["role"] as? String == "status history" }?["statusHistory"] as? [String: Any]
        XCTAssertEqual(history?["asOf"] as? String, "2025-03-01")
        XCTAssertEqual(history?["practicesFromHistory"] as? Int, 1)
        let eligibility = inputs.first { $0["role"] as? String == "practices" }?["eligibility"] as? [String: Any]
        XCTAssertEqual(eligibility?["restrictedPractices"] as? Int, 1)
        XCTAssertTrue(r.stdout.contains("Practice status as of 2025-03-01"), r.stdout)
        // Before every row: a named error, nothing written.
        let early = try CLI.run(["analyze", "--population", dir + "/pop.csv", "--practices", dir + "/gp.csv", "--crs", "EPSG:28992",
                                 "--status-history", dir + "/history.csv", "--as-of", "2024-12-31", "--no-maps", "--out", dir + "/never"])
        XCTAssertNotEqual(early.status, 0)
        XCTAssertTrue(early.stderr.contains("2025-01-01") && early.stderr.contains("--as-of"), early.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/never/run.json"))
    }
}
