import Foundation
import XCTest
import Geo
@testable import Access

/// Tables made from `OutputColumn`s are streamed from their typed cells
/// (`OutputTable.typedCells`), not from `FieldValue`s. The oracle is the
/// `FieldValue` path (itself checked byte for byte against GDAL in
/// `StreamWriterTests`): the same values as rows must give the same bytes.
final class TypedRowsTests: XCTestCase {
    var fixtures: Fixtures!

    override func setUpWithError() throws { fixtures = try Fixtures() }
    override func tearDown() { fixtures = nil }

    /// Awkward cells: nulls, NaN, infinities, numbers whose rounding
    /// overflows, escapes, formula starts, ids out of range.
    func typedTable(rows n: Int) -> OutputTable {
        var rng = SplitMix64(seed: 11)
        let texts = ["plain", "a/b", "q\"uote", "back\\slash", "tab\there", "line\nbreak", "ü€😀", "\u{1}ctl", "=SUM(A1)",
                     "-minus", "+plus", "@at", "semi;colon", "comma,here", "", " lead", "x\r\ny"]
        let specials: [Double] = [0, -0.0, 1e-7, 0.0001, 0.05, 0.15, 2.675, 1e15, 1e16, 1.7976931348623157e308, -1e308,
                                  .nan, .infinity, -.infinity, 999999.95, 123456789012.5, 52.987654321]
        var ids = [String](), numbers = [Double?](), indexes = [Int?](), notes = [String?]()
        for i in 0..<n {
            ids.append(texts[i % texts.count] + String(i))
            numbers.append(i % 19 == 3 ? nil : i < 400 ? specials[i % specials.count] : (rng.unit() - 0.3) * pow(10, Double(Int(rng.next() % 12)) - 3))
            indexes.append(i % 23 == 0 ? nil : i % 29 == 0 ? -1 : i % 31 == 0 ? texts.count : Int(rng.next() % UInt64(texts.count)))
            notes.append(i % 7 == 0 ? nil : texts[(i * 5) % texts.count])
        }
        let columns: [OutputColumn<Int>] = [
            .text(PopulationColumn.id) { ids[$0] },
            .number(PopulationColumn.inhabitants, .inhabitants, decimals: nil) { numbers[$0] },
            .text(PopulationColumn.regionID, oneOf: texts) { indexes[$0] },
            .number(PopulationColumn.nearestPracticeM, .metres, decimals: 1) { numbers[$0] },
            .number(PopulationColumn.snapM, .metres, decimals: 2) { numbers[$0].map { $0 / 3 } },
            .text(PopulationColumn.nearestPracticeID) { notes[$0] },
            .number(PopulationColumn.fcaPer10k, .per10k, decimals: 3) { numbers[$0] }.null { $0 % 5 == 1 },
            .text(PopulationColumn.nearestOpenPracticeID, oneOf: texts) { indexes[$0] }.null { $0 % 4 == 2 },
        ]
        let geometries: [Geometry?] = (0..<n).map { i in
            i % 13 == 12 ? nil : .point(Coordinate(x: 10_000 + rng.unit() * 270_000, y: 305_000 + rng.unit() * 310_000))
        }
        return OutputTable(name: "population", columns: columns, count: n, geometries: geometries, kind: .point) { $0 }
    }

    /// The same rows as `FieldValue`s (no typed cells).
    func valueTable(_ table: OutputTable) -> OutputTable {
        OutputTable(name: table.name, fields: table.fields, rows: table.rows, geometries: table.geometries, kind: table.kind)
    }

    func testTypedCellsGiveTheBytesOfTheValues() throws {
        // More rows than one formatting chunk (32,768): the chunks run in parallel.
        let typed = typedTable(rows: 40_000)
        let values = valueTable(typed)
        XCTAssertNotNil(typed.typedCells)
        XCTAssertNil(values.typedCells)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let a = fixtures.folder + "/typed.geojson", b = fixtures.folder + "/values.geojson"
        try typed.writeGeoJSON(path: a, toWGS84: toWGS84)
        try values.writeGeoJSON(path: b, toWGS84: toWGS84)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), "GeoJSON bytes")
        for dialect in [CSVDialect.rfc4180, .excelNL] {
            let a = fixtures.folder + "/typed.csv", b = fixtures.folder + "/values.csv"
            let typedCount = try typed.withoutGeometry.writeCSV(path: a, dialect: dialect)
            let valueCount = try values.withoutGeometry.writeCSV(path: b, dialect: dialect)
            XCTAssertEqual(typedCount, valueCount, "neutralised cells")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), "CSV bytes")
        }
    }

    func testIDsOutsideTheirTextsAreNull() {
        let table = OutputTable(name: "t", columns: [OutputColumn<Int>.text(PopulationColumn.id, oneOf: ["a", "b"]) { $0 == 0 ? 1 : $0 == 1 ? 2 : -1 }],
                                count: 3, geometries: nil, kind: .none) { $0 }
        XCTAssertEqual(table.rows, [[.string("b")], [.null], [.null]])
    }
}
