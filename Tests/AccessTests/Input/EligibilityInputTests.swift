import XCTest
import Geo
@testable import Access

/// Eligibility on the practice list (`--eligibility-field`), polygons per
/// practice (`--eligibility`), the points' postcodes (id, field,
/// `--postcode-areas`) and the eligible sets the analysis reads.
final class EligibilityInputTests: FixturesTestCase {
    /// Five points along y = 557000, x = 233000 + 1000·k, postcodes 9401AA, 9401AB, 9402AA, 9403 (PC4 only) and none.
    func population() throws -> String {
        try f.write("pop.csv", """
        id,x,y,inwoners,postcode
        a,233000,557000,10,9401AA
        b,234000,557000,20,9401 ab
        c,235000,557000,30,9402AA
        d,236000,557000,40,9403
        e,237000,557000,50,
        """)
    }

    func job(_ practices: String, _ configure: (inout InputOptions) -> Void = { _ in }) throws -> AnalyzeJob {
        var job = AnalyzeJob(populationPath: try population(), practicesPath: practices, regionsPath: nil, outputFolder: f.folder + "/out")
        configure(&job.input)
        return job
    }

    func testFieldIsAutoDetectedAndAppliesOnlyToPartialPractices() throws {
        let gp = try f.write("gp.csv", """
        id,status,x,y,alleen_postcodes
        P1,gedeeltelijk,233000,558000,9401
        P2,partial,235000,558000,9402AA; 9403
        P3,open,236000,558000,9401-9403
        P4,partial,237000,558000,
        P5,open,238000,558000,
        """)
        let inputs = try job(gp).readInputs()
        let byID = Dictionary(uniqueKeysWithValues: inputs.practices.map { ($0.id, $0) })
        XCTAssertEqual(byID["P1"]?.eligibility, .postcodes(PostcodeSet(pc4Ranges: [9401...9401])))
        XCTAssertEqual(byID["P2"]?.eligibility, .postcodes(PostcodeSet(pc4Ranges: [9403...9403], pc6: [Postcode(text: "9402AA")!])))
        XCTAssertNil(byID["P3"]?.eligibility, "an open practice's list is ignored")
        XCTAssertNil(byID["P4"]?.eligibility)
        let report = try XCTUnwrap(inputs.reports[1].eligibility)
        XCTAssertEqual(report.field, "alleen_postcodes")
        XCTAssertEqual(report.fromField, 3)
        XCTAssertEqual(report.ignoredNotPartial, 1)
        XCTAssertEqual(report.restrictedPractices, 2)
        XCTAssertEqual(report.partialWithoutArea, 1)
        XCTAssertEqual(report.pointsWithoutPostcode, 1)
        XCTAssertEqual(report.inhabitantsWithoutPostcode, 50)
        XCTAssertTrue(inputs.asOfNotes.contains { $0.contains("1 practices have an eligibility area but are not partial") }, "\(inputs.asOfNotes)")
        XCTAssertTrue(inputs.asOfNotes.contains { $0.contains("1 population points (50 inhabitants) have no postcode") }, "\(inputs.asOfNotes)")
        // Practices are in id order: P1 = 0 takes a, b (9401); P2 = 1 takes c (9402AA) and d (PC4 9403).
        let sets = try XCTUnwrap(inputs.eligible)
        XCTAssertEqual(sets.pointsByPractice, [0: [0, 1], 1: [2, 3]])
        XCTAssertEqual(sets.pointsWithoutPostcode, 1)
        XCTAssertTrue(sets.accepts(practice: 4, point: 4), "an unrestricted practice takes everyone")
    }

    func testNamedFieldAndMalformedListsSkippedOrStrict() throws {
        let gp = try f.write("gp.csv", """
        id,status,x,y,gebied
        P1,partial,233000,558000,9405-9401
        P2,partial,235000,558000,94O1
        P3,partial,236000,558000,9401
        """)
        let inputs = try job(gp) { $0.eligibilityField = "gebied" }.readInputs()
        XCTAssertEqual(inputs.practices.map { $0.eligibility == nil }, [true, true, false], "the list is left out, the practice kept")
        let report = inputs.reports[1]
        XCTAssertEqual(report.eligibility?.unreadableLists, 2)
        XCTAssertEqual(report.skipped["eligibility list unreadable (list left out, practice kept)"], 2)
        XCTAssertTrue(report.examples.contains { $0.contains("feature 1") && $0.contains("9405-9401") && $0.contains("backwards") }, "\(report.examples)")
        assertInputError(try job(gp) { $0.eligibilityField = "gebied"; $0.strict = true }.readInputs(),
                         contains: ["gp.csv", "feature 1", "gebied", "9405-9401", "backwards"])
        assertInputError(try job(gp) { $0.eligibilityField = "nope" }.readInputs(), contains: ["gp.csv", "--eligibility-field", "gebied"])
    }

    func testPolygonsPerPracticeAreUnionedAndWinOverTheField() throws {
        let gp = try f.write("gp.csv", """
        id,status,x,y,postcodes
        P1,partial,233000,558000,9403
        P2,partial,236000,558000,
        P3,closed,237000,558000,
        """)
        // P1: two squares around points a and c; P2: one around d; P3 closed; P9 not in the list.
        let areas = try f.rdPolygons("dorpen.geojson", [
            (Fixtures.square(232_500, 556_500, 1000), ["praktijk_id": "P1"]),
            (Fixtures.square(234_500, 556_500, 1000), ["praktijk_id": "P1"]),
            (Fixtures.square(235_500, 556_500, 1000), ["praktijk_id": "P2"]),
            (Fixtures.square(236_500, 556_500, 1000), ["praktijk_id": "P3"]),
            (Fixtures.square(230_000, 556_500, 1000), ["praktijk_id": "P9"]),
        ])
        let inputs = try job(gp) { $0.eligibilityPath = areas }.readInputs()
        guard case .polygons(let g)? = inputs.practices[0].eligibility else { return XCTFail("P1 has polygons") }
        XCTAssertEqual(try GeometryEngine().area(g), 2_000_000, accuracy: 1, "both squares")
        XCTAssertNil(inputs.practices[2].eligibility, "closed: ignored")
        XCTAssertEqual(inputs.eligible?.pointsByPractice, [0: [0, 2], 1: [3]])
        let e = try XCTUnwrap(inputs.reports[1].eligibility)
        XCTAssertEqual(e.fromFile, 3)
        XCTAssertEqual(e.fileOverField, 1)
        XCTAssertEqual(e.unknownPracticeIDs, 1)
        XCTAssertEqual(e.unknownPracticeIDExamples, ["P9"])
        XCTAssertEqual(e.ignoredNotPartial, 1)
        XCTAssertNil(e.pointsWithoutPostcode, "no postcode list in force: points without a postcode do not matter")
        XCTAssertTrue(inputs.notes.contains { $0.contains("both a postcode list") && $0.contains("P1") }, "\(inputs.notes)")
        let fileReport = try XCTUnwrap(inputs.reports.first { $0.role == "eligibility areas" })
        XCTAssertEqual(fileReport.skipped["practice id not in the practice list"], 1)
        XCTAssertTrue(fileReport.warnings.contains { $0.contains("P9") }, "\(fileReport.warnings)")
        assertInputError(try job(gp) { $0.eligibilityPath = areas; $0.strict = true }.readInputs(),
                         contains: ["dorpen.geojson", "feature 5", "praktijk_id", "P9"])
    }

    func testInvalidPolygonsAreRepairedAndCountedOrStrict() throws {
        let gp = try f.write("gp.csv", "id,status,x,y\nP1,partial,233000,558000\n")
        // A bow tie: two triangles that meet at its centre, an invalid polygon.
        let bowTie: [[Double]] = [[232_500, 556_500], [233_500, 557_500], [233_500, 556_500], [232_500, 557_500], [232_500, 556_500]]
        let areas = try f.rdPolygons("tie.geojson", [(bowTie, ["id": "P1"])])
        let inputs = try job(gp) { $0.eligibilityPath = areas }.readInputs()
        let report = try XCTUnwrap(inputs.reports.first { $0.role == "eligibility areas" })
        XCTAssertEqual(report.skipped["repaired (kept)"], 1)
        guard case .polygons(let g)? = inputs.practices[0].eligibility else { return XCTFail("P1 has its repaired area") }
        XCTAssertEqual(try GeometryEngine().area(g), 500_000, accuracy: 1, "two triangles of a quarter square each")
        assertInputError(try job(gp) { $0.eligibilityPath = areas; $0.strict = true }.readInputs(),
                         contains: ["tie.geojson", "feature 1", "invalid polygon"])
    }

    func testPostcodeFromThePC4IdOrNotAtAll() throws {
        let pc4 = try f.write("pc4.csv", "pc4,x,y,inwoners\n9401,233000,557000,10\n9402,234000,557000,20\n")
        let (points, report) = try PopulationReader.read(path: pc4, options: InputOptions())
        XCTAssertEqual(points.map(\.postcode), [Postcode(text: "9401"), Postcode(text: "9402")])
        XCTAssertEqual(report.postcodes?.source, "field pc4")
        // A PC6 id under another name: the id, since every id is a postcode.
        let pc6 = try f.write("pc6.csv", "code,x,y,inwoners\n9401AB,233000,557000,10\n9402 cd,234000,557000,20\n")
        let (six, sixReport) = try PopulationReader.read(path: pc6, options: InputOptions())
        XCTAssertEqual(six.map(\.postcode), [Postcode(text: "9401AB"), Postcode(text: "9402CD")])
        XCTAssertEqual(sixReport.postcodes?.source, "id (code)")
        // Ids that are not all postcodes are no postcodes, even the ones that look like one.
        let ids = try f.write("ids.csv", "id,x,y,inwoners\n1234,233000,557000,10\n17,234000,557000,20\n")
        let (plain, plainReport) = try PopulationReader.read(path: ids, options: InputOptions())
        XCTAssertEqual(plain.map(\.postcode), [nil, nil])
        XCTAssertTrue(plainReport.postcodes?.source.hasPrefix("none") == true)
        // A named field with a value that is no postcode: counted, or an error with --strict.
        let bad = try f.write("bad.csv", "id,x,y,inwoners,pcode\n1,233000,557000,10,9401AB\n2,234000,557000,20,XYZ\n")
        var o = InputOptions()
        o.populationPostcodeField = "pcode"
        let (badPoints, badReport) = try PopulationReader.read(path: bad, options: o)
        XCTAssertEqual(badPoints.map(\.postcode), [Postcode(text: "9401AB"), nil])
        XCTAssertEqual(badReport.postcodes?.unreadable, 1)
        o.strict = true
        assertInputError(try PopulationReader.read(path: bad, options: o), contains: ["bad.csv", "feature 2", "pcode", "XYZ"])
    }

    func testPostcodeAreasFillTheGapsPC6BeforePC4() throws {
        let pop = try f.write("pop.csv", "id,x,y,inwoners\n1,233100,557100,10\n2,233900,557100,20\n3,240000,557000,30\n")
        // A PC4 polygon over both points and a PC6 polygon over the first; point 3 lies in neither.
        let areas = try f.rdPolygons("pc.geojson", [
            (Fixtures.square(233_000, 557_000, 1000), ["postcode": "9401"]),
            (Fixtures.square(233_000, 557_000, 500), ["postcode": "9401 XY"]),
        ])
        var job = AnalyzeJob(populationPath: pop, practicesPath: try f.write("gp.csv", "id,status,x,y,postcodes\nP,partial,233000,558000,9401XY\n"),
                             regionsPath: nil, outputFolder: f.folder + "/out")
        job.input.postcodeAreas = areas
        let inputs = try job.readInputs()
        XCTAssertEqual(inputs.population.map(\.postcode), [Postcode(text: "9401XY"), Postcode(text: "9401"), nil])
        let pc = try XCTUnwrap(inputs.reports[0].postcodes)
        XCTAssertEqual(pc.fromAreas, 2)
        XCTAssertEqual(pc.outsideAreas, 1)
        XCTAssertEqual(inputs.eligible?.pointsByPractice, [0: [0]], "only the PC6 point; the PC4-only point is not inside a PC6 list")
        XCTAssertEqual(inputs.reports[1].eligibility?.pointsWithoutPostcode, 1)
    }
}
