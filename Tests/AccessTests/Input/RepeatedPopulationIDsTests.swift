import XCTest
import Geo
@testable import Access

/// A population id on more than one row: every row stays a point, and the
/// repeats are counted and said (hand-counted fixture).
final class RepeatedPopulationIDsTests: XCTestCase {
    /// a twice at one place with the same inhabitants (a row listed twice),
    /// b twice at two places, c once: 2 ids repeat, 2 rows more than ids,
    /// 1 row identical to an earlier one. Every row stays a point.
    func testRepeatedPopulationIDsAreCountedAndWarnedInEveryOrder() throws {
        let f = try Fixtures()
        let rows: [(Double, Double, [String: Any])] = [
            (100_000, 500_000, ["id": "a", "inwoners": 10]), (101_000, 500_000, ["id": "b", "inwoners": 20]),
            (100_000, 500_000, ["id": "a", "inwoners": 10]), (102_000, 500_000, ["id": "c", "inwoners": 5]),
            (103_000, 500_000, ["id": "b", "inwoners": 30]),
        ]
        var warnings: [String] = []
        for (k, order) in [rows, rows.reversed()].enumerated() {
            let (points, report) = try PopulationReader.read(path: try f.rdPoints("pop\(k).geojson", order), options: InputOptions())
            XCTAssertEqual(points.count, 5)
            XCTAssertEqual(points.reduce(0) { $0 + $1.inhabitants }, 75, "10 + 10 + 20 + 30 + 5: each row counts")
            XCTAssertEqual(report.repeatedIDs, 2)
            let w = try XCTUnwrap(report.warnings.first { $0.contains("occur on more than one row") }, "\(report.warnings)")
            XCTAssertTrue(w.contains("2 ids of 'id'") && w.contains("2 rows more than ids") && w.contains("'a' on 2 rows, 'b' on 2 rows")
                          && w.contains("1 of these rows repeat an earlier row exactly"), w)
            warnings.append(w.replacingOccurrences(of: "pop\(k)", with: "pop"))
        }
        XCTAssertEqual(warnings[0], warnings[1], "the same words whatever the row order")

        let (_, unique) = try PopulationReader.read(path: try f.rdPoints("unique.geojson", [rows[0], rows[1], rows[3]]), options: InputOptions())
        XCTAssertNil(unique.repeatedIDs)
        XCTAssertFalse(unique.warnings.contains { $0.contains("more than one row") })
    }
}
