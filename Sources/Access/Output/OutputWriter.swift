import Foundation
import Geo

/// Writes the output contract (DESIGN.md) into one folder, file by file. The
/// CLI points `folder` at the staging folder of an `OutputTransaction`, which
/// replaces the whole output folder in one step once everything (maps too)
/// is written; a library caller that writes elsewhere gets no such promise.
public struct OutputWriter {
    public var folder: String
    public var geoPackage: Bool

    public init(folder: String, geoPackage: Bool) {
        self.folder = folder
        self.geoPackage = geoPackage
    }

    public func write(_ result: AnalysisResult, population: [PopulationPoint], practices: [Practice],
                      regions: [Region], catchments: (CatchmentMethod, [Catchment])? = nil,
                      groups: (AnalysisResult, [Region])? = nil, report: (inout RunReport) -> Void, baseReport: RunReport,
                      progress: Progress? = nil) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { progress?.finish() }
        let tables = OutputTables(result: result, population: population, practices: practices, regions: regions)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        var files: [String] = []
        func stage(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        progress?.step("writing population.geojson")
        try writeLayer(tables.population, path: stage("population.geojson"), format: .geoJSON, transform: toWGS84)
        progress?.step("writing regions")
        try writeLayer(tables.regions, path: stage("regions.geojson"), format: .geoJSON, transform: toWGS84)
        try writeLayer(tables.regions.withoutGeometry, path: stage("regions.csv"), format: .csv, transform: nil)
        try writeLayer(tables.practices, path: stage("practices.geojson"), format: .geoJSON, transform: toWGS84)
        files += ["population.geojson", "regions.geojson", "regions.csv", "practices.geojson"]
        if let (groupResult, groupRegions) = groups {
            var table = OutputTables(result: groupResult, population: population, practices: practices, regions: groupRegions).regions
            table.name = "groups"
            try writeLayer(table, path: stage("groups.geojson"), format: .geoJSON, transform: toWGS84)
            try writeLayer(table.withoutGeometry, path: stage("groups.csv"), format: .csv, transform: nil)
            files += ["groups.geojson", "groups.csv"]
        }
        if let (method, polygons) = catchments {
            try writeLayer(OutputTables.catchments(polygons, method: method, practices: practices),
                           path: stage("catchments.geojson"), format: .geoJSON, transform: toWGS84)
            files.append("catchments.geojson")
        }
        if geoPackage {
            progress?.step("writing bereik.gpkg")
            let writer = try VectorWriter(path: stage("bereik.gpkg"), format: .geoPackage)
            for t in [tables.population, tables.regions, tables.practices] {
                try t.write(into: writer, crs: CoordinateTransformer.rdNew, transform: nil)
            }
            try writer.close()
            files.append("bereik.gpkg")
        }
        files.append("run.json")
        var run = baseReport
        run.outputs = files
        report(&run)
        try run.write(into: folder)
        return files
    }

    private func writeLayer(_ table: OutputTable, path: String, format: VectorFormat, transform: CoordinateTransformer?) throws {
        let writer = try VectorWriter(path: path, format: format)
        try table.write(into: writer, crs: transform == nil ? CoordinateTransformer.rdNew : CoordinateTransformer.wgs84, transform: transform)
        try writer.close()
    }
}

/// One output layer: fields, rows and geometries in EPSG:28992.
struct OutputTable {
    var name: String
    var fields: [FieldDefinition]
    var rows: [[FieldValue]]
    var geometries: [Geometry?]?
    var kind: GeometryKind

    var withoutGeometry: OutputTable {
        OutputTable(name: name, fields: fields, rows: rows, geometries: nil, kind: .none)
    }

    func write(into writer: VectorWriter, crs: String, transform: CoordinateTransformer?) throws {
        let layer = try writer.addLayer(name: name, fields: fields, geometry: geometries == nil ? .none : kind, crs: crs)
        let moved = try transformPoints(transform)
        for (i, row) in rows.enumerated() {
            var g = geometries?[i] ?? nil
            if let moved {
                g = g.map { _ in .point(moved[i]) }
            } else if let t = transform, let geometry = g {
                g = try t.transform(geometry)
            }
            try layer.write(row, geometry: g)
        }
    }

    /// All point geometries reprojected in one PROJ call (population layers
    /// can hold millions of points); nil when the layer is not all points.
    private func transformPoints(_ transform: CoordinateTransformer?) throws -> [Coordinate]? {
        guard let transform, let geometries, kind == .point else { return nil }
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(geometries.count); ys.reserveCapacity(geometries.count)
        for g in geometries {
            guard case .point(let c)? = g else { return nil }
            xs.append(c.x); ys.append(c.y)
        }
        try transform.transform(xs: &xs, ys: &ys)
        if let bad = xs.firstIndex(where: { !$0.isFinite }) {
            throw GeoError.proj(operation: "transform", message: "point \(bad + 1) of layer \(name) cannot be transformed to WGS84")
        }
        return zip(xs, ys).map { Coordinate(x: $0, y: $1) }
    }
}
