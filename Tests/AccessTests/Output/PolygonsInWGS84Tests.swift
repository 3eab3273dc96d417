import XCTest
@testable import Access
import Geo

/// Polygon layers moved to WGS84 on all threads before OGR writes them must
/// give the bytes `OutputTable.writeGeoJSON` writes (OGR's transform, one
/// geometry at a time) for the same table.
final class PolygonsInWGS84Tests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    func testMovedLayerIsWrittenAsTheTableItself() throws {
        let folder = NSTemporaryDirectory() + "bereik-moved-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Polygons with holes, multipolygons and rows without geometry over the RD extent.
        var generator = SplitMix64(seed: 20261130)
        var rows: [[FieldValue]] = [], geometries: [Geometry?] = []
        func square(_ x: Double, _ y: Double, _ size: Double) -> [Coordinate] {
            [Coordinate(x: x, y: y), Coordinate(x: x + size, y: y), Coordinate(x: x + size, y: y + size), Coordinate(x: x, y: y + size), Coordinate(x: x, y: y)]
        }
        for i in 0..<700 {
            let x = Double.random(in: 10_000...280_000, using: &generator), y = Double.random(in: 300_000...620_000, using: &generator)
            let size = Double.random(in: 10...5_000, using: &generator)
            switch i % 4 {
            case 0: geometries.append(.multiPolygon([[square(x, y, size)]]))
            case 1: geometries.append(.multiPolygon([[square(x, y, size), square(x + size / 4, y + size / 4, size / 2).reversed()],
                                                     [square(x + 2 * size, y, size / 3)]]))
            case 2: geometries.append(nil)
            default: geometries.append(.multiPolygon([[square(x, y, size).reversed()]]))
            }
            rows.append([.integer(Int64(i)), .real(size)])
        }
        let table = OutputTable(name: "catchments", fields: [FieldDefinition("id", .integer), FieldDefinition("size", .real)],
                                rows: rows, geometries: geometries, kind: .multiPolygon)
        try table.writeGeoJSON(path: folder + "/serial.geojson",
                               toWGS84: CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84))
        let serial = try Data(contentsOf: URL(fileURLWithPath: folder + "/serial.geojson"))
        for threads in [1, 2, 5] {
            ParallelWork.threads = threads
            let moved = try PolygonsInWGS84.move(table)
            XCTAssertEqual(moved.rowCount, table.rowCount)
            XCTAssertEqual(moved.geometries?.map { $0 == nil }, geometries.map { $0 == nil })
            try PolygonsInWGS84.writeGeoJSON(moved, path: folder + "/moved-\(threads).geojson")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/moved-\(threads).geojson")), serial, "threads \(threads)")
        }
        // The blocks OGR writes do join (the writer does not fall back to one piece here).
        ParallelWork.threads = 1
        let moved = try PolygonsInWGS84.move(table)
        var blocks: [Data] = []
        for (k, range) in [0..<1, 1..<350, 350..<700].enumerated() {
            try PolygonsInWGS84.writeGeoJSON(PolygonsInWGS84.rows(moved, range), path: folder + "/block-\(k).geojson")
            blocks.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/block-\(k).geojson")))
        }
        XCTAssertEqual(PolygonsInWGS84.joinedFeatures(blocks), serial)
    }
}

extension PolygonsInWGS84Tests {
    /// Blocks whose files are not laid out as OGR's collections are not joined.
    func testJoinRefusesUnexpectedLayouts() {
        func text(_ s: String) -> Data { Data(s.utf8) }
        let head = "{\n\"type\": \"FeatureCollection\",\n\"name\": \"x\",\n\"features\": [\n"
        let a = text(head + "{ \"a\": 1 },\n{ \"a\": 2 }\n]\n}\n"), b = text(head + "{ \"a\": 3 }\n]\n}\n")
        XCTAssertEqual(PolygonsInWGS84.joinedFeatures([a, b]), text(head + "{ \"a\": 1 },\n{ \"a\": 2 },\n{ \"a\": 3 }\n]\n}\n"))
        XCTAssertNil(PolygonsInWGS84.joinedFeatures([a, text(head + "\n]\n}\n")]), "an empty block")
        XCTAssertNil(PolygonsInWGS84.joinedFeatures([a, text(head.replacingOccurrences(of: "\"x\"", with: "\"y\"") + "{ }\n]\n}\n")]), "another header")
        XCTAssertNil(PolygonsInWGS84.joinedFeatures([a, text(head + "{ }\n]\n}")]), "another footer")
    }
}
