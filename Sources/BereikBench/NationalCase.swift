import Foundation
import Geo
import Access

/// A generated national-size case in real files, for `bereik bench national`:
/// at scale 1, 9,000,000 population points (GeoPackage), a road network of
/// about 5,000,000 nodes (GeoPackage line layer), 5,000 practices and 355
/// municipal polygons, all in EPSG:28992. Points lie around road vertices
/// (σ 40 m), practices on road vertices. Deterministic for a scale and seed.
public enum NationalCase {
    public static let populationFile = "population.gpkg"
    public static let practicesFile = "practices.gpkg"
    public static let regionsFile = "gemeenten.gpkg"
    public static let roadsFile = "roads.gpkg"
    static let markerFile = "case.json"

    public struct Size: Codable, Equatable, Sendable {
        public var scale: Double
        public var seed: UInt64
        public var roadNodes: Int
        public var points: Int
        public var practices: Int
        public var regions: Int

        public init(scale: Double, seed: UInt64 = 20_261_129) {
            self.scale = scale
            self.seed = seed
            roadNodes = Swift.max(1_000, Int(5_000_000 * scale))
            points = Swift.max(1_000, Int(9_000_000 * scale))
            practices = Swift.max(10, Int(5_000 * scale))
            regions = 355
        }
    }

    /// Generates the case into `folder` unless a complete case of the same
    /// size is already there; returns whether it generated.
    @discardableResult
    public static func prepare(_ size: Size, in folder: String, log: (String) -> Void = { _ in }) throws -> Bool {
        let marker = (folder as NSString).appendingPathComponent(markerFile)
        if let data = FileManager.default.contents(atPath: marker), let existing = try? JSONDecoder().decode(Size.self, from: data),
           existing == size {
            return false
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: marker)
        func path(_ f: String) -> String { (folder as NSString).appendingPathComponent(f) }
        var t = Date()
        func done(_ what: String) { log("\(what): \(String(format: "%.1f", Date().timeIntervalSince(t))) s"); t = Date() }

        let lines = SyntheticRoadNetwork.lines(nodes: size.roadNodes, seed: size.seed)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for l in lines { for c in l.coordinates { minX = min(minX, c.x); minY = min(minY, c.y); maxX = max(maxX, c.x); maxY = max(maxY, c.y) } }
        try write(path(roadsFile), layer: "roads", geometry: .lineString, fields: [
            FieldDefinition("highway", .string), FieldDefinition("oneway", .string), FieldDefinition("maxspeed", .integer),
        ]) { layer in
            for l in lines {
                let oneway = l.oneway == .both ? "no" : (l.oneway == .forward ? "yes" : "-1")
                try layer.write([.string(l.highway), .string(oneway), l.maxspeedKmh.map { .integer(Int64($0)) } ?? .null],
                                geometry: .lineString(l.coordinates))
            }
        }
        done("roads (\(lines.count) lines)")

        var rng = SplitMix64(seed: size.seed &+ 1)
        func vertex() -> Coordinate {
            let l = lines[Int(rng.next() % UInt64(lines.count))]
            return l.coordinates[Int(rng.next() % UInt64(l.coordinates.count))]
        }
        func gaussian() -> Double {
            (-2 * Foundation.log(max(rng.unit(), 1e-300))).squareRoot() * cos(2 * Double.pi * rng.unit())
        }
        try write(path(populationFile), layer: "population", geometry: .point, fields: [
            FieldDefinition("id", .integer), FieldDefinition("inhabitants", .integer),
        ]) { layer in
            for i in 0..<size.points {
                let v = vertex()
                let c = Coordinate(x: v.x + 40 * gaussian(), y: v.y + 40 * gaussian())
                try layer.write([.integer(Int64(i)), .integer(Int64(1 + rng.next() % 4))], geometry: .point(c))
            }
        }
        done("population (\(size.points) points)")

        let statuses = ["open", "open", "open", "partial", "closed"]
        try write(path(practicesFile), layer: "practices", geometry: .point, fields: [
            FieldDefinition("id", .string), FieldDefinition("name", .string), FieldDefinition("status", .string),
            FieldDefinition("gp_fte", .real),
        ]) { layer in
            for j in 0..<size.practices {
                try layer.write([.string("P\(j)"), .string("Practice \(j)"), .string(statuses[Int(rng.next() % 5)]),
                                 .real((0.5 + rng.unit() * 4 * 10).rounded() / 10)], geometry: .point(vertex()))
            }
        }
        done("practices (\(size.practices))")

        // 355 municipalities: a 19 × 19 grid over the network's extent whose
        // last seven cells of the top row form one polygon (361 − 6).
        let n = 19, w = (maxX - minX) / Double(n), h = (maxY - minY) / Double(n)
        func ring(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Coordinate] {
            [Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1), Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)]
        }
        var cells: [(String, Geometry)] = []
        for r in 0..<n {
            for c in 0..<n {
                if r == n - 1 && c > n - 7 { continue }
                let x0 = minX + Double(c) * w, y0 = minY + Double(r) * h
                let x1 = r == n - 1 && c == n - 7 ? maxX : x0 + w
                cells.append((String(format: "GM%04d", cells.count + 1), .multiPolygon([[ring(x0, y0, x1, y0 + h)]])))
            }
        }
        precondition(cells.count == size.regions)
        try write(path(regionsFile), layer: "gemeenten", geometry: .multiPolygon, fields: [
            FieldDefinition("code", .string), FieldDefinition("name", .string),
        ]) { layer in
            for (code, g) in cells { try layer.write([.string(code), .string("Gemeente \(code)")], geometry: g) }
        }
        done("regions (\(cells.count))")
        try JSONEncoder().encode(size).write(to: URL(fileURLWithPath: marker))
        return true
    }

    private static func write(_ path: String, layer name: String, geometry: GeometryKind, fields: [FieldDefinition],
                              _ body: (LayerWriter) throws -> Void) throws {
        try? FileManager.default.removeItem(atPath: path)
        // One transaction (VectorWriter) with SQLite's cache and no syncing:
        // the population file went from 230 s to a fraction at scale 0.1.
        try GDALWriteSettings.fastGeoPackage {
            let writer = try VectorWriter(path: path, format: .geoPackage)
            let layer = try writer.addLayer(name: name, fields: fields, geometry: geometry, crs: CoordinateTransformer.rdNew)
            try body(layer)
            try writer.close()
        }
    }
}
