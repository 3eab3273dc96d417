import Foundation
import Geo

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

    /// Streams the table to `path` as RFC 7946 GeoJSON in WGS84. Point layers
    /// and layers without geometry go through `GeoJSONStreamWriter` (the
    /// bytes OGR would write, about 20 times as fast); polygon layers through OGR.
    func writeGeoJSON(path: String, toWGS84: CoordinateTransformer) throws {
        let points = try wgs84Points(toWGS84, path: path)
        guard geometries == nil || points != nil else {
            let writer = try VectorWriter(path: path, format: .geoJSON)
            try write(into: writer, crs: CoordinateTransformer.wgs84, transform: toWGS84)
            try writer.close()
            return
        }
        let writer = try GeoJSONStreamWriter(path: path, layerName: name, fields: fields)
        for (i, row) in rows.enumerated() {
            try writer.write(row, point: points?[i])
        }
        try writer.close()
    }

    /// Streams the table's rows (no geometry) to `path` as CSV in `dialect`;
    /// returns how many text cells were neutralised against formula injection.
    @discardableResult
    func writeCSV(path: String, dialect: CSVDialect) throws -> Int {
        let writer = try CSVWriter(path: path, fields: fields, dialect: dialect)
        for row in rows { try writer.write(row) }
        try writer.close()
        return writer.neutralised
    }

    /// Writes the table as one layer of an OGR file (GeoPackage, FlatGeobuf,
    /// or a GeoJSON polygon layer).
    func write(into writer: VectorWriter, crs: String, transform: CoordinateTransformer?) throws {
        let layer = try writer.addLayer(name: name, fields: fields, geometry: geometries == nil ? .none : kind, crs: crs)
        let moved = try transform.flatMap { try wgs84Points($0, path: writer.path) }
        for (i, row) in rows.enumerated() {
            var g = geometries?[i] ?? nil
            if let moved {
                g = moved[i].map { .point($0) }
            } else if let t = transform, let geometry = g {
                g = try t.transform(geometry)
            }
            try layer.write(row, geometry: g)
        }
    }

    /// All point geometries reprojected in one PROJ call (population layers
    /// can hold millions of points); nil when the layer is not all points
    /// (features without geometry are allowed and stay nil).
    func wgs84Points(_ transform: CoordinateTransformer, path: String) throws -> [Coordinate?]? {
        guard let geometries, kind == .point else { return nil }
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(geometries.count); ys.reserveCapacity(geometries.count)
        for g in geometries {
            switch g {
            case .point(let c)?: xs.append(c.x); ys.append(c.y)
            case nil: xs.append(0); ys.append(0)
            default: return nil
            }
        }
        try transform.transform(xs: &xs, ys: &ys)
        var result = [Coordinate?]()
        result.reserveCapacity(geometries.count)
        for i in geometries.indices {
            guard geometries[i] != nil else { result.append(nil); continue }
            guard xs[i].isFinite && ys[i].isFinite else {
                throw OutputFileError.cannotTransform(path: path, feature: i, layer: name)
            }
            result.append(Coordinate(x: xs[i], y: ys[i]))
        }
        return result
    }
}
