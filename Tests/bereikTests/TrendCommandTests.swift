import Foundation
import XCTest

/// `bereik trend` as a user runs it: on the example data with no inputs,
/// and the named errors of bad dates and steps.
final class TrendCommandTests: XCTestCase {
    func testDefaultDataTrendRunsAndDrawsCharts() throws {
        let out = try CLI.temporaryFolder() + "/trend"
        let r = try CLI.run(["trend", "--step", "quarter", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("SYNTHETIC"), r.stdout)
        let rows = try String(contentsOfFile: out + "/trend.csv", encoding: .utf8).split(separator: "\n").map { Self.cells(String($0)) }
        // GeoData/status_history.csv runs from 2025-01-01 to 2026-09-01: quarters and the last date.
        let dates = ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01", "2026-09-01"]
        XCTAssertEqual(rows.count, 1 + 13 * dates.count, "12 municipalities and the total on each date")
        XCTAssertEqual(rows[0][5], "open_practices")
        XCTAssertEqual(Set(rows.dropFirst().map { $0[2] }), Set(dates))
        let run = try CLI.json(out + "/run.json")
        let trend = try XCTUnwrap(run["trend"] as? [String: Any])
        XCTAssertEqual(trend["dates"] as? [String], dates)
        XCTAssertEqual((trend["statusHistory"] as? String).map { ($0 as NSString).lastPathComponent }, "status_history.csv")
        // History rows make practices change: the total's open practices are not the same on every date.
        let totals = rows.filter { $0[0] == "total" }
        XCTAssertGreaterThan(Set(totals.map { $0[5] }).count, 1, "\(totals.map { $0[5] })")
        let overview = try String(contentsOfFile: out + "/maps/trend_overview.svg", encoding: .utf8)
        XCTAssertEqual(overview.components(separatedBy: "class=\"series\"").count - 1, 13)
        XCTAssertTrue(overview.contains("id=\"threshold\""))
        let flagged = try XCTUnwrap(trend["flaggedRegions"] as? [String])
        XCTAssertFalse(flagged.isEmpty)
        for id in flagged { XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/maps/trend_\(id).svg"), id) }
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"trend-changes\""))
    }

    /// One CSV line's cells (quotes honoured).
    static func cells(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted { out.append(cur); cur = "" } else { cur.append(c) }
        }
        return out + [cur]
    }

    func testBadDatesStepsAndRangesAreNamedErrors() throws {
        let out = try CLI.temporaryFolder() + "/bad"
        for (arguments, words) in [(["--from", "2025-13"], "--from: expected a month YYYY-MM"),
                                   (["--to", "oktober"], "--to: expected a month YYYY-MM"),
                                   (["--step", "week"], "--step: expected month, quarter or year"),
                                   (["--as-of", "2025-06-01"], "--as-of"),
                                   (["--catchments", "road"], "--catchments has no effect on a trend"),
                                   (["--format", "gpkg"], "--format gpkg has no effect on a trend"),
                                   (["--from", "2024-06"], "lies before the first row"),
                                   (["--from", "2026-06", "--to", "2025-06"], "lies after --to")] {
            let r = try CLI.run(["trend", "--out", out, "--no-maps"] + arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(words), "\(arguments): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/trend.csv"), "nothing written")
        }
        let f = try CLI.temporaryFolder()
        let r = try CLI.run(["trend", "--population", CLI.packageRoot.path + "/GeoData/population.geojson",
                             "--practices", CLI.packageRoot.path + "/GeoData/practices.geojson", "--out", f + "/x"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--status-history"), r.stderr)
    }
}

/// The check on the example data (partial practices with areas and
/// a status history): the trend's rows equal `analyze --as-of` on those dates.
final class TrendAsOfTests: XCTestCase {
    func testTrendEqualsAnalyzeAsOfOnTheExampleData() throws {
        let root = try CLI.temporaryFolder()
        let history = CLI.packageRoot.path + "/GeoData/status_history.csv"
        let t = try CLI.run(["trend", "--from", "2025-06", "--to", "2026-06", "--step", "year", "--no-maps", "--out", root + "/trend"])
        XCTAssertEqual(t.status, 0, t.stderr)
        let trend = try String(contentsOfFile: root + "/trend/trend.csv", encoding: .utf8).split(separator: "\n").map { TrendCommandTests.cells(String($0)) }
        let header = trend[0]
        func value(_ row: [String], _ name: String, _ h: [String]) -> String { row[h.firstIndex(of: name)!] }
        for date in ["2025-06-01", "2026-06-01"] {
            let out = root + "/as-of-\(date)"
            let a = try CLI.run(["analyze", "--status-history", history, "--as-of", date, "--no-maps", "--catchments", "none", "--out", out])
            XCTAssertEqual(a.status, 0, a.stderr)
            let regions = try String(contentsOfFile: out + "/regions.csv", encoding: .utf8).split(separator: "\n").map { TrendCommandTests.cells(String($0)) }
            let rh = regions[0]
            XCTAssertEqual(regions.count - 1, 13)
            for region in regions.dropFirst() {
                let id = value(region, "region_id", rh)
                let row = try XCTUnwrap(trend.first { value($0, "region_id", header) == id && value($0, "date", header) == date }, "\(id) \(date)")
                for (mine, theirs) in [("open_practices", "open_practices"), ("mean_m", "mean_road_m"), ("p90_m", "p90_road_m"),
                                       ("share_within_5km", "share_within_5km_road"), ("access_share", "access_share"),
                                       ("flagged", "flagged"), ("light", "light")] {
                    XCTAssertEqual(value(row, mine, header), value(region, theirs, rh), "\(id) \(date) \(mine)")
                }
            }
        }
        // run.json's date-dependent input figures are the last date's, as analyze --as-of gives them.
        func inputs(_ path: String) throws -> [String: [String: Any]] {
            let list = try CLI.json(path)["inputs"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: list.map { ($0["role"] as? String ?? "", $0) })
        }
        let trendInputs = try inputs(root + "/trend/run.json"), asOfInputs = try inputs(root + "/as-of-2026-06-01/run.json")
        let practices = try XCTUnwrap(trendInputs["practices"]?["eligibility"] as? [String: Any])
        let expected = try XCTUnwrap(asOfInputs["practices"]?["eligibility"] as? [String: Any])
        for key in ["restrictedPractices", "partialWithoutArea", "ignoredNotPartial"] {
            XCTAssertEqual(practices[key] as? Int, expected[key] as? Int, key)
        }
        let historyReport = try XCTUnwrap(trendInputs["status history"]?["statusHistory"] as? [String: Any])
        XCTAssertEqual(historyReport["asOf"] as? String, "2026-06-01")
        XCTAssertEqual(historyReport["practicesFromHistory"] as? Int, (asOfInputs["status history"]?["statusHistory"] as? [String: Any])?["practicesFromHistory"] as? Int)
        // The dates differ: some region's share changes between them.
        let shares = trend.dropFirst().map { value($0, "region_id", header) + value($0, "access_share", header) }
        XCTAssertGreaterThan(Set(shares).count, 13)
    }
}
