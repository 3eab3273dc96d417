import Foundation
import XCTest
import Geo
@testable import Access

/// The streamed GeoJSON and CSV writers against GDAL's own drivers, which
/// bereik used before: same table in, same bytes out (GDAL is the oracle).
final class StreamWriterTests: XCTestCase {
    var fixtures: Fixtures!

    override func setUpWithError() throws { fixtures = try Fixtures() }
    override func tearDown() { fixtures = nil }

    /// A table with the awkward values: short decimals, full doubles, tiny and
    /// huge numbers, -0, NaN, escapes, Unicode, nulls, points without geometry.
    func awkwardTable(rows n: Int, seed: UInt64 = 7) -> OutputTable {
        var rng = SplitMix64(seed: seed)
        let fields = [FieldDefinition("id", .string), FieldDefinition("metres", .real), FieldDefinition("raw", .real),
                      FieldDefinition("share", .real), FieldDefinition("count", .integer), FieldDefinition("flag", .boolean),
                      FieldDefinition("note", .string), FieldDefinition("empty", .real)]
        let texts = ["plain", "a/b", "q\"uote", "back\\slash", "tab\there", "line\nbreak", "ü€😀", "\u{1}ctl", "=SUM(A1)",
                     "-minus", "+plus", "@at", "semi;colon", "comma,here", "", " lead", "x\r\ny"]
        let specials: [Double] = [0, -0.0, 1e-7, 0.0001, 0.00012345, 1e15, 1e16, 123456789012.5, 0.1 + 0.2, 1.0000001,
                                  0.999999, 9.9999995, 52.987654321, 1e300, -1e-300, .nan, .infinity, 2.5e-5, 999999.9999995]
        var rows = [[FieldValue]](), geometries = [Geometry?]()
        for i in 0..<n {
            let raw: Double = i < specials.count ? specials[i] : (rng.unit() - 0.3) * pow(10, Double(Int(rng.next() % 12)) - 4)
            let metres = ((rng.unit() * 300_000) * 10).rounded() / 10
            let share = (rng.unit() * 10_000).rounded() / 10_000
            rows.append([.string(texts[i % texts.count] + (i % 3 == 0 ? "" : String(i))), .real(i % 11 == 5 ? -metres : metres), .real(raw),
                         .real(share), .integer(Int64(i) - 50), .boolean(i % 2 == 0),
                         i % 5 == 0 ? .null : .string(texts[(i * 7) % texts.count]), .null])
            if i % 13 == 12 {
                geometries.append(nil)
            } else {
                geometries.append(.point(Coordinate(x: 10_000 + rng.unit() * 270_000, y: 305_000 + rng.unit() * 310_000)))
            }
        }
        return OutputTable(name: "population", fields: fields, rows: rows, geometries: geometries, kind: .point)
    }

    func testGeoJSONStreamGivesTheBytesOfOGR() throws {
        // More rows than one formatting chunk (32,768): the chunks run in parallel.
        let table = awkwardTable(rows: 70_000)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let streamPath = fixtures.folder + "/stream.geojson"
        try assertStreamedGeoJSONIsOGRs(table, ogr: fixtures.folder + "/ogr.geojson", stream: streamPath, toWGS84: toWGS84)

        // And GDAL reads the streamed file back to the same values.
        let layer = try VectorSource(path: streamPath).layer()
        XCTAssertEqual(layer.fields.map(\.name), table.fields.map(\.name))
        var count = 0
        try layer.forEach(fields: [1, 4]) { position, _, values, _ in
            XCTAssertEqual(values[0], table.row(position)[1], "metres of feature \(position)")
            XCTAssertEqual(values[1], table.row(position)[4], "count of feature \(position)")
            count += 1
        }
        XCTAssertEqual(count, table.rowCount)
    }

    func testEmptyLayerAndNoFieldsGiveTheBytesOfOGR() throws {
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        for table in [OutputTable(name: "empty", fields: [FieldDefinition("a", .real)], rows: [], geometries: [], kind: .point),
                      OutputTable(name: "bare", fields: [], rows: [[], []], geometries: [.point(Coordinate(x: 150_000, y: 450_000)), nil], kind: .point)] {
            try assertStreamedGeoJSONIsOGRs(table, ogr: fixtures.folder + "/\(table.name)-ogr.geojson",
                                            stream: fixtures.folder + "/\(table.name)-stream.geojson", toWGS84: toWGS84)
        }
    }

    func testCSVInTheDefaultDialectGivesTheBytesOfOGR() throws {
        // More rows than one formatting chunk (32,768): the chunks run in parallel.
        let table = awkwardTable(rows: 70_000).withoutGeometry
        let ogrPath = fixtures.folder + "/ogr.csv", streamPath = fixtures.folder + "/stream.csv"
        let writer = try VectorWriter(path: ogrPath, format: .csv)
        try table.write(into: writer, crs: CoordinateTransformer.rdNew, transform: nil)
        try writer.close()
        XCTAssertEqual(try table.writeCSV(path: streamPath, dialect: .rfc4180), 0, "RFC 4180 never changes a cell")
        try assertSameLines(ogrPath, streamPath)
    }

    /// The fast number path against printf with GDAL's rules on 200,000
    /// values of the kinds bereik writes (and some it does not).
    func testNumberFastPathAgreesWithPrintf() {
        var rng = SplitMix64(seed: 99)
        var checked = 0
        for i in 0..<200_000 {
            let scale = pow(10, Double(Int(rng.next() % 8)))
            let d: Double
            switch i % 4 {
            case 0: d = ((rng.unit() - 0.2) * 400_000 * 10).rounded() / 10
            case 1: d = (rng.unit() * 100 * scale).rounded() / scale
            case 2: d = (rng.unit() - 0.5) * pow(10, Double(Int(rng.next() % 20)) - 6)
            default: d = Double(Int64(rng.next() % 2_000_000_000)) / 1000
            }
            if let (m, j) = GDALNumberText.shortDecimal(abs(d)) {
                checked += 1
                var bytes = [UInt8](repeating: 0, count: 32)
                let n = bytes.withUnsafeMutableBufferPointer { GDALNumberText.put(m, decimals: j, negative: d.sign == .minus, point: 46, into: $0.baseAddress!) }
                let fast = String(decoding: bytes.prefix(n), as: UTF8.self)
                XCTAssertEqual(fast + (j == 0 ? ".0" : ""), GDALNumberText.slowGeoJSONReal(d), "GeoJSON \(d)")
                XCTAssertEqual(fast, GDALNumberText.printf("%.15g", d), "CSV \(d)")
                if fast + (j == 0 ? ".0" : "") != GDALNumberText.slowGeoJSONReal(d) { return }
            }
        }
        XCTAssertGreaterThan(checked, 120_000, "most values take the fast path")
    }

    func testCoordinatesAgreeWithPrintfNearTiesAndSigns() throws {
        var rng = SplitMix64(seed: 5)
        let sink = try ByteSink(path: fixtures.folder + "/coordinates.txt")
        var expected = ""
        var values: [Double] = [0, -0.0, -0.00000001, 5.12345675, 52.00000005, 6.99999995, -179.123456789, 100.1000003, 359.99999999, 1e9, -12.5]
        for _ in 0..<200_000 { values.append((rng.unit() - 0.5) * 400) }
        for _ in 0..<20_000 { values.append(Double(Int64(rng.next() % 3_600_000_000)) / 1e7 + 0.5e-7) }
        for v in values {
            try GDALNumberText.coordinate(v, into: sink)
            try sink.byte(10)
            expected += GDALNumberText.slowCoordinate(v) + "\n"
            // The value the text reads back as, without parsing it (the maps' layers from memory).
            let read = Double(GDALNumberText.slowCoordinate(v))
            if GDALNumberText.coordinateAsRead(v).bitPattern != read?.bitPattern { XCTFail("\(v) reads back as \(String(describing: read))") }
        }
        try sink.close()
        XCTAssertEqual(try String(contentsOfFile: fixtures.folder + "/coordinates.txt", encoding: .utf8), expected)
        XCTAssertTrue(expected.hasPrefix("0.0\n-0.0\n-0.0\n"))
    }

    func testExcelDutchDialectReadsBackWithSemicolonsAndDecimalCommas() throws {
        let fields = [FieldDefinition("region_id", .string), FieldDefinition("name", .string), FieldDefinition("mean_open_m", .real),
                      FieldDefinition("inhabitants", .real), FieldDefinition("points", .integer), FieldDefinition("flagged", .boolean),
                      FieldDefinition("note", .string)]
        let rows: [[FieldValue]] = [
            [.string("GM0106"), .string("Assen"), .real(1234.5), .real(68_000), .integer(12), .boolean(true), .string("=HYPERLINK(\"http://x\")")],
            [.string("GM0109"), .string("Coevorden; Dalen"), .real(-3.25), .real(0.5), .integer(-1), .boolean(false), .string("+31 6")],
            [.string("GM0114"), .string("Emmen"), .null, .real(1e-7), .integer(0), .boolean(false), .string("-2+3")],
            [.string("GM0118"), .string("@Hoogeveen"), .real(0.1 + 0.2), .real(12_340), .integer(7), .boolean(true), .string("tab\tstart")],
            [.string("GM0119"), .string("Meppel"), .real(2.0), .real(1), .integer(1), .boolean(true), .string("\tx")],
        ]
        let table = OutputTable(name: "regions", fields: fields, rows: rows, geometries: nil, kind: .none)
        let path = fixtures.folder + "/regions.csv"
        XCTAssertEqual(try table.writeCSV(path: path, dialect: .excelNL), 5, "five text cells start with = + - @ or a tab")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark for Excel")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let parsed = Self.parseDutchCSV(text)
        XCTAssertEqual(parsed.count, 6)
        XCTAssertEqual(parsed[0], fields.map(\.name))
        XCTAssertEqual(parsed[1], ["GM0106", "Assen", "1234,5", "68000", "12", "1", "'=HYPERLINK(\"http://x\")"])
        XCTAssertEqual(parsed[2], ["GM0109", "Coevorden; Dalen", "-3,25", "0,5", "-1", "0", "'+31 6"], "negative numbers stay numbers")
        XCTAssertEqual(parsed[3], ["GM0114", "Emmen", "", "1e-07", "0", "0", "'-2+3"])
        XCTAssertEqual(parsed[4], ["GM0118", "'@Hoogeveen", "0,3", "12340", "7", "1", "tab\tstart"])
        XCTAssertEqual(parsed[5], ["GM0119", "Meppel", "2", "1", "1", "1", "'\tx"])
        // Numbers read with a decimal comma give the values written.
        XCTAssertEqual(Double(parsed[2][2].replacingOccurrences(of: ",", with: ".")), -3.25)
        XCTAssertEqual(Double(parsed[1][2].replacingOccurrences(of: ",", with: ".")), 1234.5)
    }

    func testExcelDutchDialectCountsNeutralisedCellsOverParallelChunks() throws {
        // 70,000 rows in three chunks; the note column cycles through 17 texts
        // of which `=SUM(A1)`, `-minus`, `+plus`, `@at` need an apostrophe, and
        // the id column starts with them every 17th row too (counted by hand here).
        let table = awkwardTable(rows: 70_000).withoutGeometry
        let texts = ["plain", "a/b", "q\"uote", "back\\slash", "tab\there", "line\nbreak", "ü€😀", "\u{1}ctl", "=SUM(A1)",
                     "-minus", "+plus", "@at", "semi;colon", "comma,here", "", " lead", "x\r\ny"]
        let risky: Set<String> = ["=SUM(A1)", "-minus", "+plus", "@at"]
        var expected = 0
        for i in 0..<70_000 {
            if risky.contains(texts[i % texts.count]) { expected += 1 }
            if i % 5 != 0 && risky.contains(texts[(i * 7) % texts.count]) { expected += 1 }
        }
        let path = fixtures.folder + "/big-nl.csv"
        XCTAssertEqual(try table.writeCSV(path: path, dialect: .excelNL), expected)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
        let parsed = Self.parseDutchCSV(text)
        XCTAssertEqual(parsed.count, 70_001, "header and every row, in order")
        XCTAssertEqual(parsed[69_999 + 1][4], String(69_999 - 50), "the count column of the last row")
    }

    /// A reader written for this test: `;` separates, `"` quotes (doubled inside), CRLF ends a row.
    static func parseDutchCSV(_ text: String) -> [[String]] {
        var rows = [[String]](), row = [String](), cell = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == ";" {
                row.append(cell); cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell); cell = ""; rows.append(row); row = []
            } else {
                cell.append(c)
            }
        }
        return rows
    }

    /// `table` written as GeoJSON through OGR (`ogr`) and by the streaming writer (`stream`): the same bytes.
    func assertStreamedGeoJSONIsOGRs(_ table: OutputTable, ogr: String, stream: String, toWGS84: CoordinateTransformer,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let writer = try VectorWriter(path: ogr, format: .geoJSON)
        try table.write(into: writer, crs: CoordinateTransformer.wgs84, transform: toWGS84)
        try writer.close()
        try table.writeGeoJSON(path: stream, toWGS84: toWGS84)
        try assertSameLines(ogr, stream, file: file, line: line)
    }

    func assertSameLines(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let x = try String(contentsOfFile: a, encoding: .utf8).components(separatedBy: "\n")
        let y = try String(contentsOfFile: b, encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(x.count, y.count, "line count", file: file, line: line)
        var shown = 0
        for (i, (l, r)) in zip(x, y).enumerated() where l != r && shown < 5 {
            XCTAssertEqual(l, r, "line \(i + 1)", file: file, line: line)
            shown += 1
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), "bytes", file: file, line: line)
    }
}
