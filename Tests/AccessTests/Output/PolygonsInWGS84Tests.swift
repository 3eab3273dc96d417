import XCTest
@testable import Access
import Geo

/// Polygon layers are moved to WGS84 on all threads and streamed by bereik's
/// own GeoJSON text (`GeoJSONPolygonText`): the bytes must be the ones GDAL's
/// GeoJSON driver writes for the same layer (GDAL is the oracle), ring
/// orientation (RFC 7946's right-hand rule, as OGR decides it) included.
final class PolygonsInWGS84Tests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "bereik-moved-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Rings of every orientation and the awkward cases of OGR's orientation
    /// test: squares and random star-shaped rings, clockwise and not, holes
    /// both ways, a repeated lowest vertex, a neighbour of the lowest vertex
    /// within 1e-5 degrees (about a metre), a straight turn there, rings of
    /// (almost) no area, staircases like the road catchments, multipolygons
    /// and rows without geometry; over the whole RD extent.
    static func awkwardPolygons(count: Int, seed: UInt64) -> OutputTable {
        var g = SplitMix64(seed: seed)
        func square(_ x: Double, _ y: Double, _ size: Double) -> [Coordinate] {
            [Coordinate(x: x, y: y), Coordinate(x: x + size, y: y), Coordinate(x: x + size, y: y + size), Coordinate(x: x, y: y + size), Coordinate(x: x, y: y)]
        }
        func star(_ x: Double, _ y: Double, _ r: Double, _ n: Int) -> [Coordinate] {
            var ring = (0..<n).map { k -> Coordinate in
                let a = Double(k) / Double(n) * 2 * .pi, d = r * Double.random(in: 0.3...1, using: &g)
                return Coordinate(x: x + d * cos(a), y: y + d * sin(a))
            }
            ring.append(ring[0])
            return ring
        }
        func staircase(_ x: Double, _ y: Double, _ step: Double, _ n: Int) -> [Coordinate] {
            var ring = [Coordinate(x: x, y: y)]
            for k in 0..<n {
                ring.append(Coordinate(x: x + Double(k + 1) * step, y: y + Double(k) * step))
                ring.append(Coordinate(x: x + Double(k + 1) * step, y: y + Double(k + 1) * step))
            }
            ring.append(Coordinate(x: x, y: y + Double(n) * step))
            ring.append(ring[0])
            return ring
        }
        func maybeReversed(_ ring: [Coordinate]) -> [Coordinate] { Bool.random(using: &g) ? ring.reversed() : ring }
        var rows: [[FieldValue]] = [], geometries: [Geometry?] = []
        for i in 0..<count {
            let x = Double.random(in: 10_000...280_000, using: &g), y = Double.random(in: 300_000...620_000, using: &g)
            let size = [0.05, 0.5, 1, 3, 40, 700, 5_000][Int.random(in: 0..<7, using: &g)]
            switch i % 11 {
            case 0: geometries.append(.polygon([maybeReversed(square(x, y, size))]))
            case 1: geometries.append(.polygon([maybeReversed(square(x, y, size)), maybeReversed(square(x + size / 4, y + size / 4, size / 2))]))
            case 2: geometries.append(.multiPolygon([[maybeReversed(star(x, y, size, Int.random(in: 3...40, using: &g)))],
                                                     [maybeReversed(square(x + 3 * size, y, size / 3))]]))
            case 3: geometries.append(nil)
            case 4:
                // The lowest vertex twice.
                var ring = square(x, y, size)
                ring.insert(ring[1], at: 1)
                geometries.append(.polygon([maybeReversed(ring)]))
            case 5:
                // A neighbour of the lowest vertex a few decimetres from it (within 1e-5 degrees).
                var ring = square(x, y, size)
                ring.insert(Coordinate(x: x + size - 0.3, y: y + 0.2), at: 1)
                geometries.append(.polygon([maybeReversed(ring)]))
            case 6:
                // A straight turn at the lowest vertex: three points on one line.
                let ring = [Coordinate(x: x, y: y + size), Coordinate(x: x + size, y: y), Coordinate(x: x + 2 * size, y: y - size),
                            Coordinate(x: x + 2 * size, y: y + size), Coordinate(x: x, y: y + size)]
                geometries.append(.polygon([maybeReversed(ring)]))
            case 7:
                // No area: a ring that goes out and back.
                let ring = [Coordinate(x: x, y: y), Coordinate(x: x + size, y: y + size / 2), Coordinate(x: x + 2 * size, y: y + size),
                            Coordinate(x: x + size, y: y + size / 2), Coordinate(x: x, y: y)]
                geometries.append(.polygon([ring]))
            case 8: geometries.append(.multiPolygon([[maybeReversed(staircase(x, y, 18, Int.random(in: 1...60, using: &g)))]]))
            case 9: geometries.append(.multiPolygon([[maybeReversed(star(x, y, size, 200)), maybeReversed(star(x, y, size / 5, 7))]]))
            default: geometries.append(.polygon([maybeReversed(star(x, y, size, Int.random(in: 3...12, using: &g)))]))
            }
            rows.append([.integer(Int64(i)), .real(size), i % 5 == 0 ? .null : .string("r\(i)")])
        }
        return OutputTable(name: "catchments", fields: [FieldDefinition("id", .integer), FieldDefinition("size", .real), FieldDefinition("name", .string)],
                           rows: rows, geometries: geometries, kind: .multiPolygon)
    }

    /// The layer as OGR writes it (the writer bereik used before).
    func ogrBytes(_ moved: OutputTable, _ name: String) throws -> Data {
        let path = folder + "/" + name
        let writer = try VectorWriter(path: path, format: .geoJSON)
        try moved.write(into: writer, crs: CoordinateTransformer.wgs84, transform: nil)
        try writer.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testStreamedPolygonsGiveTheBytesOfOGR() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let table = Self.awkwardPolygons(count: 1_500, seed: seed)
            let moved = try PolygonsInWGS84.move(table)
            XCTAssertTrue(PolygonsInWGS84.isStreamable(moved))
            let ogr = try ogrBytes(moved, "ogr-\(seed).geojson")
            for threads in [1, 2, 5] {
                ParallelWork.threads = threads
                let path = folder + "/stream-\(seed)-\(threads).geojson"
                try PolygonsInWGS84.writeGeoJSON(try PolygonsInWGS84.move(table), path: path)
                let streamed = try Data(contentsOf: URL(fileURLWithPath: path))
                if streamed != ogr {
                    let a = String(decoding: ogr, as: UTF8.self).split(separator: "\n"), b = String(decoding: streamed, as: UTF8.self).split(separator: "\n")
                    let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                    XCTFail("seed \(seed), threads \(threads): line \(k) differs:\nOGR:    \(k < a.count ? String(a[k].prefix(600)) : "(end)")\nstream: \(k < b.count ? String(b[k].prefix(600)) : "(end)")")
                }
            }
            // The table's own writer (RD New in) streams the same bytes.
            ParallelWork.threads = 2
            try table.writeGeoJSON(path: folder + "/table-\(seed).geojson",
                                   toWGS84: CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84))
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/table-\(seed).geojson")), ogr, "seed \(seed)")
        }
    }

    /// The streamed text does turn rings: a clockwise exterior and a
    /// counterclockwise hole are written the other way round, from the same
    /// first position (GDAL's own output for this ring, checked by hand).
    func testRingsFollowTheRightHandRule() throws {
        let cw = [Coordinate(x: 5, y: 52), Coordinate(x: 5, y: 52.1), Coordinate(x: 5.1, y: 52.1), Coordinate(x: 5.1, y: 52), Coordinate(x: 5, y: 52)]
        let ccwHole = [Coordinate(x: 5.02, y: 52.02), Coordinate(x: 5.05, y: 52.02), Coordinate(x: 5.05, y: 52.05), Coordinate(x: 5.02, y: 52.05), Coordinate(x: 5.02, y: 52.02)]
        let sink = ByteSink(memoryFor: "test")
        try GeoJSONPolygonText.write(.polygon([cw, ccwHole]), into: sink)
        let bytes = sink.takeBytes()
        XCTAssertEqual(String(decoding: UnsafeBufferPointer(start: bytes.pointer, count: bytes.count), as: UTF8.self),
                       "{ \"type\": \"Polygon\", \"coordinates\": [ [ [ 5.0, 52.0 ], [ 5.1, 52.0 ], [ 5.1, 52.1 ], [ 5.0, 52.1 ], [ 5.0, 52.0 ] ], "
                       + "[ [ 5.02, 52.02 ], [ 5.02, 52.05 ], [ 5.05, 52.05 ], [ 5.05, 52.02 ], [ 5.02, 52.02 ] ] ] }")
    }

    /// Geometries the stream does not write as OGR would (an empty polygon, a
    /// ring of three positions, a line, a collection, a ring across the
    /// antimeridian) send the whole layer to OGR: the file is still OGR's.
    func testOtherGeometriesGoThroughOGR() throws {
        let square = [Coordinate(x: 5, y: 52), Coordinate(x: 5.1, y: 52), Coordinate(x: 5.1, y: 52.1), Coordinate(x: 5, y: 52)]
        let acrossTheAntimeridian = [Coordinate(x: 179.5, y: -17), Coordinate(x: -179.5, y: -17), Coordinate(x: -179.5, y: -16),
                                     Coordinate(x: 179.5, y: -16), Coordinate(x: 179.5, y: -17)]
        for odd: Geometry in [.polygon([]), .polygon([Array(square.prefix(3))]), .lineString(square),
                              .collection([.polygon([square + [square[0]]])]), .multiPolygon([]), .polygon([acrossTheAntimeridian])] {
            let table = OutputTable(name: "odd", fields: [FieldDefinition("id", .integer)], rows: [[.integer(1)], [.integer(2)]],
                                    geometries: [.polygon([square + [square[0]]]), odd], kind: .polygon)
            XCTAssertFalse(PolygonsInWGS84.isStreamable(table), "\(odd)")
            XCTAssertNil(try WrittenLayer.mapLayer(moved: table, fileName: "odd.geojson"))
            try PolygonsInWGS84.writeGeoJSON(table, path: folder + "/odd.geojson")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/odd.geojson")), try ogrBytes(table, "odd-ogr.geojson"), "\(odd)")
        }
    }

    /// The catchments the maps take from memory are what OGR reads back from
    /// the written file, bit for bit (rings in the written order, vertices as
    /// written, then in RD New).
    func testLayerFromMemoryEqualsTheFileReadBack() throws {
        let table = Self.awkwardPolygons(count: 1_100, seed: 9)
        let moved = try PolygonsInWGS84.move(table)
        try PolygonsInWGS84.writeGeoJSON(moved, path: folder + "/catchments.geojson")
        let read = try XCTUnwrap(OutputFolderReader.readLayer(folder, "catchments.geojson"))
        let memory = try XCTUnwrap(WrittenLayer.mapLayer(moved: moved, fileName: "catchments.geojson"))
        XCTAssertEqual(memory.name, read.name)
        XCTAssertEqual(memory.fieldNames, read.fieldNames)
        XCTAssertEqual(memory.features.count, 1_000)
        XCTAssertEqual(read.features.count, 1_000)
        for (k, (m, r)) in zip(memory.features, read.features).enumerated() {
            XCTAssertEqual(m.geometry, r.geometry, "feature \(k)")
            XCTAssertEqual(m.properties, r.properties, "feature \(k)")
        }
    }
}
