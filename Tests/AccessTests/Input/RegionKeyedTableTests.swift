import XCTest
import Geo
@testable import Access

/// Designation and unregistered tables joined by region id: ids with other
/// spaces, case or leading zeros still match, and rows that match nothing
/// are counted and shown, never dropped silently.
final class RegionKeyedTableTests: XCTestCase {
    func regions() -> [Region] {
        let square: Geometry = .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]])
        return [Region(id: "GM0106", name: "Assen", geometry: square), Region(id: "GM1680", name: "Aa en Hunze", geometry: square),
                Region(id: "0123", name: "Nul", geometry: square), Region(id: "123", name: "Geen nul", geometry: square),
                Region(id: "0042", name: "Veertig", geometry: square)]
    }

    /// ' gm0106' and 'GM1680 ' and '42' find their region (counted as loose
    /// matches); '00123' would fit both 0123 and 123, so it matches neither
    /// and is counted with 'GM9999' as matching no region.
    func testTableIDsMatchDespiteSpacesCaseAndLeadingZerosAndMissesAreCounted() throws {
        let f = try Fixtures()
        let designations = try f.write("krimp.csv", """
        gemeente_code,status
         gm0106,krimpregio
        GM1680 ,anticipeerregio
        GM9999,krimpregio
        00123,krimpregio
        123,anticipeerregio
        42,krimpregio
        """)
        let (joined, notes) = try DesignationTable.apply(path: designations, to: regions())
        XCTAssertEqual(joined.map(\.designation), ["krimpregio", "anticipeerregio", nil, "anticipeerregio", "krimpregio"])
        XCTAssertTrue(notes.contains { $0.contains("3 rows match a region id in column 'gemeente_code' only with spaces, case or leading zeros ignored")
                                       && $0.contains("' gm0106' → GM0106") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.contains("2 rows match no region id") && $0.contains("'GM9999', '00123'") }, "\(notes)")

        let unregistered = try f.write("zonder.csv", "gm_code,zonder_huisarts\ngm0106 ,1200\nGM1680,35\nGM0000,7\n")
        let (counted, more) = try UnregisteredTable.apply(path: unregistered, to: regions())
        XCTAssertEqual(counted.map(\.unregistered), [1200, 35, nil, nil, nil])
        XCTAssertTrue(more.contains { $0.contains("1 rows match a region id") && $0.contains("'gm0106 ' → GM0106") }, "\(more)")
        XCTAssertTrue(more.contains { $0.contains("1 rows match no region id") && $0.contains("'GM0000'") }, "\(more)")
        // No column matches: the error shows what the table holds beside what region ids look like.
        let numbers = try f.write("nummers.csv", "gemeentecode,zonder_huisarts\n106,12\n")
        assertInputError(try UnregisteredTable.apply(path: numbers, to: regions()),
                         contains: ["nummers.csv", "e.g. GM0106, GM1680, 0123", "first row: gemeentecode = '106', zonder_huisarts = '12'"])
        // A repeat after loosening is still a repeat (it would let the last row win).
        let twice = try f.write("twice.csv", "gemeente_code,status\nGM0106,krimpregio\ngm0106,anticipeerregio\n")
        assertInputError(try DesignationTable.apply(path: twice, to: regions()), contains: ["twice.csv", "GM0106", "features 1, 2"])
    }
}
