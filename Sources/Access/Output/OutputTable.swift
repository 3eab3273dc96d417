import Foundation
import Geo

/// One output layer: fields, rows and geometries in EPSG:28992. A row's
/// values are made when the row is written (`row(_:)`), so a population layer
/// of millions of points is never held as values (at 9M points and 18
/// columns that would be about 4 GB).
public struct OutputTable {
    public var name: String
    public var fields: [FieldDefinition]
    public var geometries: [Geometry?]?
    public var kind: GeometryKind
    /// The number of rows.
    public private(set) var rowCount: Int
    /// The values of row `i`; reads only immutable data, so rows can be made
    /// on several threads at once.
    private var values: (Int) -> [FieldValue]

    public init(name: String, fields: [FieldDefinition], rows: [[FieldValue]], geometries: [Geometry?]?, kind: GeometryKind) {
        self.init(name: name, fields: fields, count: rows.count, geometries: geometries, kind: kind) { rows[$0] }
    }

    /// A table whose row `i` is made by `row(i)` when written.
    init(name: String, fields: [FieldDefinition], count: Int, geometries: [Geometry?]?, kind: GeometryKind,
         row: @escaping (Int) -> [FieldValue]) {
        self.name = name
        self.fields = fields
        self.geometries = geometries
        self.kind = kind
        rowCount = count
        values = row
    }

    /// The values of row `i`, in the order of `fields`.
    public func row(_ i: Int) -> [FieldValue] { values(i) }

    /// Every row's values (small tables and tests; a writer takes `row(_:)`).
    public var rows: [[FieldValue]] { (0..<rowCount).map(values) }

    /// The first `n` rows (and their geometries).
    public func prefix(_ n: Int) -> OutputTable {
        var t = self
        t.rowCount = Swift.min(n, rowCount)
        t.geometries = geometries.map { Array($0.prefix(n)) }
        return t
    }

    public var withoutGeometry: OutputTable {
        var t = self
        t.geometries = nil
        t.kind = .none
        return t
    }

    /// The rows that have a geometry (for formats that cannot hold others).
    var onlyWithGeometry: OutputTable {
        guard let geometries else { return self }
        let keep = geometries.indices.filter { geometries[$0] != nil }
        guard keep.count < rowCount else { return self }
        let values = self.values
        return OutputTable(name: name, fields: fields, count: keep.count, geometries: keep.map { geometries[$0] }, kind: kind) { values(keep[$0]) }
    }

    /// Streams the table to `path` as RFC 7946 GeoJSON in WGS84. Point layers
    /// and layers without geometry go through `GeoJSONStreamWriter` (the
    /// bytes OGR would write, about 20 times as fast); polygon layers through OGR.
    public func writeGeoJSON(path: String, toWGS84: CoordinateTransformer) throws {
        guard geometries == nil || isPointLayer else {
            let writer = try VectorWriter(path: path, format: .geoJSON)
            try write(into: writer, crs: CoordinateTransformer.wgs84, transform: toWGS84)
            try writer.close()
            return
        }
        let writer = try GeoJSONStreamWriter(path: path, layerName: name, fields: fields)
        let text = writer.text
        // One transformer per worker: a PROJ context is not shared between
        // threads, and making one costs milliseconds.
        let transformers = geometries == nil ? [] : try (0..<ParallelWork.threads).map { k in
            k == 0 ? toWGS84 : try CoordinateTransformer(from: toWGS84.source, to: toWGS84.target)
        }
        try forEachChunk { range, k in
            let points = try transformers.isEmpty ? nil : wgs84Points(range, transformers[k], path: path)
            let memory = ByteSink(memoryFor: path)
            for i in range { try text.write(row(i), point: points?[i - range.lowerBound], first: i == 0, into: memory) }
            return memory.takeBytes()
        } write: { part, count in
            try writer.append(formatted: part, count: count)
        }
        try writer.close()
    }

    /// Rows in chunks made on all workers, a round of one chunk per worker at
    /// a time (`make(range, worker slot)`), and handed to `write` in row order:
    /// memory stays at a round's text, not the file's.
    private func forEachChunk<Part>(_ make: (Range<Int>, Int) throws -> Part, write: (Part, Int) throws -> Void) throws {
        let chunk = 32_768
        let workers = Swift.max(1, Swift.min(ParallelWork.threads, (rowCount + chunk - 1) / chunk))
        var start = 0
        while start < rowCount {
            let ranges = (0..<workers).map { k in min(rowCount, start + k * chunk)..<min(rowCount, start + (k + 1) * chunk) }.filter { !$0.isEmpty }
            let parts = try parallelMap(count: ranges.count) { k in try make(ranges[k], k) }
            for (k, part) in parts.enumerated() { try write(part, ranges[k].count) }
            start = ranges.last!.upperBound
        }
    }

    /// Streams the table's rows (no geometry) to `path` as CSV in `dialect`;
    /// returns how many text cells were neutralised against formula injection.
    @discardableResult
    public func writeCSV(path: String, dialect: CSVDialect) throws -> Int {
        let writer = try CSVWriter(path: path, fields: fields, dialect: dialect)
        let text = writer.text
        try forEachChunk { range, _ in
            let memory = ByteSink(memoryFor: path)
            var neutralised = 0
            for i in range { neutralised += try text.write(row(i), into: memory) }
            return (memory.takeBytes(), neutralised)
        } write: { part, _ in
            try writer.append(formatted: part.0, neutralised: part.1)
        }
        try writer.close()
        return writer.neutralised
    }

    /// Writes the table as one layer of an OGR file (GeoPackage, FlatGeobuf,
    /// or a GeoJSON polygon layer).
    public func write(into writer: VectorWriter, crs: String, transform: CoordinateTransformer?) throws {
        let layer = try writer.addLayer(name: name, fields: fields, geometry: geometries == nil ? .none : kind, crs: crs)
        let moved = try transform.flatMap { try wgs84Points($0, path: writer.path) }
        for i in 0..<rowCount {
            var g = geometries?[i] ?? nil
            if let moved {
                g = moved[i].map { .point($0) }
            } else if let t = transform, let geometry = g {
                g = try t.transform(geometry)
            }
            try layer.write(row(i), geometry: g)
        }
    }

    /// A point layer: every geometry a point or none.
    private var isPointLayer: Bool {
        guard let geometries, kind == .point else { return false }
        return geometries.allSatisfy { g in
            if case .point? = g { return true }
            return g == nil
        }
    }

    /// All point geometries reprojected (population layers can hold millions
    /// of points); nil when the layer is not all points (features without
    /// geometry are allowed and stay nil).
    public func wgs84Points(_ transform: CoordinateTransformer, path: String) throws -> [Coordinate?]? {
        guard isPointLayer else { return nil }
        let cores = ParallelWork.threads
        guard rowCount > 65_536, cores > 1 else { return try wgs84Points(0..<rowCount, transform, path: path) }
        // One chunk per worker, one transformer per chunk.
        let size = (rowCount + cores - 1) / cores
        let ranges = stride(from: 0, to: rowCount, by: size).map { $0..<min(rowCount, $0 + size) }
        let source = transform.source, target = transform.target
        let parts = try parallelMap(count: ranges.count) { k in
            try wgs84Points(ranges[k], CoordinateTransformer(from: source, to: target), path: path)
        }
        return Array(parts.joined())
    }

    /// The points of rows `range` in WGS84 (one PROJ call); nil for rows
    /// without geometry. The layer must be a point layer.
    private func wgs84Points(_ range: Range<Int>, _ transform: CoordinateTransformer, path: String) throws -> [Coordinate?] {
        let geometries = geometries!
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(range.count); ys.reserveCapacity(range.count)
        for i in range {
            if case .point(let c)? = geometries[i] { xs.append(c.x); ys.append(c.y) } else { xs.append(0); ys.append(0) }
        }
        try transform.transform(xs: &xs, ys: &ys)
        var result = [Coordinate?]()
        result.reserveCapacity(range.count)
        for (k, i) in range.enumerated() {
            guard geometries[i] != nil else { result.append(nil); continue }
            guard xs[k].isFinite && ys[k].isFinite else {
                throw OutputFileError.cannotTransform(path: path, feature: i, layer: name)
            }
            result.append(Coordinate(x: xs[k], y: ys[k]))
        }
        return result
    }
}
