import XCTest
import Geo
@testable import Access

/// `--status-history` and `--as-of`: the row in force, the named errors, and
/// what run.json records.
final class StatusHistoryTests: FixturesTestCase {
    let today = CalendarDay(year: 2026, month: 11, day: 29)!

    func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }

    func practices() throws -> String {
        try f.write("gp.csv", """
        id,status,x,y,postcodes
        A,open,233000,558000,
        B,closed,235000,558000,9402
        C,open,236000,558000,
        """)
    }

    func pop() throws -> String {
        try f.write("pop.csv", "id,x,y,inwoners,postcode\n1,233000,557000,10,9401AA\n2,235000,557000,20,9402AB\n")
    }

    func job(history: String, asOf: String? = nil, strict: Bool = false) throws -> AnalyzeJob {
        var job = AnalyzeJob(populationPath: try pop(), practicesPath: try practices(), regionsPath: nil, outputFolder: f.folder + "/out")
        job.input.statusHistory = history
        job.input.asOf = asOf.map(day)
        job.input.strict = strict
        return job
    }

    func history() throws -> String {
        try f.write("history.csv", """
        praktijk_id,datum_vanaf,status,alleen_postcodes,bron
        A,2025-01-01,open,,website
        A,01-06-2025,gedeeltelijk,9401,website
        A,2025/09/01,closed,,zorgverzekeraar
        B,2025-03-01,partial,,telefoon
        B,2025-03-01,partial,,website
        X,2025-02-01,open,,website
        """)
    }

    func testAsOfPicksTheRowInForce() throws {
        let path = try history()
        let cases: [(String, [PracticeStatus])] = [
            ("2025-01-01", [.open, .closed, .open]),     // A's first row; B and C keep the list's status
            ("2025-05-31", [.open, .partial, .open]),
            ("2025-06-01", [.partial, .partial, .open]),
            ("2025-08-31", [.partial, .partial, .open]),
            ("2025-09-01", [.closed, .partial, .open]),
        ]
        for (asOf, statuses) in cases {
            let inputs = try job(history: path, asOf: asOf).readInputs()
            XCTAssertEqual(inputs.practices.map(\.status), statuses, asOf)
            XCTAssertEqual(inputs.asOf, day(asOf))
        }
        let june = try job(history: path, asOf: "2025-06-15").readInputs()
        XCTAssertEqual(june.practices[0].eligibility, .postcodes(PostcodeSet(pc4Ranges: [9401...9401])), "A's own list from the history")
        XCTAssertEqual(june.practices[1].eligibility, .postcodes(PostcodeSet(pc4Ranges: [9402...9402])), "B partial without a list: the practice list's")
        XCTAssertEqual(june.practices[0].statusDate, "2025-06-01")
        XCTAssertEqual(june.practices[1].statusSource, "telefoon; website", "identical rows merged, sources joined")
        XCTAssertEqual(june.eligible?.pointsByPractice, [0: [0], 1: [1]])
        let r = try XCTUnwrap(june.reports.first { $0.role == "status history" }?.statusHistory)
        XCTAssertEqual(r.asOf, "2025-06-15")
        XCTAssertEqual(r.asOfSource, "--as-of")
        XCTAssertEqual(r.rows, 6)
        XCTAssertEqual(r.rowsUsed, 4)
        XCTAssertEqual(r.duplicatesDropped, 1)
        XCTAssertEqual(r.unknownPracticeIDs, 1)
        XCTAssertEqual(r.unknownPracticeIDExamples, ["X"])
        XCTAssertEqual(r.practicesFromHistory, 2)
        XCTAssertEqual(r.earliest, "2025-01-01")
        XCTAssertEqual(r.latest, "2025-09-01")
        // The trend re-applies the history per date on the same inputs.
        let back = try XCTUnwrap(june.practices(asOf: day("2025-02-01")))
        XCTAssertEqual(back.practices.map(\.status), [.open, .closed, .open])
        XCTAssertEqual(back.fromHistory, 1)
        XCTAssertEqual(back.counts.ignoredNotPartial, 1, "B's list while B is closed")
        XCTAssertNil(try june.eligibleSets(for: back.practices), "nobody partial with an area on 2025-02-01")
        XCTAssertEqual(try june.eligibleSets(for: june.practices), june.eligible)
    }

    func testHistoryRowsInAnyOrderGiveTheSameHistory() throws {
        let text = try String(contentsOfFile: try history(), encoding: .utf8).split(separator: "\n")
        let shuffled = try f.write("shuffled.csv", ([text[0]] + text.dropFirst().reversed()).joined(separator: "\n"))
        let a = try StatusHistoryReader.read(path: try history(), practiceIDs: ["A", "B", "C"], options: InputOptions(), today: today).0
        let b = try StatusHistoryReader.read(path: shuffled, practiceIDs: ["A", "B", "C"], options: InputOptions(), today: today).0
        func withoutOrigin(_ h: StatusHistory) -> [StatusChange] { h.changes.map { var c = $0; c.origin = ""; return c } }
        XCTAssertEqual(withoutOrigin(a), withoutOrigin(b), "the same rows, sources and merges; only the feature numbers differ")
        XCTAssertEqual(a.changes.count, 4)
    }

    func testNamedErrors() throws {
        func read(_ body: String, strict: Bool = false) throws -> StatusHistory {
            var o = InputOptions()
            o.strict = strict
            return try StatusHistoryReader.read(path: try f.write("h.csv", "practice_id,date_from,status,eligible_postcodes\n" + body),
                                                practiceIDs: ["A", "B"], options: o, today: today).0
        }
        assertInputError(try read("A,2025-01-01,open,\nA,2025-01-01,closed,\n"),
                         contains: ["h.csv", "feature 2", "status", "one status per practice and date", "feature 1", "2025-01-01", "closed"])
        assertInputError(try read("A,2025-01-01,partial,9401\nA,2025-01-01,partial,9402\n"),
                         contains: ["feature 2", "another eligibility list"])
        assertInputError(try read("A,2025-13-01,open,\n"), contains: ["h.csv", "feature 1", "date_from", "YYYY-MM-DD", "2025-13-01"])
        assertInputError(try read("A,03/04/2025,open,\n"), contains: ["feature 1", "03/04/2025"])
        assertInputError(try read("A,2026-11-30,open,\n"), contains: ["feature 1", "date_from", "on or before today (2026-11-29)", "2026-11-30"])
        assertInputError(try read("A,2025-01-01,misschien,\n"), contains: ["feature 1", "status", "misschien"])
        assertInputError(try read("A,2025-01-01,partial,9405-9401\n", strict: true), contains: ["feature 1", "eligible_postcodes", "9405-9401"])
        assertInputError(try read("Z,2025-01-01,open,\n", strict: true), contains: ["feature 1", "practice_id", "Z"])
        assertInputError(try read("Z,2025-01-01,open,\n"), contains: ["h.csv", "no practice id is in the practice list", "Z"])
        assertInputError(try StatusHistoryReader.read(path: try f.write("cols.csv", "id,wanneer,status\nA,2025-01-01,open\n"),
                                                      practiceIDs: ["A"], options: InputOptions(), today: today),
                         contains: ["cols.csv", "date from", "date_from", "wanneer"])
        // Not errors: today itself, Dutch day-first with dashes, GDAL's date-cell form, a malformed list left out.
        let ok = try read("A,2026-11-29,open,\nB,15-01-2025,partial,9405-9401\nB,2025/02/01 00:00:00,closed,\n")
        XCTAssertEqual(ok.changes.map(\.from), [day("2026-11-29"), day("2025-01-15"), day("2025-02-01")])
        XCTAssertNil(ok.changes[1].eligibility)
    }

    func testAsOfBeforeEveryRowAndWithoutHistory() throws {
        assertInputError(try job(history: try history(), asOf: "2024-12-31").readInputs(),
                         contains: ["--as-of", "2025-01-01", "earliest row", "history.csv", "2024-12-31"])
        assertInputError(try job(history: try history(), asOf: "2100-01-01").readInputs(),
                         contains: ["--as-of", "on or before today", "2100-01-01"])
        var j = try job(history: try history(), asOf: "2025-06-01")
        j.input.statusHistory = nil
        assertInputError(try j.readInputs(), contains: ["--as-of", "--status-history"])
    }

    func testRunJSONRecordsTheDateAndCounts() throws {
        let o = try job(history: try history(), asOf: "2025-06-15").run()
        let data = try Data(contentsOf: URL(fileURLWithPath: f.folder + "/out/run.json"))
        let run = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let inputs = run["inputs"] as! [[String: Any]]
        let history = try XCTUnwrap(inputs.first { $0["role"] as? String == "status history" }?["statusHistory"] as? [String: Any])
        XCTAssertEqual(history["asOf"] as? String, "2025-06-15")
        XCTAssertEqual(history["practicesFromHistory"] as? Int, 2)
        XCTAssertEqual(history["rowsUsed"] as? Int, 4)
        XCTAssertEqual(history["duplicatesDropped"] as? Int, 1)
        let practices = try XCTUnwrap(inputs.first { $0["role"] as? String == "practices" }?["eligibility"] as? [String: Any])
        XCTAssertEqual(practices["restrictedPractices"] as? Int, 2)
        XCTAssertTrue(o.report.warnings.contains { $0.contains("Practice status as of 2025-06-15: 2 of 3 practices") }, "\(o.report.warnings)")
    }
}
