import XCTest
import Geo
@testable import Access

/// Practices placed by postcode, and values outside their physical range.
final class GeocodeAndBoundsTests: FixturesTestCase {
    func postcodePoints() throws -> String {
        try f.rdPoints("pc.geojson", [
            (233_000, 557_000, ["postcode": "9401AA"]),
            (233_200, 557_000, ["postcode": "9401AB"]),
            (240_000, 560_000, ["postcode": "9402"]),
        ])
    }

    func testPracticesArePlacedAtPC6ElsePC4AndSkippedOtherwise() throws {
        let list = try f.write("praktijken.csv", """
        id,status,postcode,lon,lat
        P1,open,9401 aa,,
        P2,open,9402XY,,
        P3,open,9401ZZ,,
        P4,open,9999AA,,
        P5,open,,6.57,52.99
        P6,open,,,
        """)
        var o = InputOptions()
        o.postcodePoints = try postcodePoints()
        let (practices, report) = try PracticeReader.read(path: list, options: o)
        XCTAssertEqual(practices.map(\.id), ["P1", "P2", "P3", "P5"])
        XCTAssertEqual(practices.map(\.geocodePrecision), [.pc6, .pc4, .pc4, .coordinates])
        XCTAssertEqual(practices[0].location, Coordinate(x: 233_000, y: 557_000))
        XCTAssertEqual(practices[1].location, Coordinate(x: 240_000, y: 560_000))
        // 9401 has no point of its own: the mean of its PC6 points.
        XCTAssertEqual(practices[2].location, Coordinate(x: 233_100, y: 557_000))
        XCTAssertEqual(report.geocoding, ["coordinates": 1, "pc6": 1, "pc4": 2, "none": 2])
        XCTAssertEqual(report.skipped["postcode not in postcode points"], 1)
        XCTAssertEqual(report.skipped["no location and no postcode"], 1)
        o.strict = true
        assertInputError(try PracticeReader.read(path: list, options: o), contains: ["praktijken.csv", "feature 4", "9999AA"])
    }

    func testPostcodeInUnknownFormatIsACountedSkip() throws {
        let list = try f.write("praktijken.csv", "id,status,postcode\nP1,open,9401AA\nP2,open,ABC 12\n")
        var o = InputOptions()
        o.postcodePoints = try postcodePoints()
        let (practices, report) = try PracticeReader.read(path: list, options: o)
        XCTAssertEqual(practices.map(\.id), ["P1"])
        XCTAssertEqual(report.skipped["postcode in unknown format"], 1)
        XCTAssertTrue(report.examples.contains { $0.contains("ABC 12") }, "\(report.examples)")
        o.strict = true
        assertInputError(try PracticeReader.read(path: list, options: o), contains: ["feature 2", "postcode", "ABC 12", "1234AB"])
    }

    func testAbsurdPracticeValuesAreNamedErrorsNotTraps() throws {
        for (field, value, expected) in [("list_size", "9.3e18", "200000"), ("gp_age", "1e300", "100"),
                                         ("birth_year", "1e19", "1900"), ("gp_fte", "1e15", "50"),
                                         ("retirement_year", "-1e19", "1950")] {
            let p = try f.write("p-\(field).csv", "id,status,x,y,\(field)\nP1,open,233000,557000,\(value)\n")
            assertInputError(try PracticeReader.read(path: p, options: InputOptions()),
                             contains: ["p-\(field).csv", "feature 1", field, expected])
        }
        XCTAssertNil(RetirementRule.year(age: nil, birthYear: 1e19, retirementYear: nil), "no trap in the rule itself")
        XCTAssertNil(RetirementRule.year(age: 1e300, birthYear: nil, retirementYear: nil))
    }

    func testImplausibleInhabitantsAreSkippedAndCounted() throws {
        let p = try f.write("pop.csv", "id,x,y,inwoners,inwoners_65plus\n1,233000,557000,1e15,1\n2,233100,557000,100,150\n3,233200,557000,100,20\n")
        let (points, report) = try PopulationReader.read(path: p, options: InputOptions())
        XCTAssertEqual(points.map(\.id), ["2", "3"])
        XCTAssertEqual(report.skipped["implausible inhabitants"], 1)
        XCTAssertNil(points[0].inhabitants65plus, "65+ above the total is left out")
        XCTAssertEqual(points[1].inhabitants65plus, 20)
        var o = InputOptions()
        o.strict = true
        assertInputError(try PopulationReader.read(path: p, options: o), contains: ["pop.csv", "feature 1", "inwoners", "20000000"])
    }

    func testDuplicateRegionIDsInATableAreAnError() throws {
        let regions = [Region(id: "GM0106", name: "Assen", geometry: .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]]))]
        let table = try f.write("krimp.csv", "gemeentecode,status\nGM0106,krimpregio\nGM0106,anticipeerregio\n")
        assertInputError(try DesignationTable.apply(path: table, to: regions), contains: ["krimp.csv", "GM0106", "features 1, 2"])
        let unregistered = try f.write("zonder.csv", "gemeentecode,zonder_huisarts\nGM0106,100\nGM0106,200\n")
        assertInputError(try UnregisteredTable.apply(path: unregistered, to: regions), contains: ["zonder.csv", "GM0106"])
    }
}
