import XCTest
@testable import Access
import Geo

/// The maps of a large run take the population squares from memory
/// (`WrittenLayer`) while population.geojson is written: they must be what
/// OGR reads back from the written GeoJSON, bit for bit.
final class WrittenLayerTests: XCTestCase {
    func testSquaresFromMemoryEqualTheFileReadBack() throws {
        let folder = NSTemporaryDirectory() + "bereik-written-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Squares of 500 m and odd sizes over the Netherlands' RD extent, with
        // every kind of value: real, integer, text, null and boolean.
        var generator = SplitMix64(seed: 20261130)
        var rows: [[FieldValue]] = [], geometries: [Geometry?] = []
        for i in 0..<3_000 {
            let size = i % 3 == 0 ? 500.0 : Double.random(in: 1...900, using: &generator)
            let x0 = i % 2 == 0 ? (Double(Int.random(in: 0...560, using: &generator)) * 500) : Double.random(in: 10_000...280_000, using: &generator)
            let y0 = i % 2 == 0 ? (Double(Int.random(in: 600...1240, using: &generator)) * 500) : Double.random(in: 300_000...620_000, using: &generator)
            geometries.append(.polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x0 + size, y: y0), Coordinate(x: x0 + size, y: y0 + size),
                                         Coordinate(x: x0, y: y0 + size), Coordinate(x: x0, y: y0)]]))
            rows.append([.string("E\(i)"), .real(size), .integer(Int64(i)), i % 4 == 0 ? .null : .real((Double(i) * 12.345).rounded() / 10),
                         .boolean(i % 2 == 0)])
        }
        let fields = [FieldDefinition("cell_id", .string), FieldDefinition("cell_size_m", .real), FieldDefinition("points", .integer),
                      FieldDefinition("mean_open_m", .real), FieldDefinition("flag", .boolean)]
        let table = OutputTable(name: "squares", fields: fields, rows: rows, geometries: geometries, kind: .polygon)
        try table.writeGeoJSON(path: folder + "/squares.geojson",
                               toWGS84: CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84))
        let read = try XCTUnwrap(OutputFolderReader.readLayer(folder, "squares.geojson"))
        let memory = try XCTUnwrap(WrittenLayer.mapLayer(moved: PolygonsInWGS84.move(table), fileName: "squares.geojson"))
        XCTAssertEqual(memory.name, read.name)
        XCTAssertEqual(memory.fileName, read.fileName)
        XCTAssertEqual(memory.fieldNames, read.fieldNames)
        XCTAssertEqual(memory.features.count, 3_000)
        XCTAssertEqual(read.features.count, 3_000)
        for (m, r) in zip(memory.features, read.features) {
            XCTAssertEqual(m.geometry, r.geometry)
            XCTAssertEqual(m.properties, r.properties)
        }
        // Not the input coordinates: the round trip through seven decimals of a degree moves them.
        XCTAssertNotEqual(memory.features.map(\.geometry), geometries.compactMap { $0 })
    }
}
