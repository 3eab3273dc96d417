import XCTest
import Geo
@testable import Access

/// The StraightLineAnalysisTests fixture through the capacity step.
final class CapacityJobTests: XCTestCase {
    func testFixtureByHand() throws {
        let t = StraightLineAnalysisTests(name: "fixture", testClosure: { _ in })
        try t.setUpWithError()
        let out = t.fixtures.folder + "/cap"
        var j = t.job(out)
        j.parameters.minInhabitants = 150
        let o = try j.run()
        // Open supply: A (2 FTE) and D (1.5). Within 5 km: A–p1 400 m, A–p2 4000 m; D reaches nobody.
        // R_A = 2 / (100 + 50); p1 and p2: 2/150 × 10,000 = 133.333 per 10k; p3 (9.2 km from A) 0.
        let fca = o.result.capacity!.fcaPer10k
        XCTAssertEqual(fca[0]!, 20_000.0 / 150, accuracy: 1e-9)
        XCTAssertEqual(fca[1]!, 20_000.0 / 150, accuracy: 1e-9)
        XCTAssertEqual(fca[2]!, 0)
        // Default FTE = median(2, 1, 1.5) = 1.5 for C. West: (2 + 1.5) × 2095 = 7332.5; East: (1 + 1.5) × 2095 = 5237.5.
        XCTAssertEqual(o.result.parameters.defaultFTE, 1.5)
        // Regions are in id order (StableOrder): E, then W.
        let e = o.result.regions[0].capacity, w = o.result.regions[1].capacity
        XCTAssertEqual(w.capacityPlaces!, 7_332.5, accuracy: 1e-9)
        XCTAssertEqual(e.capacityPlaces!, 5_237.5, accuracy: 1e-9)
        XCTAssertEqual(e.shortfallPlaces, 0)
        // East: (50 × 133.333 + 200 × 0) / 250 = 26.667.
        XCTAssertEqual(e.fcaPer10k!, 20_000.0 / 150 * 50 / 250, accuracy: 1e-9)
        // West has 100 inhabitants < 150: suppressed in the export.
        XCTAssertTrue(w.suppressed)
        XCTAssertNil(w.signal)
        XCTAssertEqual(e.signal?.rank, 1)
        let csv = try String(contentsOfFile: out + "/regions.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        for name in ["gp_fte_per_10k", "capacity_places", "shortfall_places", "closed_or_partial_share", "fca_per_10k", "light", "urgency_rank", "reasons"] {
            XCTAssertTrue(header.contains(name), name)
        }
        let west = csv.first { $0.first == "W" }!
        XCTAssertEqual(west[header.firstIndex(of: "inhabitants")!], "")
        XCTAssertEqual(west[header.firstIndex(of: "fca_per_10k")!], "")
        XCTAssertEqual(west[header.firstIndex(of: "capacity_places")!], "7333", "whole places")
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let counts = run["counts"] as! [String: Double]
        XCTAssertEqual(counts["regions_suppressed"], 1)
        XCTAssertEqual(counts["flagged_regions"], 1, "East (250 inhabitants, 20 % within 5 km) is flagged")
        XCTAssertEqual(counts["practices_without_fte"], 1)
        let pop = try String(contentsOfFile: out + "/population.geojson", encoding: .utf8)
        XCTAssertTrue(pop.contains("\"fca_per_10k\""))
    }

    /// East (250 inhabitants) is flagged by hand (20 % within 5 km, mean 7.6 km);
    /// below --min-inhabitants its flag is as suppressed as its statistics:
    /// not counted in run.json, not in the summary.
    func testSuppressedRegionIsNotFlagged() throws {
        let t = StraightLineAnalysisTests(name: "fixture", testClosure: { _ in })
        try t.setUpWithError()
        let out = t.fixtures.folder + "/suppressed"
        var j = t.job(out)
        j.parameters.minInhabitants = 300
        let o = try j.run()
        let east = o.result.regions[0]
        XCTAssertTrue(east.capacity.suppressed)
        XCTAssertFalse(east.flagged)
        XCTAssertEqual(east.flagReasons, [])
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let counts = run["counts"] as! [String: Double]
        XCTAssertEqual(counts["regions_suppressed"], 2)
        XCTAssertEqual(counts["flagged_regions"], 0)
        let summary = SummaryText.make(o, outputFolder: out)
        XCTAssertFalse(summary.contains("FLAGGED"), summary)
        XCTAssertTrue(summary.contains("0 of 2 regions flagged"), summary)
    }
}
