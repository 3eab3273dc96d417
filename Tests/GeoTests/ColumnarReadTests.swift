import XCTest
@testable import Geo

/// GeoPackage layers are read through OGR's Arrow stream (`forEachArrowRow`);
/// every row must reach the caller as OGR's per-feature reading gives it.
final class ColumnarReadTests: FolderTestCase {
    override class var folderPrefix: String { "bereik-columnar" }

    typealias Row = (position: Int, fid: Int64, values: [FieldValue], geometry: Geometry?)

    func rows(_ layer: VectorLayer, fields: [Int], geometry: Bool = true, columnar: Bool) throws -> [Row] {
        var out: [Row] = []
        func keep(_ p: Int, _ fid: Int64, _ v: [FieldValue], _ g: Result<Geometry?, GeoError>) throws { out.append((p, fid, v, try g.get())) }
        if columnar {
            XCTAssertTrue(try layer.forEachArrowRow(fields: fields, geometry: geometry, keep), "a GeoPackage layer streams Arrow batches")
        } else {
            try layer.forEachFeature(fields: fields, geometry: geometry, keep)
        }
        return out
    }

    func assertSame(_ a: [Row], _ b: [Row], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.position, y.position, file: file, line: line)
            XCTAssertEqual(x.fid, y.fid, file: file, line: line)
            XCTAssertEqual(x.values, y.values, "feature \(x.position)", file: file, line: line)
            XCTAssertEqual(x.geometry, y.geometry, "feature \(x.position)", file: file, line: line)
        }
    }

    /// More rows than one batch (65,536), with nulls, text and numbers.
    func testPointLayerOverSeveralBatchesAsPerFeature() throws {
        let path = "\(folder!)/points.gpkg"
        let fields = [FieldDefinition("id", .string), FieldDefinition("inhabitants", .real), FieldDefinition("n", .integer)]
        let w = try VectorWriter(path: path, format: .geoPackage)
        let l = try w.addLayer(name: "points", fields: fields, geometry: .point, crs: "EPSG:28992")
        let count = 70_001
        for i in 0..<count {
            let id: FieldValue = i % 7 == 0 ? .null : .string(i % 11 == 0 ? "é\(i) straße" : "p\(i)")
            let inhabitants: FieldValue = i % 5 == 0 ? .null : .real(Double(i) * 0.37 + 1e-9)
            let n: FieldValue = i % 3 == 0 ? .null : .integer(Int64(i) * 1_000_003 - 5)
            try l.write([id, inhabitants, n], geometry: i % 13 == 0 ? nil : .point(Coordinate(x: 100_000 + Double(i) * 0.123, y: 400_000 - Double(i) / 7)))
        }
        try w.close()
        let layer = try VectorSource(path: path).layer()
        let all = Array(layer.fields.indices)
        let columnar = try rows(layer, fields: all, columnar: true)
        XCTAssertEqual(columnar.count, count)
        assertSame(columnar, try rows(layer, fields: all, columnar: false))
        // A subset of fields in another order, without geometry.
        assertSame(try rows(layer, fields: [2, 0], geometry: false, columnar: true), try rows(layer, fields: [2, 0], geometry: false, columnar: false))
        // Fields OGR was told to skip still come as the per-feature path gives them.
        layer.skipFields(except: [1])
        assertSame(try rows(layer, fields: [1], columnar: true), try rows(layer, fields: [1], columnar: false))
        // Hand-checked values of one row.
        let r = columnar[22]
        XCTAssertEqual(r.values, [.string("é22 straße"), .real(22 * 0.37 + 1e-9), .integer(22 * 1_000_003 - 5)])
        XCTAssertEqual(r.geometry, .point(Coordinate(x: 100_000 + 22 * 0.123, y: 400_000 - 22.0 / 7)))
    }

    /// Every linear geometry type, multi-part and empty geometries.
    func testEveryLinearGeometryAsPerFeature() throws {
        let path = "\(folder!)/shapes.gpkg"
        let w = try VectorWriter(path: path, format: .geoPackage)
        let l = try w.addLayer(name: "shapes", fields: [FieldDefinition("k", .integer)], geometry: .unknown, crs: "EPSG:28992")
        let c = { (x: Double, y: Double) in Coordinate(x: x, y: y) }
        let square = [c(0, 0), c(10, 0), c(10, 10), c(0, 10), c(0, 0)], hole = [c(2, 2), c(2, 4), c(4, 4), c(4, 2), c(2, 2)]
        let shapes: [Geometry?] = [
            .point(c(1.5, -2.25)), .lineString([c(0, 0), c(1, 1), c(2, 0.5)]), .polygon([square, hole]),
            .multiPoint([c(1, 2), c(3, 4)]), .multiLineString([[c(0, 0), c(1, 1)], [c(5, 5), c(6, 7), c(8, 8)]]),
            .multiPolygon([[square], [hole.map { c($0.x + 20, $0.y) }]]),
            .collection([.point(c(9, 9)), .lineString([c(0, 0), c(3, 3)])]), nil, .lineString([]),
        ]
        for (k, g) in shapes.enumerated() { try l.write([.integer(Int64(k))], geometry: g) }
        try w.close()
        let layer = try VectorSource(path: path).layer()
        let columnar = try rows(layer, fields: [0], columnar: true)
        assertSame(columnar, try rows(layer, fields: [0], columnar: false))
        XCTAssertEqual(columnar[2].geometry, .polygon([square, hole]))
    }

    /// Blobs written by hand: big-endian, with z, and a curve (OGR's reader).
    func testWellKnownBinaryByHand() throws {
        func bytes(_ parts: [[UInt8]]) -> [UInt8] { parts.flatMap { $0 } }
        func be(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian, Array.init) }
        func be(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.bigEndian, Array.init) }
        func le(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        func le(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) }
        let bigPoint = bytes([[0], be(UInt32(1)), be(12.5), be(-3.0)])
        let pointZ = bytes([[1], le(UInt32(1001)), le(1.0), le(2.0), le(99.0)])
        let ewkbLineZ = bytes([[1], le(UInt32(0x8000_0002)), le(UInt32(2)), le(1.0), le(2.0), le(3.0), le(4.0), le(5.0), le(6.0)])
        let emptyPoint = bytes([[1], le(UInt32(1)), le(Double.nan), le(Double.nan)])
        let circular = bytes([[1], le(UInt32(8)), le(UInt32(3)), le(0.0), le(0.0), le(1.0), le(1.0), le(2.0), le(0.0)])
        let truncated = Array(bigPoint.dropLast())
        func read(_ b: [UInt8]) -> Geometry? { b.withUnsafeBufferPointer { WKBReader.read($0) } }
        XCTAssertEqual(read(bigPoint), .point(Coordinate(x: 12.5, y: -3)))
        XCTAssertEqual(read(pointZ), .point(Coordinate(x: 1, y: 2)))
        XCTAssertEqual(read(ewkbLineZ), .lineString([Coordinate(x: 1, y: 2), Coordinate(x: 4, y: 5)]))
        XCTAssertEqual(read(emptyPoint), .multiPoint([]))
        XCTAssertNil(read(circular), "curves are left to OGR")
        XCTAssertNil(read(truncated))
        // OGR linearises the arc: a line from (0,0) through (1,1) to (2,0).
        guard case .lineString(let arc) = try circular.withUnsafeBufferPointer({ try WKBReader.readThroughOGR($0) }) else {
            return XCTFail("a circular string reads as a line")
        }
        XCTAssertGreaterThan(arc.count, 3)
        XCTAssertEqual(arc.first, Coordinate(x: 0, y: 0))
        XCTAssertEqual(arc.last!.x, 2, accuracy: 1e-12)
        XCTAssertThrowsError(try truncated.withUnsafeBufferPointer { try WKBReader.readThroughOGR($0) })
    }

    /// A text value's bytes (as the Arrow stream gives them): valid UTF-8 as
    /// it is, anything else decoded as Windows-1252 and counted, as the
    /// standard library's validating initialiser decides.
    func testTextBytesKeepValidUTF8AndDecodeTheRestAsWindows1252() throws {
        let path = "\(folder!)/text.gpkg"
        let w = try VectorWriter(path: path, format: .geoPackage)
        let l = try w.addLayer(name: "t", fields: [FieldDefinition("s", .string)], geometry: .point, crs: "EPSG:28992")
        try l.write([.string("x")], geometry: .point(Coordinate(x: 0, y: 0)))
        try w.close()
        let layer = try VectorSource(path: path).layer()
        func text(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { layer.text(bytes: $0) } }
        let valid: [[UInt8]] = [[], Array("residential".utf8), Array("Café één straße".utf8), Array("日本 🙂".utf8), [0x00, 0x41]]
        for bytes in valid {
            XCTAssertEqual(text(bytes), String(validating: bytes, as: UTF8.self), "\(bytes)")
            XCTAssertEqual(Array(text(bytes).utf8), bytes)
        }
        XCTAssertEqual(layer.nonUTF8Values, 0)
        // Windows-1252 bytes, an overlong NUL, a UTF-16 surrogate, a cut-off sequence.
        let invalid: [[UInt8]] = [[0x43, 0x61, 0x66, 0xE9], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x41, 0xE2, 0x82]]
        for bytes in invalid { XCTAssertNil(String(validating: bytes, as: UTF8.self), "\(bytes) is not UTF-8") }
        XCTAssertEqual(text(invalid[0]), "Café")
        XCTAssertEqual(text(invalid[1]), String(bytes: [0xC0, 0x80], encoding: .windowsCP1252))
        for bytes in invalid.dropFirst(2) { XCTAssertFalse(text(bytes).contains("\u{FFFD}"), "no replacement characters") }
        XCTAssertEqual(layer.nonUTF8Values, 4)
        XCTAssertEqual(layer.nonUTF8Example, "Café")
    }
}
