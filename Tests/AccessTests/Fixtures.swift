import Foundation
import XCTest
import Geo
@testable import Access

/// Writes small input files for tests into a temporary folder.
final class Fixtures {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "bereik-access-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(folder)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A GeoJSON FeatureCollection of points in RD New with the given properties.
    func rdPoints(_ name: String, _ rows: [(Double, Double, [String: Any])]) throws -> String {
        let features = rows.map { x, y, props -> [String: Any] in
            ["type": "Feature", "properties": props, "geometry": ["type": "Point", "coordinates": [x, y]]]
        }
        let fc: [String: Any] = ["type": "FeatureCollection",
                                 "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::28992"]],
                                 "features": features]
        let data = try JSONSerialization.data(withJSONObject: fc)
        return try write(name, String(data: data, encoding: .utf8)!)
    }

    /// A GeoJSON FeatureCollection of polygons (rings of [x, y]) in RD New.
    func rdPolygons(_ name: String, _ rows: [([[Double]], [String: Any])]) throws -> String {
        let features = rows.map { ring, props -> [String: Any] in
            ["type": "Feature", "properties": props, "geometry": ["type": "Polygon", "coordinates": [ring]]]
        }
        let fc: [String: Any] = ["type": "FeatureCollection",
                                 "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::28992"]],
                                 "features": features]
        return try write(name, String(data: try JSONSerialization.data(withJSONObject: fc), encoding: .utf8)!)
    }

    static func square(_ x0: Double, _ y0: Double, _ size: Double) -> [[Double]] {
        [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    }
}

/// The shared real data beside the project (../shared/data), or a skip.
enum SharedData {
    static func folder(_ sub: String, file: StaticString = #filePath) throws -> String {
        var url = URL(fileURLWithPath: "\(file)")
        for _ in 0..<3 { url.deleteLastPathComponent() } // Tests/AccessTests/x.swift → package root
        let candidates = [url.appendingPathComponent("../shared/data/\(sub)").standardized.path,
                          FileManager.default.currentDirectoryPath + "/../shared/data/\(sub)"]
        for c in candidates where FileManager.default.fileExists(atPath: c) { return c }
        throw XCTSkip("shared data not found (looked for \(candidates[0])): this test needs ../shared/data beside the project")
    }
}
