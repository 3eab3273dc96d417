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

    /// pop.geojson of the hand-checked fixture (StraightLineAnalysisTests):
    /// p1 (100000,500400) 100 inhabitants, p2 (104000,500000) 50, p3 (109000,502000) 200.
    func handCheckedPopulation() throws -> String {
        try rdPoints("pop.geojson", [
            (100_000, 500_400, ["id": "p1", "inwoners": 100]),
            (104_000, 500_000, ["id": "p2", "inwoners": 50]),
            (109_000, 502_000, ["id": "p3", "inwoners": 200]),
        ])
    }

    /// roads.geojson in RD New: a grid of unclassified 60 km/h roads every
    /// 1,000 m, `widthKm` by `heightKm` from (x0, y0).
    func roadGrid(x0: Double, y0: Double, widthKm: Int, heightKm: Int) throws -> String {
        let width = Double(widthKm) * 1000, height = Double(heightKm) * 1000
        var lines: [String] = []
        for j in 0...heightKm { lines.append("[[\(x0),\(y0 + Double(j) * 1000)],[\(x0 + width),\(y0 + Double(j) * 1000)]]") }
        for i in 0...widthKm { lines.append("[[\(x0 + Double(i) * 1000),\(y0)],[\(x0 + Double(i) * 1000),\(y0 + height)]]") }
        let features = lines.map { #"{"type":"Feature","properties":{"highway":"unclassified","maxspeed":"60"},"geometry":{"type":"LineString","coordinates":\#($0)}}"# }
        return try write("roads.geojson", #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":["# + features.joined(separator: ",") + "]}")
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
