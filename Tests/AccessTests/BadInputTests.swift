import XCTest
import Geo
@testable import Access

/// Every kind of bad input gets a clear error or a counted skip, never a crash.
final class BadInputTests: FixturesTestCase {
    let practices = """
    id,name,x,y,status
    A,Praktijk A,233000,557000,open
    B,Praktijk B,236000,557000,nee
    """

    func readPopulation(_ path: String, strict: Bool = false, crs: String? = nil) throws -> ([PopulationPoint], InputReport) {
        var o = InputOptions()
        o.strict = strict
        o.crs = crs
        return try PopulationReader.read(path: path, options: o)
    }

    func assertError(_ body: @autoclosure () throws -> Any, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { e in
            for p in parts { XCTAssertTrue("\(e)".contains(p), "'\(p)' missing in: \(e)", file: file, line: line) }
        }
    }

    func testMissingFile() {
        assertError(try readPopulation(f.folder + "/missing.gpkg"), contains: ["missing.gpkg", "no such file"])
    }

    func testUnsupportedFormat() throws {
        let p = try f.write("table.xyz", "\u{0}\u{1}binary")
        assertError(try readPopulation(p), contains: ["table.xyz", "cannot open"])
    }

    func testEmptyLayer() throws {
        let p = try f.write("empty.geojson", #"{"type":"FeatureCollection","features":[]}"#)
        assertError(try readPopulation(p), contains: ["empty.geojson", "no features"])
    }

    func testMissingFieldListsTheFieldsThereAre() throws {
        let p = try f.write("pop.csv", "id,x,y,mensen\n1,233000,557000,10\n")
        assertError(try readPopulation(p), contains: ["pop.csv", "no inhabitants field", "mensen", "--inhabitants-field"])
        var o = InputOptions()
        o.inhabitantsField = "people"
        assertError(try PopulationReader.read(path: p, options: o), contains: ["people", "mensen"])
        o.inhabitantsField = "mensen"
        XCTAssertEqual(try PopulationReader.read(path: p, options: o).0.first?.inhabitants, 10)
    }

    func testNonNumericAndNegativeInhabitantsAreSkippedAndCounted() throws {
        let p = try f.write("pop.csv", """
        id,x,y,inwoners
        1,233000,557000,10
        2,233100,557000,veel
        3,233200,557000,-99997
        4,233300,557000,
        5,233400,557000,"1.250"
        """)
        let (points, report) = try readPopulation(p)
        XCTAssertEqual(points.map(\.id), ["1", "5"])
        XCTAssertEqual(points[1].inhabitants, 1250, "a count column whose only dotted value has three digits after the dot uses thousands dots (issue 9)")
        XCTAssertEqual(report.skipped["non-numeric inhabitants"], 1)
        XCTAssertEqual(report.skipped["negative inhabitants"], 1)
        XCTAssertEqual(report.skipped["no inhabitants value"], 1)
        XCTAssertEqual(report.features, 5)
        XCTAssertTrue(report.examples.contains { $0.contains("feature 2") && $0.contains("veel") }, "\(report.examples)")
        assertError(try readPopulation(p, strict: true), contains: ["pop.csv", "feature 2", "inwoners", "veel"])
    }

    func testNonFiniteAndEmptyGeometriesAreSkipped() throws {
        let p = try f.write("pop.csv", """
        id,x,y,inwoners
        1,233000,557000,10
        2,nan,557000,10
        3,,,10
        4,233000,inf,10
        """)
        let (points, report) = try readPopulation(p)
        XCTAssertEqual(points.map(\.id), ["1"])
        XCTAssertEqual(report.skippedTotal, 3, "\(report.skipped)")
        assertError(try readPopulation(p, strict: true), contains: ["pop.csv", "feature"])
    }

    func testCRSOfCSVIsDetectedOrAskedFor() throws {
        let rd = try f.write("rd.csv", "id,x,y,inwoners\n1,233000,557000,10\n")
        XCTAssertEqual(try readPopulation(rd).1.crsSource, "detected")
        let wgs = try f.write("wgs.csv", "id,lon,lat,inwoners\n1,6.56,52.99,10\n")
        let (pts, rep) = try readPopulation(wgs)
        XCTAssertEqual(rep.crsSource, "detected")
        XCTAssertTrue(rep.crs.contains("4326"))
        XCTAssertEqual(pts[0].location.x, 233_000, accuracy: 2_000, "lon/lat transformed to RD")
        let swapped = try f.write("swapped.csv", "id,lon,lat,inwoners\n1,52.99,6.56,10\n")
        assertError(try readPopulation(swapped), contains: ["swapped.csv", "swapped"])
        let utm = try f.write("utm.csv", "id,x,y,inwoners\n1,500000,5800000,10\n")
        assertError(try readPopulation(utm), contains: ["utm.csv", "--crs"])
        XCTAssertEqual(try readPopulation(utm, crs: "EPSG:32631").0.count, 1)
    }

    func testCoordinatesOutsideTheNetherlandsWarn() throws {
        // Declared WGS84 but written lat/lon: lands far outside the Netherlands.
        let p = try f.write("pop.geojson", """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"inwoners":5},"geometry":{"type":"Point","coordinates":[52.99,6.56]}},
         {"type":"Feature","properties":{"inwoners":5},"geometry":{"type":"Point","coordinates":[6.56,52.99]}}]}
        """)
        let (_, report) = try readPopulation(p)
        XCTAssertTrue(report.warnings.contains { $0.contains("1 of 2") && $0.contains("outside the Netherlands") }, "\(report.warnings)")
    }

    func testInvalidPolygonIsRepairedOrRejected() throws {
        let bowtie: [[Double]] = [[0, 0], [2000, 2000], [2000, 0], [0, 2000], [0, 0]].map { [$0[0] + 200_000, $0[1] + 500_000] }
        let p = try f.rdPolygons("regions.geojson", [(bowtie, ["code": "X", "naam": "Strik"]),
                                                     (Fixtures.square(210_000, 500_000, 1000), ["code": "Y", "naam": "Vierkant"])])
        let (regions, report) = try RegionReader.read(path: p, options: InputOptions())
        XCTAssertEqual(regions.count, 2)
        XCTAssertEqual(report.skipped["repaired (kept)"], 1)
        XCTAssertTrue(report.warnings.contains { $0.contains("repaired") })
        XCTAssertEqual(try GeometryEngine().area(regions[0].geometry), 2_000_000, accuracy: 1)
        var strict = InputOptions()
        strict.strict = true
        assertError(try RegionReader.read(path: p, options: strict), contains: ["regions.geojson", "feature 1", "Self-intersection"])
    }

    func testNoOpenPracticeIsAClearError() throws {
        let pop = try f.write("pop.csv", "id,x,y,inwoners\n1,233000,557000,10\n")
        let gp = try f.write("gp.csv", "id,x,y,patientenstop\nA,233000,557000,ja\nB,236000,557000,ja\n")
        let job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
        assertError(try job.run(), contains: ["gp.csv", "no practice is open", "closed: 2", "--unknown-status"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.folder + "/out/population.geojson"))
    }

    func testDuplicatePracticeIDs() throws {
        let gp = try f.write("gp.csv", "id,x,y,status\nA,233000,557000,open\nA,236000,557000,open\n")
        assertError(try PracticeReader.read(path: gp, options: InputOptions()), contains: ["gp.csv", "'A'", "1, 2"])
    }

    func testBadFTEIsNamed() throws {
        let gp = try f.write("gp.csv", "id,x,y,status,fte\nA,233000,557000,open,twee\n")
        assertError(try PracticeReader.read(path: gp, options: InputOptions()), contains: ["gp.csv", "feature 1", "fte", "twee"])
        let neg = try f.write("gp2.csv", "id,x,y,status,fte\nA,233000,557000,open,-1\n")
        assertError(try PracticeReader.read(path: neg, options: InputOptions()), contains: ["gp2.csv", "fte", "from 0 to", "-1"])
    }

    func testUnrecognisedStatusIsReported() throws {
        let gp = try f.write("gp.csv", "id,x,y,status\nA,233000,557000,open\nB,236000,557000,misschien\n")
        let (list, report) = try PracticeReader.read(path: gp, options: InputOptions())
        XCTAssertEqual(list.map(\.status), [.open, .unknown])
        XCTAssertTrue(report.warnings.contains { $0.contains("'misschien'") }, "\(report.warnings)")
    }

    func testFailedWriteLeavesNoPartialOutput() throws {
        let out = f.folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "previous".write(toFile: out + "/regions.csv", atomically: true, encoding: .utf8)
        try "{\"tool\": \"bereik\"}".write(toFile: out + "/run.json", atomically: true, encoding: .utf8)
        // A point PROJ cannot move to WGS84 makes writing population.geojson fail.
        let population = [PopulationPoint(id: "nowhere", location: Coordinate(x: .nan, y: .nan), inhabitants: 1)]
        let practices = [Practice(id: "A", name: "A", location: Coordinate(x: 233_000, y: 557_000), status: .open)]
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: AnalysisParameters())
        let base = RunReport(command: [], startedAt: "", syntheticData: false, dataNote: nil, inputs: [], parameters: AnalysisParameters(),
                             counts: [:], practiceStatuses: [:], warnings: [], timingsSeconds: [:], libraries: [:], outputs: [])
        // The CLI wraps every write in the output folder transaction.
        XCTAssertThrowsError(try OutputTransaction.run(out: out, inputs: []) { tx in
            try OutputWriter(folder: tx.staging, geoPackage: false).write(
                result, population: population, practices: practices, regions: [], report: { _ in }, baseReport: base)
        })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["regions.csv", "run.json"], "no partial files")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.folder).filter { $0.contains("staging") }, [], "no staging folder")
        XCTAssertEqual(try String(contentsOfFile: out + "/regions.csv", encoding: .utf8), "previous")
    }
}
