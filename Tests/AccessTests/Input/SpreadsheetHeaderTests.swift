import XCTest
import Geo
@testable import Access

/// Headers as people type them in a spreadsheet: spaces and hyphens where
/// the recognised names have underscores.
final class SpreadsheetHeaderTests: FixturesTestCase {
    func testHeadersWithSpacesAndHyphensNameTheFields() throws {
        let p = try f.write("praktijken.csv", """
        Praktijk ID;Naam;Status;FTE huisarts;Aantal patienten;lon;lat
        ZK-1;Huisarts Assen;open;2,5;4200;6,5625;52,9925
        ZK-2;Huisarts Emmen;vol;1,8;3100;6,9069;52,7792

        """)
        let (practices, report) = try PracticeReader.read(path: p, options: InputOptions())
        XCTAssertEqual(practices.map(\.id), ["ZK-1", "ZK-2"], "not the feature numbers 1, 2")
        XCTAssertEqual(practices.map(\.gpFTE), [2.5, 1.8])
        XCTAssertEqual(practices.map(\.listSize), [4200, 3100])
        XCTAssertEqual(report.fields["id"], "Praktijk ID")
        XCTAssertEqual(report.fields["gp_fte"], "FTE huisarts")
    }

    func testAGBCodeWithAHyphenAndInhabitantsWithASpace() throws {
        let prac = try f.write("agb.csv", "AGB-code,status,x,y\n01234567,open,233000,557000\n")
        XCTAssertEqual(try PracticeReader.read(path: prac, options: InputOptions()).0.map(\.id), ["01234567"])
        let pop = try f.write("pop.csv", "PC4,Aantal inwoners,x,y\n9401,1234,233000,557000\n")
        let (points, _) = try PopulationReader.read(path: pop, options: InputOptions())
        XCTAssertEqual(points.map(\.inhabitants), [1234])
        XCTAssertEqual(points.map(\.id), ["9401"])
    }

    func testSpaceAndUnderscoreSpellingsOfOneNameAreAnErrorNotAGuess() throws {
        let p = try f.write("pop.csv", "id,x,y,aantal_inwoners,Aantal inwoners\n1,233000,557000,10,20\n")
        assertInputError(try PopulationReader.read(path: p, options: InputOptions()), contains: ["pop.csv", "more than once"])
    }

    func testPracticesWithoutAnIdFieldAreNumberedWithAWarning() throws {
        let p = try f.write("lijst.csv", "Praktijknummer,status,x,y\nA7,open,233000,557000\nA9,open,234000,557000\n")
        let (practices, report) = try PracticeReader.read(path: p, options: InputOptions())
        XCTAssertEqual(practices.map(\.id), ["1", "2"])
        XCTAssertTrue(report.warnings.contains { $0.contains("lijst.csv has no practice id field") && $0.contains("--id-field") }, "\(report.warnings)")
        var named = InputOptions()
        named.idField = "Praktijknummer"
        let (byName, namedReport) = try PracticeReader.read(path: p, options: named)
        XCTAssertEqual(byName.map(\.id), ["A7", "A9"])
        XCTAssertFalse(namedReport.warnings.contains { $0.contains("no practice id field") })
    }
}
