import XCTest
import Geo
@testable import Access

final class DesignationTableTests: XCTestCase {
    func testJoinsByTheColumnThatHoldsRegionIDs() throws {
        let f = try Fixtures()
        let table = try f.write("krimp.csv", """
        gemeente_code,gemeente_naam,regio,status
        GM1680,Aa en Hunze,Oost-Drenthe,anticipeerregio
        GM0106,Assen,,geen (niet genoemd)
        GM9999,Elders,,krimpregio
        """)
        let square: Geometry = .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 0)]])
        let regions = [Region(id: "GM1680", name: "Aa en Hunze", geometry: square),
                       Region(id: "GM0106", name: "Assen", geometry: square)]
        let (joined, notes) = try DesignationTable.apply(path: table, to: regions)
        XCTAssertEqual(joined[0].designation, "anticipeerregio (Oost-Drenthe)")
        XCTAssertNil(joined[1].designation, "'geen' means no designation")
        XCTAssertTrue(notes.contains { $0.contains("1 rows match no region") }, "\(notes)")
        let unrelated = try f.write("other.csv", "code,status\nX1,krimpregio\n")
        XCTAssertThrowsError(try DesignationTable.apply(path: unrelated, to: regions)) { e in
            XCTAssertTrue("\(e)".contains("other.csv") && "\(e)".contains("region ids"), "\(e)")
        }
    }
}
