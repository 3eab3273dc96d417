import XCTest
import Geo
@testable import Access

/// A scenario change can set a practice partial with the postcodes it still
/// accepts (issue 13): read from a changes file's `eligible_postcodes` or
/// `postcodes` column, applied to the practice list, and refused with a
/// named error where it would silently do nothing.
final class ScenarioEligibilityTests: XCTestCase {
    let practices = ["A", "B", "C", "D"].map { Practice(id: $0, name: $0, location: Coordinate(x: 100_000, y: 500_000), status: .open) }

    func testChangesFileSetsPartialWithPostcodes() throws {
        let f = try Fixtures()
        let path = try f.write("changes.csv", "action,practice_id,value,eligible_postcodes\npartial,A,,9401-9403; 9411AB\nstatus,B,partial,9500\nclose,C,,\n")
        let list = try ChangeFileReader.read(path: path, crs: "EPSG:28992").changes
        let expectedA = PostcodeSet(pc4Ranges: [9401...9403], pc6: [Postcode(text: "9411AB")!])
        XCTAssertEqual(list, [.setStatus(id: "A", status: .partial), .setEligibility(id: "A", postcodes: expectedA, text: "9401-9403; 9411AB"),
                              .setStatus(id: "B", status: .partial), .setEligibility(id: "B", postcodes: PostcodeSet(pc4Ranges: [9500...9500]), text: "9500"),
                              .close(id: "C")])
        let changed = try ScenarioApplier.apply(list, to: practices, parameters: AnalysisParameters())
        XCTAssertEqual(changed[0].status, .partial)
        XCTAssertEqual(changed[0].eligibility, .postcodes(expectedA))
        XCTAssertTrue(expectedA.contains(Postcode(text: "9402")!) && !expectedA.contains(Postcode(text: "9404")!))
        XCTAssertEqual(changed[1].eligibility, .postcodes(PostcodeSet(pc4Ranges: [9500...9500])))
        XCTAssertNil(changed[2].eligibility)
        XCTAssertEqual(changed[0].statusSource, "scenario")
    }

    func testPostcodesOnARowThatDoesNotSetPartialAreRefused() throws {
        let f = try Fixtures()
        let path = try f.write("changes.csv", "action,practice_id,value,postcodes\nclose,A,,9401\n")
        XCTAssertThrowsError(try ChangeFileReader.read(path: path, crs: "EPSG:28992")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("row 1") && text.contains("postcodes") && text.contains("partial"), text)
        }
        let fte = try f.write("changes2.csv", "action,practice_id,value,postcodes\nfte,A,2,9401\n")
        XCTAssertThrowsError(try ChangeFileReader.read(path: fte, crs: "EPSG:28992"))
    }

    func testMalformedPostcodeListsNameTheRowAndPiece() throws {
        let f = try Fixtures()
        for (list, piece) in [("9405-9401", "9405-9401"), ("94O1", "94O1")] {
            let path = try f.write("bad.csv", "action,practice_id,value,eligible_postcodes\npartial,A,,\(list)\n")
            XCTAssertThrowsError(try ChangeFileReader.read(path: path, crs: "EPSG:28992")) { e in
                let text = "\(e)"
                XCTAssertTrue(text.contains("row 1") && text.contains("eligible_postcodes") && text.contains(piece), text)
            }
        }
    }

    func testEligibilityOnAPracticeThatEndsNotPartialIsRefused() {
        let set = PostcodeSet(pc4Ranges: [9401...9401])
        XCTAssertThrowsError(try ScenarioApplier.apply([.setEligibility(id: "A", postcodes: set, text: "9401")], to: practices,
                                                       parameters: AnalysisParameters())) { e in
            XCTAssertTrue("\(e)".contains("partial"), "\(e)")
        }
        XCTAssertThrowsError(try ScenarioApplier.apply([.setStatus(id: "A", status: .partial),
                                                        .setEligibility(id: "A", postcodes: set, text: "9401"),
                                                        .setEligibility(id: "A", postcodes: PostcodeSet(pc4Ranges: [9402...9402]), text: "9402")],
                                                       to: practices, parameters: AnalysisParameters())) { e in
            guard case ScenarioError.contradictoryChanges = e else { return XCTFail("\(e)") }
        }
    }

    /// The scenario's eligible sets are built again from the changed list:
    /// the practice set partial with postcodes accepts exactly the points
    /// whose postcode lies in its list (checked point by point here).
    func testScenarioInputsRebuildTheEligibleSets() throws {
        let codes = ["9401AB", "9402", "9403CD", "9411AB", "9411AC", "9500"]
        var population = codes.enumerated().map { k, c -> PopulationPoint in
            var p = PopulationPoint(id: "p\(k)", location: Coordinate(x: 100_000 + Double(k) * 100, y: 500_000), inhabitants: 10)
            p.postcode = Postcode(text: c)
            return p
        }
        population.append(PopulationPoint(id: "none", location: Coordinate(x: 101_000, y: 500_000), inhabitants: 5))
        let inputs = AnalyzeJob.Inputs(population: population, practices: practices, regions: [], reports: [], notes: [],
                                       roadGraph: nil, roadRead: nil, startedAt: "", timings: [:])
        let list = [PracticeChange.setStatus(id: "B", status: .partial),
                    .setEligibility(id: "B", postcodes: try PostcodeSet.parse("9401-9403; 9411AB"), text: "9401-9403; 9411AB")]
        let changed = try ScenarioApplier.apply(list, to: practices, parameters: AnalysisParameters())
        let scenario = try ScenarioEligibility.inputs(inputs, changed: changed)
        XCTAssertEqual(scenario.eligible?.pointsByPractice, [1: [0, 1, 2, 3]])
        XCTAssertEqual(scenario.eligible?.pointsWithoutPostcode, 1)
        // Lifting every partial stop leaves no sets.
        XCTAssertNil(try ScenarioEligibility.inputs(scenario, changed: practices).eligible)
    }
}
