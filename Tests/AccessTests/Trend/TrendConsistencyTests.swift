import Foundation
import XCTest
@testable import Access

/// The issue's check: a trend over a generated history equals running the
/// analysis separately on each date with the practices' status as of that
/// date (worked out here by the test's own loop over the history rows), on a
/// small generated world: a 20 × 12 km road lattice, two regions, 300 points.
final class TrendConsistencyTests: XCTestCase {
    func testTrendEqualsSeparateAnalysesStraightLine() throws { try check(byRoad: false) }
    func testTrendEqualsSeparateAnalysesByRoad() throws { try check(byRoad: true) }
    /// Odd practices carry a postcode list (their own 5 km column's PC4), the
    /// points a PC4: a practice that is partial on a date takes only its area.
    func testTrendEqualsSeparateAnalysesWithEligibilityByRoad() throws { try check(byRoad: true, eligibility: true) }
    func testTrendEqualsSeparateAnalysesWithEligibilityStraightLine() throws { try check(byRoad: false, eligibility: true) }

    struct World {
        var population: String, practices: [(id: String, x: Double, y: Double, status: String)], regions: String, roads: String
        var history: [StatusChange]
        /// Practice id → its postcode list (only with eligibility).
        var lists: [String: String] = [:]
    }

    static func pc4(_ x: Double) -> Int { 9401 + Int((x - 150_000) / 5_000) }

    func makeWorld(_ f: Fixtures, eligibility: Bool = false) throws -> World {
        var rng = SplitMix64(seed: 2026)
        let x0 = 150_000.0, y0 = 450_000.0
        var lines: [String] = []
        for j in 0...12 { lines.append("[[\(x0),\(y0 + Double(j) * 1000)],[\(x0 + 20_000),\(y0 + Double(j) * 1000)]]") }
        for i in 0...20 { lines.append("[[\(x0 + Double(i) * 1000),\(y0)],[\(x0 + Double(i) * 1000),\(y0 + 12_000)]]") }
        let features = lines.map { #"{"type":"Feature","properties":{"highway":"unclassified","maxspeed":"60"},"geometry":{"type":"LineString","coordinates":\#($0)}}"# }
        let roads = try f.write("roads.geojson", #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":["# + features.joined(separator: ",") + "]}")
        let points = (0..<300).map { k -> (Double, Double, [String: Any]) in
            // x, y, then inhabitants: the generator's order of draws.
            let x = x0 + 50 + rng.unit() * 19_900, y = y0 + 50 + rng.unit() * 11_900
            var props: [String: Any] = ["id": "pt\(k)", "inhabitants": 1 + Int(rng.next() % 60)]
            if eligibility { props["postcode"] = "\(Self.pc4(x))" }
            return (x, y, props)
        }
        let population = try f.rdPoints("population.geojson", points)
        let regions = try f.rdPolygons("regions.geojson", [
            ([[x0, y0], [x0 + 10_000, y0], [x0 + 10_000, y0 + 12_000], [x0, y0 + 12_000], [x0, y0]], ["code": "W", "name": "West"]),
            ([[x0 + 10_000, y0], [x0 + 20_000, y0], [x0 + 20_000, y0 + 12_000], [x0 + 10_000, y0 + 12_000], [x0 + 10_000, y0]], ["code": "E", "name": "East"]),
        ])
        let statuses = ["open", "partial", "closed"]
        let practices = (0..<9).map { k in
            (id: String(format: "P%02d", k), x: x0 + 500 + rng.unit() * 19_000, y: y0 + 500 + rng.unit() * 11_000,
             status: k < 3 ? "open" : statuses[Int(rng.next() % 3)])
        }
        // A generated history: each practice gets 0–3 rows between 2025-01 and 2025-12; P00 keeps open throughout
        // (so every date has an open practice).
        var history: [StatusChange] = [StatusChange(practiceID: "P00", from: CalendarDay(year: 2025, month: 1, day: 1)!, status: .open)]
        for p in practices.dropFirst() {
            var months = Set<Int>()
            for _ in 0..<Int(rng.next() % 4) { months.insert(1 + Int(rng.next() % 12)) }
            for m in months.sorted() {
                let status: PracticeStatus = [.open, .partial, .closed][Int(rng.next() % 3)]
                history.append(StatusChange(practiceID: p.id, from: CalendarDay(year: 2025, month: m, day: 1 + Int(rng.next() % 28))!, status: status))
            }
        }
        var lists: [String: String] = [:]
        if eligibility { for (k, p) in practices.enumerated() where k % 2 == 1 { lists[p.id] = "\(Self.pc4(p.x))" } }
        return World(population: population, practices: practices, regions: regions, roads: roads, history: history, lists: lists)
    }

    func practicesFile(_ f: Fixtures, _ name: String, _ world: World, statuses: [String: String]) throws -> String {
        try f.rdPoints(name, world.practices.map { p in
            var props: [String: Any] = ["id": p.id, "status": statuses[p.id] ?? p.status, "gp_fte": 1.5]
            if let list = world.lists[p.id] { props["eligible_postcodes"] = list }
            return (p.x, p.y, props)
        })
    }

    /// Whether a trend warning says `note` held on `date`: the note itself
    /// (every date), or "<dates>: note" whose dates (single days and
    /// "from to to" runs) include `date`.
    static func holds(_ warning: String, note: String, on date: CalendarDay) -> Bool {
        if warning == note { return true }
        guard warning.hasSuffix(": " + note) else { return false }
        let dates = warning.dropLast(note.count + 2)
        return dates.components(separatedBy: ", ").contains { part in
            let ends = part.components(separatedBy: " to ")
            guard let first = ends.first, let last = ends.last else { return false }
            return first <= date.description && date.description <= last
        }
    }

    func check(byRoad: Bool, eligibility: Bool = false) throws {
        let f = try Fixtures()
        let world = try makeWorld(f, eligibility: eligibility)
        func job(_ practices: String, out: String) -> AnalyzeJob {
            var j = AnalyzeJob(populationPath: world.population, practicesPath: practices, regionsPath: world.regions, outputFolder: out)
            if byRoad { j.roadsPath = world.roads }
            j.parameters.flagMaxKm = 3
            j.writeCatchments = false
            j.input.regionIDField = "code"
            return j
        }
        let listed = try practicesFile(f, "practices.geojson", world, statuses: [:])
        var trend = TrendJob(job: job(listed, out: f.folder + "/trend"), history: StatusHistory(changes: world.history), historyPath: "generated")
        trend.step = .quarter
        trend.to = CalendarDay(year: 2025, month: 12, day: 20)
        trend.today = CalendarDay(year: 2026, month: 1, day: 1)!
        let outcome = try trend.run()
        XCTAssertEqual(outcome.dates.map(\.description), ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2025-12-20"])
        let trendRows = try CSVTable.read(f.folder + "/trend/trend.csv")
        XCTAssertEqual(trendRows.count, 5 * 3, "two regions and the total on five dates")
        var lightsSeen = Set<String>(), meansSeen = Set<String>()

        for date in outcome.dates {
            // The status in force: the latest row on or before the date, else the list's.
            var statuses: [String: String] = [:]
            for c in world.history.sorted(by: { $0.from < $1.from }) where c.from <= date { statuses[c.practiceID] = c.status.rawValue }
            let file = try practicesFile(f, "practices-\(date).geojson", world, statuses: statuses)
            _ = try job(file, out: f.folder + "/sep-\(date)").run()
            let separate = try CSVTable.read(f.folder + "/sep-\(date)/regions.csv")
            XCTAssertEqual(separate.count, 3)
            for region in separate {
                let id = try XCTUnwrap(region["region_id"])
                let row = try XCTUnwrap(trendRows.first { $0["region_id"] == id && $0["date"] == date.description }, "\(id) \(date)")
                let what = "\(id) on \(date)"
                XCTAssertEqual(row["open_practices"], region["open_practices"], what)
                XCTAssertEqual(row["inhabitants"], region["inhabitants"], what)
                XCTAssertEqual(row["distance_basis"], byRoad ? "road" : "straight", what)
                XCTAssertEqual(row["mean_m"], region[byRoad ? "mean_road_m" : "mean_open_m"], what)
                XCTAssertEqual(row["p90_m"], region[byRoad ? "p90_road_m" : "p90_open_m"], what)
                for band in ["1", "3", "5"] {
                    XCTAssertEqual(row["share_within_\(band)km"], region["share_within_\(band)km" + (byRoad ? "_road" : "")], what)
                }
                XCTAssertEqual(row["access_share"], region["access_share"], what)
                XCTAssertEqual(row["flagged"], region["flagged"], what)
                XCTAssertEqual(row["light"], region["light"], what)
                if byRoad { XCTAssertEqual(row["road_unreachable_inhabitants"], region["road_unreachable_inhabitants"], what) }
                // Inhabitants beyond the flag distance: from the separate run's own share.
                let inhabitants = try XCTUnwrap(Double(region["inhabitants"] ?? "")), share = try XCTUnwrap(Double(region["access_share"] ?? ""))
                XCTAssertEqual(try XCTUnwrap(Double(row["inhabitants_beyond_flag_km"] ?? "")), inhabitants * (1 - share), accuracy: 1.0, what)
                lightsSeen.insert(row["light"] ?? ""); meansSeen.insert(row["mean_m"] ?? "")
            }
            if eligibility {
                // The areas in force are the date's own (an area the history's row
                // turns off is not in force, and not "ignored" as in the separate
                // run, whose list has that status written in).
                let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.folder + "/sep-\(date)/run.json"))) as? [String: Any]
                let separateNotes = (json?["warnings"] as? [String] ?? []).filter { $0.hasPrefix("Eligibility areas in force") }
                XCTAssertFalse(separateNotes.isEmpty, "\(date)")
                for note in separateNotes {
                    XCTAssertTrue(outcome.report.warnings.contains { Self.holds($0, note: note, on: date) }, "\(date): \(note) in \(outcome.report.warnings)")
                }
            }
        }
        XCTAssertGreaterThan(meansSeen.count, 3, "the generated history changes the distances over time")
        if eligibility {
            XCTAssertTrue(trendRows.contains { Int($0["partial_with_area_practices"] ?? "") ?? 0 > 0 }, "some date has a partial practice with an area")
        }
    }
}

/// A CSV file read into rows by header name (quotes honoured, no line breaks inside cells).
enum CSVTable {
    /// The rows by column name, through the output folder's reader (not the writer under test).
    static func read(_ path: String) throws -> [[String: String]] { try CSVTableReader.rows(path) ?? [] }
}
