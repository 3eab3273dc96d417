import XCTest
import Geo
@testable import Access

/// XLSX/ODS inputs and coordinate columns by name.
final class SpreadsheetAndCoordinateTests: FixturesTestCase {
    let practicesCSV = """
    praktijk_id,naam,status,lengtegraad,breedtegraad,fte
    P1,Huisarts Assen,open,6.5625,52.9925,2.5
    P2,Huisarts Emmen,vol,6.9069,52.7792,1.8
    """

    func testXLSXPracticesWithCoordinateColumns() throws {
        let path = try f.spreadsheet("praktijken.xlsx", csv: practicesCSV)
        let (practices, report) = try PracticeReader.read(path: path, options: InputOptions())
        XCTAssertEqual(practices.map(\.id), ["P1", "P2"])
        XCTAssertEqual(practices.map(\.status), [.open, .closed])
        XCTAssertEqual(practices[0].gpFTE, 2.5)
        // Independent: Assen station area in RD New is about (233 500, 557 000).
        XCTAssertEqual(practices[0].location.x, 233_500, accuracy: 2_000)
        XCTAssertEqual(practices[0].location.y, 557_000, accuracy: 2_000)
        XCTAssertEqual(report.driver, "XLSX")
        XCTAssertEqual(report.coordinateFields?["x"], "lengtegraad")
        XCTAssertEqual(report.numberFormats?["fte"], "typed number (not re-parsed)")
    }

    func testODSPracticesWithCoordinateColumns() throws {
        let path = try f.spreadsheet("praktijken.ods", csv: practicesCSV)
        let (practices, report) = try PracticeReader.read(path: path, options: InputOptions())
        XCTAssertEqual(practices.map(\.name), ["Huisarts Assen", "Huisarts Emmen"])
        XCTAssertEqual(report.driver, "ODS")
        XCTAssertEqual(practices[1].location.x, 256_500, accuracy: 3_000, "Emmen in RD New")
    }

    func testXLSXWithoutCoordinateColumnsListsTriedAndPresentColumns() throws {
        let path = try f.spreadsheet("adressen.xlsx", csv: "praktijk_id,naam,straat\nP1,A,Hoofdstraat 1\n")
        assertInputError(try PracticeReader.read(path: path, options: InputOptions()),
                         contains: ["adressen.xlsx", "no geometry and no coordinate columns", "lengtegraad", "x_rd", "breedtegraad",
                                    "praktijk_id, naam, straat", "--x-field", "--postcode-points"])
    }

    func testNamedCoordinateColumnsWithDecimalCommas() throws {
        let p = try f.write("pop.csv", "id;oost;noord;inwoners\n1;233000,5;557000,25;10\n2;233100,75;557000,5;20\n")
        var o = InputOptions()
        o.xField = "oost"; o.yField = "noord"
        let (points, report) = try PopulationReader.read(path: p, options: o)
        XCTAssertEqual(points.map(\.location.x), [233_000.5, 233_100.75])
        XCTAssertEqual(points.map(\.location.y), [557_000.25, 557_000.5])
        XCTAssertEqual(report.coordinateFields, ["x": "oost", "y": "noord"])
        XCTAssertTrue(report.numberFormats?["oost"]?.contains("decimal comma") ?? false, "\(String(describing: report.numberFormats))")
    }

    func testAmbiguousCoordinateColumnNeedsTheOption() throws {
        // RD coordinates written with thousands dots: 233.456 could be metres or 233 456 m.
        let p = try f.write("pop.csv", "id;x_rd;y_rd;inwoners\n1;233.456;557.120;10\n2;234.001;558.300;5\n")
        assertInputError(try PopulationReader.read(path: p, options: InputOptions()),
                         contains: ["pop.csv", "'x_rd'", "'233.456'", "'234.001'", "--decimal-separator"])
        var o = InputOptions()
        o.decimalSeparator = .comma
        let (points, report) = try PopulationReader.read(path: p, options: o)
        XCTAssertEqual(points.map(\.location.x), [233_456, 234_001])
        XCTAssertEqual(report.numberFormats?["x_rd"], "decimal comma (--decimal-separator)")
    }

    func testContradictoryColumnIsANamedError() throws {
        let p = try f.write("pop.csv", "id;x;y;inwoners\n1;233000;557000;1.234,5\n2;233100;557000;1,234.5\n")
        assertInputError(try PopulationReader.read(path: p, options: InputOptions()),
                         contains: ["pop.csv", "'inwoners'", "contradict", "'1.234,5'", "'1,234.5'"])
    }

    func testDuplicateColumnNameIsAnError() throws {
        let p = try f.write("pop.csv", "id,x,y,inwoners,inwoners\n1,233000,557000,10,20\n")
        assertInputError(try PopulationReader.read(path: p, options: InputOptions()), contains: ["pop.csv", "'inwoners'", "more than once"])
    }

    func testLatin1TextIsDecodedWithAWarning() throws {
        let path = f.folder + "/latin1.csv"
        var bytes = Array("id,naam,status,x,y\nP1,Caf".utf8)
        bytes += [0xE9] // é in Latin-1
        bytes += Array(" ".utf8) + [0xE9, 0xE9, 0x6E] + Array(",open,233000,557000\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (practices, report) = try PracticeReader.read(path: path, options: InputOptions())
        XCTAssertEqual(practices[0].name, "Café één")
        XCTAssertTrue(report.warnings.contains { $0.contains("not valid UTF-8") && $0.contains("Windows-1252") }, "\(report.warnings)")
    }

    func testCRSOptionDoesNotOverrideADeclaredCRS() throws {
        let p = try f.rdPoints("pop.geojson", [(233_000, 557_000, ["inwoners": 10])])
        var o = InputOptions()
        o.crs = "EPSG:4326"
        assertInputError(try PopulationReader.read(path: p, options: o), contains: ["pop.geojson", "EPSG:28992", "--force-crs"])
        o.crs = "EPSG:28992"
        XCTAssertEqual(try PopulationReader.read(path: p, options: o).0.count, 1, "the same CRS is fine")
    }
}
