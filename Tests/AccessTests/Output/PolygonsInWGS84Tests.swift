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
    }
}
