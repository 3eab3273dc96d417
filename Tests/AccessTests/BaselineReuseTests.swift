import Foundation
import Geo
import XCTest
@testable import Access

/// A changed practice list analysed on a kept baseline (its points' road
/// snaps and its FCA catchment pairs taken over) gives exactly what a fresh
/// analysis of the same list gives: the independent computation here is the
/// full analysis, which snaps and searches everything again.
final class BaselineReuseTests: XCTestCase {
    static func defaultJob() throws -> AnalyzeJob {
        let data = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData").path
        guard FileManager.default.fileExists(atPath: data + "/practices.geojson") else { throw XCTSkip("GeoData/ not found") }
        var job = AnalyzeJob(populationPath: data + "/population.geojson", practicesPath: data + "/practices.geojson",
                             regionsPath: data + "/gemeenten.geojson", outputFolder: "")
        job.roadsPath = data + "/roads.geojson"
        job.writeCatchments = false
        return job
    }

    func assertSame(_ fresh: AnalyzeJob.Analysis, _ reused: AnalyzeJob.Analysis, practices: [Practice], regions: [Region],
                    _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = fresh.result, b = reused.result
        XCTAssertEqual(a.capacity?.fcaPer10k, b.capacity?.fcaPer10k, "fca_per_10k, \(what)", file: file, line: line)
        XCTAssertEqual(a.capacity?.pairs, b.capacity?.pairs, "FCA pairs, \(what)", file: file, line: line)
        XCTAssertEqual(a.capacity?.basis, b.capacity?.basis, file: file, line: line)
        let ra = try XCTUnwrap(a.road), rb = try XCTUnwrap(b.road)
        XCTAssertEqual(ra.roadM, rb.roadM, "road_m, \(what)", file: file, line: line)
        XCTAssertEqual(ra.roadPractice, rb.roadPractice, file: file, line: line)
        XCTAssertEqual(ra.roadSecondM, rb.roadSecondM, file: file, line: line)
        XCTAssertEqual(ra.minutes, rb.minutes, "minutes, \(what)", file: file, line: line)
        XCTAssertEqual(ra.snapM, rb.snapM, file: file, line: line)
        let ta = DecisionRows.analysis(a, practices: practices, regions: regions)
        let tb = DecisionRows.analysis(b, practices: practices, regions: regions)
        XCTAssertEqual(ta.regions.fields, tb.regions.fields, file: file, line: line)
        XCTAssertEqual(ta.regions.rows, tb.regions.rows, "regions.csv, \(what)", file: file, line: line)
        XCTAssertEqual(ta.practices.rows, tb.practices.rows, "practice table, \(what)", file: file, line: line)
    }

    func testScenarioOnKeptBaselineEqualsFreshAnalysis() throws {
        let job = try Self.defaultJob()
        let inputs = try job.readInputs()
        let baseline = try job.baseline(inputs, forScenarios: true)
        let kept = try XCTUnwrap(baseline.keptPairs, "the default data has FTEs, so the pairs are kept")
        XCTAssertGreaterThanOrEqual(kept.pairCount, baseline.result.capacity?.pairs ?? .max, "kept pairs are before eligibility, so at least as many")
        let practices = inputs.practices
        // The practice most inhabitants have as nearest, one with an FTE, and a new one between them.
        let busiest = baseline.result.practices.indices.max { baseline.result.practices[$0].assignedInhabitants < baseline.result.practices[$1].assignedInhabitants }!
        let withFTE = try XCTUnwrap(practices.firstIndex { $0.gpFTE != nil && $0.status == .open })
        let a = practices[busiest].location, b = practices[withFTE].location
        let added = Practice(id: "new1", name: "New", location: Coordinate(x: (a.x + b.x) / 2 + 300, y: (a.y + b.y) / 2 - 200),
                             status: .open, statusSource: "scenario", gpFTE: 2)
        let scenarios: [(String, [PracticeChange])] = [
            ("close the busiest", [.close(id: practices[busiest].id)]),
            ("partial + FTE", [.setStatus(id: practices[withFTE].id, status: .partial), .setFTE(id: practices[busiest].id, fte: 0.5)]),
            ("add one", [.add(added)]),
            ("close and add", [.close(id: practices[busiest].id), .add(added)]),
        ]
        for (what, changes) in scenarios {
            let changed = try ScenarioApplier.apply(changes, to: practices, parameters: job.parameters)
            let fresh = try job.analyse(ScenarioEligibility.inputs(inputs, changed: changed), practices: changed)
            let reused = try job.analyse(changed: changed, on: baseline)
            try assertSame(fresh, reused, practices: changed, regions: inputs.regions, what)
            XCTAssertNotEqual(fresh.result.capacity?.fcaPer10k, baseline.result.capacity?.fcaPer10k, "\(what) changes nothing: a weak test")
        }
    }

    /// Pairs kept for other practice locations or another catchment are not used.
    func testKeptPairsAreRefusedWhenTheyDoNotFit() throws {
        let job = try Self.defaultJob()
        let inputs = try job.readInputs()
        let baseline = try job.baseline(inputs, forScenarios: true)
        let kept = try XCTUnwrap(baseline.keptPairs)
        let basis = try XCTUnwrap(baseline.result.capacity?.basis)
        var moved = inputs.practices
        moved[0].location.x += 500
        XCTAssertTrue(kept.fits(inputs.practices, catchment: kept.catchment, basis: basis))
        XCTAssertFalse(kept.fits(moved, catchment: kept.catchment, basis: basis))
        XCTAssertFalse(kept.fits(inputs.practices, catchment: kept.catchment + 1, basis: basis))
        XCTAssertFalse(kept.fits(Array(inputs.practices.dropLast()), catchment: kept.catchment, basis: basis))
    }
}
