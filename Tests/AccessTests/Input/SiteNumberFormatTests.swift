import XCTest
import Geo
@testable import Access

/// Housing-site numbers are read by column like every other input's.
final class SiteNumberFormatTests: FixturesTestCase {
    func testThousandsDotInHomesBesideDecimalCommaCoordinates() throws {
        // As Excel (Dutch) saves it: '1.200' homes is twelve hundred.
        let p = try f.write("plannen.csv", "naam;woningen;huishoudgrootte;lon;lat\nKloosterveen;1.200;2,1;6,58;52,99\nDelftlanden;350;1,9;6,88;52,78\n")
        let (sites, _) = try SiteReader.read(path: p, homesField: nil)
        XCTAssertEqual(sites.map(\.homes), [1_200, 350])
        XCTAssertEqual(sites.map(\.householdSize), [2.1, 1.9])
        let q = try f.write("punt.csv", "naam;woningen;x;y\nA;1.200;233000;557000\n")
        XCTAssertEqual(try SiteReader.read(path: q, homesField: nil).0.map(\.homes), [1_200])
        let (asPoint, _) = try SiteReader.read(path: q, homesField: nil, decimalSeparator: .point)
        XCTAssertEqual(asPoint.map(\.homes), [1.2], "--decimal-separator point says so")
    }

    func testAmbiguousHouseholdSizeIsANamedError() throws {
        let p = try f.write("plannen.csv", "naam,woningen,huishoudgrootte,x,y\nA,120,2.100,233000,557000\n")
        assertInputError(try SiteReader.read(path: p, homesField: nil), contains: ["plannen.csv", "'huishoudgrootte'", "'2.100'", "--decimal-separator"])
    }
}
