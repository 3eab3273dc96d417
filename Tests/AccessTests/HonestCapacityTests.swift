import XCTest
import Geo
@testable import Access

/// Capacity without FTE, with `--default-fte`, and with some FTE (median
/// rule), on the StraightLineAnalysisTests fixture; figures worked out by
/// hand (norm 2,095 per FTE).
final class HonestCapacityTests: XCTestCase {
    var fixtures: Fixtures!
    var population = "", regions = ""

    override func setUpWithError() throws {
        fixtures = try Fixtures()
        population = try fixtures.handCheckedPopulation()
        regions = try fixtures.rdPolygons("regions.geojson", [
            (Fixtures.square(98_000, 498_000, 4_000).map { [$0[0], $0[1] == 502_000 ? 508_000 : $0[1]] }, ["code": "W", "naam": "West"]),
            ([[102_000, 498_000], [112_000, 498_000], [112_000, 508_000], [102_000, 508_000], [102_000, 498_000]], ["code": "E", "naam": "East"]),
        ])
    }

    /// A (W, open), B (E, partial), C (E, closed), D (W, open); `fte` per practice.
    func practices(_ fte: [Any?]) throws -> String {
        let base: [(Double, Double, [String: Any])] = [
            (100_000, 500_000, ["id": "A", "status": "open"]), (103_000, 500_000, ["id": "B", "status": "gedeeltelijk"]),
            (110_000, 500_000, ["id": "C", "status": "nee"]), (100_000, 506_000, ["id": "D", "status": "ja"]),
        ]
        return try fixtures.rdPoints("gp.geojson", zip(base, fte).map { row, f in
            var props = row.2
            if let f { props["fte"] = f }
            return (row.0, row.1, props)
        })
    }

    func run(_ fte: [Any?], defaultFTE: Double? = nil) throws -> AnalyzeJob.Outcome {
        var j = AnalyzeJob(populationPath: population, practicesPath: try practices(fte), regionsPath: regions,
                           outputFolder: fixtures.folder + "/out")
        j.parameters.explicitDefaultFTE = defaultFTE
        return try j.run()
    }

    func csv(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: fixtures.folder + "/out/" + name, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = [], cell = "", quoted = false
        for ch in text {
            if quoted { if ch == "\"" { quoted = false } else { cell.append(ch) }; continue }
            switch ch {
            case "\"": quoted = true
            case ",": row.append(cell); cell = ""
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.append(ch)
            }
        }
        let header = rows[0]
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    func testNoFTEAtAllLeavesEveryFTEFigureEmptyWithTheReason() throws {
        let o = try run([nil, nil, nil, nil])
        XCTAssertNil(o.result.parameters.defaultFTE)
        XCTAssertTrue(o.result.capacity!.fcaPer10k.allSatisfy { $0 == nil })
        for r in o.result.regions {
            XCTAssertNil(r.gpFTEPer10k); XCTAssertNil(r.capacity.capacityPlaces); XCTAssertNil(r.capacity.shortfallPlaces)
            XCTAssertNil(r.capacity.fcaPer10k)
            XCTAssertTrue(r.capacity.fteUnknown)
            let lights = r.capacity.signal!.lights
            XCTAssertNil(lights[.fcaPer10k]); XCTAssertNil(lights[.shortfallShare])
            // The light is the worst of the lights that could be scored.
            XCTAssertEqual(r.capacity.signal!.light, lights.values.max() ?? .green)
        }
        XCTAssertTrue(o.result.practices.allSatisfy { $0.capacityPlaces == nil && $0.headroomPlaces == nil })
        // The summary says it once.
        XCTAssertEqual(o.report.warnings.filter { $0.contains("no FTE in the practice list") }.count, 1, "\(o.report.warnings)")
        let rows = try csv("regions.csv")
        let east = try XCTUnwrap(rows.first { $0["region_id"] == "E" })
        for column in ["gp_fte_per_10k", "fca_per_10k", "capacity_places", "shortfall_places", "light_fca_per_10k", "light_shortfall_share", "imputed_fte_share"] {
            XCTAssertEqual(east[column], "", column)
        }
        XCTAssertEqual(east["fte_note"], "no FTE in the practice list")
        // East: 20 % within 5 km, mean 8,175.6 m, 2 of 2 practices with a stop: red on the indicators with data.
        XCTAssertEqual(east["light"], "red")
        XCTAssertEqual(east["light_access_share"], "red")
        let practices = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixtures.folder + "/out/practices.geojson"))) as! [String: Any]
        for feature in practices["features"] as! [[String: Any]] {
            let props = feature["properties"] as! [String: Any]
            XCTAssertTrue(props["capacity_places"] is NSNull, "\(props)")
            XCTAssertEqual(props["fte_basis"] as? String, "no FTE in the practice list")
        }
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixtures.folder + "/out/run.json"))) as! [String: Any]
        XCTAssertEqual((run["fte"] as? [String: Any])?["rule"] as? String, "no FTE in the practice list")
    }

    /// --default-fte 0.8: every practice counts 0.8 FTE. W: A + D = 1.6 FTE
    /// → 3,352 places for 100 inhabitants; E: B + C = 1.6 FTE, 250 inhabitants.
    func testDefaultFTEIsUsedAndReported() throws {
        let o = try run([nil, nil, nil, nil], defaultFTE: 0.8)
        XCTAssertEqual(o.result.parameters.defaultFTERule, .option)
        let east = o.result.regions[0], west = o.result.regions[1]
        XCTAssertEqual(west.capacity.capacityPlaces!, 1.6 * 2_095, accuracy: 1e-9)
        XCTAssertEqual(east.capacity.capacityPlaces!, 1.6 * 2_095, accuracy: 1e-9)
        XCTAssertEqual(east.gpFTEPer10k!, 1.6 / 250 * 10_000, accuracy: 1e-9)
        XCTAssertEqual(west.capacity.imputedFTEShare, 1)
        XCTAssertEqual(east.capacity.imputedFTEShare, 1)
        XCTAssertNotNil(o.result.capacity!.fcaPer10k[0])
        XCTAssertTrue(o.report.warnings.contains { $0.contains("--default-fte") && $0.contains("0.8 FTE") }, "\(o.report.warnings)")
        XCTAssertEqual(o.report.fte?.imputedFTEShareByRegion, ["E": 1, "W": 1])
    }

    /// Some FTE known: A 2, B 1, D 1.5 → C gets the median 1.5. E counts
    /// B 1 + C 1.5 imputed → imputed share 0.6; W: none imputed → 0.
    func testMedianRuleReportsTheImputedShare() throws {
        let o = try run([2.0, 1.0, nil, "1,5"])
        XCTAssertEqual(o.result.parameters.defaultFTE, 1.5)
        XCTAssertEqual(o.result.parameters.defaultFTERule, .median)
        let east = o.result.regions[0], west = o.result.regions[1]
        XCTAssertEqual(east.capacity.imputedFTEShare!, 0.6, accuracy: 1e-12)
        XCTAssertEqual(west.capacity.imputedFTEShare!, 0, accuracy: 1e-12)
        XCTAssertEqual(o.report.fte?.imputedFTEShare ?? -1, 1.5 / 6, accuracy: 1e-12)
        XCTAssertEqual(try csv("regions.csv").first { $0["region_id"] == "E" }?["imputed_fte_share"], "0.6")
    }

    func testNegativeDefaultFTEIsANamedError() throws {
        XCTAssertThrowsError(try run([nil, nil, nil, nil], defaultFTE: -1)) { e in
            XCTAssertEqual(e as? AnalysisError, .negativeDefaultFTE(-1))
            XCTAssertTrue("\(e)".contains("--default-fte"), "\(e)")
        }
    }

    /// Sites: one sentence per verdict. A site 500 m from A (room unknown)
    /// is "room unknown", never "lacks room" and "room for 0" at once.
    func testSiteVerdictIsOneConsistentSentence() {
        let at = Coordinate(x: 100_000, y: 500_000)
        let practices = [Practice(id: "A", name: "A", location: at, status: .open),
                         Practice(id: "K", name: "K", location: at, status: .open, gpFTE: 1, listSize: 2_090)]
        let site = HousingSite(id: "S", name: "S", geometry: .point(at), homes: 10, householdSize: nil)
        let samples = [NearestPair(first: PracticeIndex(0), firstM: 500.0, second: PracticeIndex(1), secondM: 500.0)]
        func judge(_ headroom: [Double?]) -> SiteCheck {
            SiteCheck.judge(site: site, householdSize: 2, samples: samples, minutes: [], limitM: 5_000, measure: "straight line",
                            practices: practices) { j in
                var h = PracticeHeadroom(practice: practices[j], norm: 2_095, assigned: 0)
                h.places = headroom[j]
                return h
            }
        }
        let unknown = judge([nil, 5])
        XCTAssertEqual(unknown.verdict, .roomUnknown)
        XCTAssertFalse(unknown.reasons.joined().contains("together they have room"), "\(unknown.reasons)")
        XCTAssertTrue(unknown.reasons.joined().contains("is unknown"), "\(unknown.reasons)")
        let short = judge([3, 5])
        XCTAssertEqual(short.verdict, .strained)
        XCTAssertTrue(short.reasons.last!.contains("have room for 8 together, not enough for 20"), "\(short.reasons)")
        XCTAssertFalse(short.reasons.joined().contains("unknown"))
        XCTAssertEqual(judge([nil, 25]).verdict, .served, "known room enough for 20 residents")
    }

    /// Scenario: receiving practices without FTE make the room unknown,
    /// never "all have room" beside "their room is unknown".
    func testScenarioRoomIsOneStatement() throws {
        let pop = try fixtures.rdPoints("pop2.geojson", [(104_500, 500_000, ["id": "p1", "inwoners": 100])])
        let gp = try fixtures.rdPoints("gp2.geojson", [
            (100_000, 500_000, ["id": "A", "status": "open"]), (104_000, 500_000, ["id": "B", "status": "open"]),
        ])
        let job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: fixtures.folder + "/out2")
        let o = try ScenarioJob(job: job, changes: [.close(id: "B")]).run()
        XCTAssertTrue(o.summary.contains("whether they have room is unknown (no FTE in the practice list)"), o.summary)
        XCTAssertFalse(o.summary.contains("all have room"), o.summary)
    }
}
