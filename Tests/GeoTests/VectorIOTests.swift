import XCTest
@testable import Geo

final class VectorIOTests: FolderTestCase {
    let fields = [FieldDefinition("id", .string), FieldDefinition("inhabitants", .real), FieldDefinition("n", .integer)]

    func writeSample(_ path: String, _ format: VectorFormat, crs: String = "EPSG:28992") throws {
        let w = try VectorWriter(path: path, format: format)
        let l = try w.addLayer(name: "sample", fields: fields, geometry: .point, crs: crs)
        try l.write([.string("a"), .real(12.5), .integer(3)], geometry: .point(Coordinate(x: 233_000, y: 557_000)))
        try l.write([.string("b"), .null, .integer(-1)], geometry: .point(Coordinate(x: 234_000, y: 558_000)))
        try w.close()
    }

    func readAll(_ path: String) throws -> (VectorLayer, [(Int64, [FieldValue], Geometry?)]) {
        let layer = try VectorSource(path: path).layer()
        var rows: [(Int64, [FieldValue], Geometry?)] = []
        try layer.forEach(fields: Array(layer.fields.indices)) { _, fid, values, g in
            rows.append((fid, values, try g.get()))
        }
        return (layer, rows)
    }

    func testRoundTripEveryWritableFormat() throws {
        for (format, ext) in [(VectorFormat.geoPackage, "gpkg"), (.flatGeobuf, "fgb"), (.shapefile, "shp")] {
            let path = "\(folder!)/sample.\(ext)"
            try writeSample(path, format)
            let (layer, rows) = try readAll(path)
            XCTAssertEqual(layer.crs, "EPSG:28992", "\(format)")
            XCTAssertEqual(rows.count, 2, "\(format)")
            let idIndex = try XCTUnwrap(layer.fieldIndex("id"))
            // FlatGeobuf's spatial index may reorder features: find "a" by id.
            let a = try XCTUnwrap(rows.first { $0.1[idIndex] == .string("a") }, "\(format)")
            // Shapefile cuts field names to 10 characters.
            let inhabitants = try XCTUnwrap(layer.fieldIndex("inhabitants") ?? layer.fieldIndex("inhabitant"))
            XCTAssertEqual(a.1[inhabitants], .real(12.5), "\(format)")
            XCTAssertEqual(a.2, .point(Coordinate(x: 233_000, y: 557_000)), "\(format)")
        }
    }

    func testGeoJSONIsRFC7946() throws {
        let path = "\(folder!)/out.geojson"
        let w = try VectorWriter(path: path, format: .geoJSON)
        let l = try w.addLayer(name: "regions", fields: [FieldDefinition("id", .string)], geometry: .polygon, crs: "EPSG:4326")
        // Clockwise exterior ring: RFC 7946 wants it counter-clockwise.
        let cw: [Coordinate] = [Coordinate(x: 6.0, y: 52.0), Coordinate(x: 6.0, y: 52.1), Coordinate(x: 6.1, y: 52.1),
                                Coordinate(x: 6.1, y: 52.0), Coordinate(x: 6.0, y: 52.0)]
        try l.write([.string("r1")], geometry: .polygon([cw.map { Coordinate(x: $0.x + 0.123456789, y: $0.y) }]))
        try w.close()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        XCTAssertNil(json["crs"], "RFC 7946 has no crs member")
        let feature = (json["features"] as! [[String: Any]])[0]
        let ring = ((feature["geometry"] as! [String: Any])["coordinates"] as! [[[Double]]])[0]
        // Shoelace: positive area means counter-clockwise.
        var twiceArea = 0.0
        for i in 0..<(ring.count - 1) { twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
        XCTAssertGreaterThan(twiceArea, 0, "exterior ring must be counter-clockwise")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("6.1234568"), "7 decimals")
        XCTAssertFalse(text.contains("6.12345679"), "no more than 7 decimals")
    }

    func testCSVWithCoordinateColumnsAndWKT() throws {
        let lonlat = "\(folder!)/points.csv"
        try "pc4,centroid_lon,centroid_lat,inwoners\n9401,6.56,52.99,1200\n9402,6.57,53.0,800\n".write(toFile: lonlat, atomically: true, encoding: .utf8)
        let (layer, rows) = try readAll(lonlat)
        XCTAssertNil(layer.crs, "CSV has no CRS")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1].2, .point(Coordinate(x: 6.57, y: 53.0)))
        XCTAssertEqual(rows[0].1[try XCTUnwrap(layer.fieldIndex("inwoners"))], .string("1200"))

        let wkt = "\(folder!)/shapes.csv"
        try "id,WKT\n1,\"POLYGON ((0 0,10 0,10 10,0 10,0 0))\"\n".write(toFile: wkt, atomically: true, encoding: .utf8)
        let (_, shapes) = try readAll(wkt)
        guard case .polygon(let rings)? = shapes[0].2 else { return XCTFail("expected a polygon, got \(String(describing: shapes[0].2))") }
        XCTAssertEqual(rings[0].count, 5)
    }

    func testMissingAndUnsupportedFilesNameThePath() throws {
        XCTAssertThrowsError(try VectorSource(path: "\(folder!)/nope.gpkg")) { e in
            XCTAssertTrue("\(e)".contains("nope.gpkg") && "\(e)".contains("no such file"), "\(e)")
        }
        for name in ["empty.csv", "empty.geojson", "empty.gpkg"] {
            let empty = "\(folder!)/\(name)"
            try Data().write(to: URL(fileURLWithPath: empty))
            XCTAssertThrowsError(try VectorSource(path: empty)) { e in
                XCTAssertTrue("\(e)".contains(name) && "\(e)".contains("the file is empty (0 bytes)"), "\(e)")
            }
        }
        let junk = "\(folder!)/junk.dat"
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: URL(fileURLWithPath: junk))
        XCTAssertThrowsError(try VectorSource(path: junk)) { e in
            XCTAssertTrue("\(e)".contains("junk.dat") && "\(e)".contains("cannot open"), "\(e)")
        }
        let source = try { () throws -> VectorSource in
            let p = "\(folder!)/one.gpkg"; try writeSample(p, .geoPackage); return try VectorSource(path: p)
        }()
        XCTAssertThrowsError(try source.layer(named: "gemeenten")) { e in
            XCTAssertTrue("\(e)".contains("sample"), "lists the layers there are: \(e)")
        }
    }

    func testWriterReportsUnwritableFolder() {
        XCTAssertThrowsError(try VectorWriter(path: "/nonexistent-folder/x.gpkg", format: .geoPackage)) { e in
            XCTAssertTrue("\(e)".contains("/nonexistent-folder/x.gpkg"), "\(e)")
        }
    }

    /// PostGIS through a `PG:` connection string, on a throwaway server.
    func testReadsPostGISTable() throws {
        let server = try PostGISServer()
        try server.sql("""
            CREATE EXTENSION postgis;
            CREATE TABLE huisartsen (id text, naam text, status text, geom geometry(Point, 28992));
            INSERT INTO huisartsen VALUES ('A', 'Praktijk A', 'open', ST_SetSRID(ST_MakePoint(233000, 557000), 28992)),
                                          ('B', 'Praktijk B', 'nee', ST_SetSRID(ST_MakePoint(234000, 558000), 28992));
            """)
        let source = try VectorSource(path: server.connection + " tables=huisartsen")
        let layer = try source.layer(named: "huisartsen")
        XCTAssertEqual(layer.crs, "EPSG:28992")
        var rows: [([FieldValue], Geometry?)] = []
        try layer.forEach(fields: Array(layer.fields.indices)) { _, _, values, g in rows.append((values, try g.get())) }
        XCTAssertEqual(rows.count, 2)
        let id = try XCTUnwrap(layer.fieldIndex("id")), status = try XCTUnwrap(layer.fieldIndex("status"))
        let b = try XCTUnwrap(rows.first { $0.0[id] == .string("B") })
        XCTAssertEqual(b.0[status], .string("nee"))
        XCTAssertEqual(b.1, .point(Coordinate(x: 234_000, y: 558_000)))
    }
}
