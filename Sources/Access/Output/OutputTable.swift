import Foundation
import Geo

/// One output layer: fields, rows and geometries in EPSG:28992.
public struct OutputTable {
    public var name: String
    public var fields: [FieldDefinition]
    public var rows: [[FieldValue]]
    public var geometries: [Geometry?]?
    public var kind: GeometryKind

    public var withoutGeometry: OutputTable {
        OutputTable(name: name, fields: fields, rows: rows, geometries: nil, kind: .none)
    }

    /// The rows that have a geometry (for formats that cannot hold others).
    var onlyWithGeometry: OutputTable {
        guard let geometries else { return self }
        let keep = geometries.indices.filter { geometries[$0] != nil }
        return OutputTable(name: name, fields: fields, rows: keep.map { rows[$0] }, geometries: keep.map { geometries[$0] }, kind: kind)
    }

    /// Streams the table to `path` as RFC 7946 GeoJSON in WGS84. Point layers
    /// and layers without geometry go through `GeoJSONStreamWriter` (the
    /// bytes OGR would write, about 20 times as fast); polygon layers through OGR.
    public func writeGeoJSON(path: String, toWGS84: CoordinateTransformer) throws {
        let points = try wgs84Points(toWGS84, path: path)
        guard geometries == nil || points != nil else {
            let writer = try VectorWriter(path: path, format: .geoJSON)
            try write(into: writer, crs: CoordinateTransformer.wgs84, transform: toWGS84)
            try writer.close()
            return
        }
        let writer = try GeoJSONStreamWriter(path: path, layerName: name, fields: fields)
        let text = writer.text
        // Chunks formatted on all cores, a round at a time, written in order.
        let chunk = 32_768, cores = ProcessInfo.processInfo.activeProcessorCount
        var start = 0
        while start < rows.count {
            let ranges = (0..<cores).map { k in min(rows.count, start + k * chunk)..<min(rows.count, start + (k + 1) * chunk) }.filter { !$0.isEmpty }
            let parts = ParallelWork.map(count: ranges.count) { k -> Result<[UInt8], Error> in
                Result {
                    let memory = ByteSink(memoryFor: path)
                    for i in ranges[k] { try text.write(rows[i], point: points?[i], first: i == 0, into: memory) }
                    return memory.takeBytes()
                }
            }
            for (k, part) in parts.enumerated() { try writer.append(formatted: part.get(), count: ranges[k].count) }
            start = ranges.last!.upperBound
        }
        try writer.close()
    }

    /// Streams the table's rows (no geometry) to `path` as CSV in `dialect`;
    /// returns how many text cells were neutralised against formula injection.
    @discardableResult
    public func writeCSV(path: String, dialect: CSVDialect) throws -> Int {
        let writer = try CSVWriter(path: path, fields: fields, dialect: dialect)
        for row in rows { try writer.write(row) }
        try writer.close()
        return writer.neutralised
    }

    /// Writes the table as one layer of an OGR file (GeoPackage, FlatGeobuf,
    /// or a GeoJSON polygon layer).
    public func write(into writer: VectorWriter, crs: String, transform: CoordinateTransformer?) throws {
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
    public func wgs84Points(_ transform: CoordinateTransformer, path: String) throws -> [Coordinate?]? {
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
        try Self.transformInParallel(&xs, &ys, like: transform)
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

    /// Reprojects in chunks on all cores, one transformer per chunk (a PROJ
    /// context is not shared between threads); small inputs use `transform`.
    private static func transformInParallel(_ xs: inout [Double], _ ys: inout [Double], like transform: CoordinateTransformer) throws {
        // One chunk per core: creating a transformer costs milliseconds.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard xs.count > 65_536, cores > 1 else { return try transform.transform(xs: &xs, ys: &ys) }
        let chunk = (xs.count + cores - 1) / cores
        let source = transform.source, target = transform.target
        let ranges = stride(from: 0, to: xs.count, by: chunk).map { $0..<min(xs.count, $0 + chunk) }
        let inX = xs, inY = ys
        let parts = ParallelWork.map(count: ranges.count) { k -> Result<([Double], [Double]), Error> in
            Result {
                var x = Array(inX[ranges[k]]), y = Array(inY[ranges[k]])
                try CoordinateTransformer(from: source, to: target).transform(xs: &x, ys: &y)
                return (x, y)
            }
        }
        for (k, part) in parts.enumerated() {
            let (x, y) = try part.get()
            xs.replaceSubrange(ranges[k], with: x)
            ys.replaceSubrange(ranges[k], with: y)
        }
    }
}
