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
    /// Puts the values of row `i` into an emptied buffer (a writer reuses
    /// one buffer for millions of rows); reads only immutable data, so rows
    /// can be made on several threads at once.
    private var values: (Int, inout [FieldValue]) -> Void
    /// The same values as typed cells, when every column has one (tables
    /// made from `OutputColumn`s): the streamed writers then format row `i`
    /// straight to bytes, without a `FieldValue` per cell.
    var typedCells: [ColumnCell<Int>]?

    public init(name: String, fields: [FieldDefinition], rows: [[FieldValue]], geometries: [Geometry?]?, kind: GeometryKind) {
        self.init(name: name, fields: fields, count: rows.count, geometries: geometries, kind: kind) { $1 += rows[$0] }
    }

    /// A table whose row `i` is made by `row(i, &buffer)` (appending to an
    /// empty buffer) when written.
    init(name: String, fields: [FieldDefinition], count: Int, geometries: [Geometry?]?, kind: GeometryKind,
         row: @escaping (Int, inout [FieldValue]) -> Void) {
        self.name = name
        self.fields = fields
        self.geometries = geometries
        self.kind = kind
        rowCount = count
        values = row
    }

    /// The values of row `i`, in the order of `fields`.
    public func row(_ i: Int) -> [FieldValue] {
        var out = [FieldValue]()
        out.reserveCapacity(fields.count)
        values(i, &out)
        return out
    }

    /// The values of row `i` in `buffer` (emptied first, its storage reused).
    func row(_ i: Int, into buffer: inout [FieldValue]) {
        buffer.removeAll(keepingCapacity: true)
        values(i, &buffer)
    }

    /// Every row's values (small tables and tests; a writer takes `row(_:)`).
    public var rows: [[FieldValue]] { (0..<rowCount).map(row) }

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
        return OutputTable(name: name, fields: fields, count: keep.count, geometries: keep.map { geometries[$0] }, kind: kind) { values(keep[$0], &$1) }
    }

    /// Streams the table to `path` as RFC 7946 GeoJSON in WGS84, in the bytes
    /// OGR would write (`GeoJSONStreamWriter`, about 20 times as fast):
    /// point layers and layers without geometry here, polygon layers moved
    /// to WGS84 first (`PolygonsInWGS84`).
    public func writeGeoJSON(path: String, toWGS84: CoordinateTransformer) throws {
        guard geometries == nil || isPointLayer else {
            return try PolygonsInWGS84.writeGeoJSON(PolygonsInWGS84.move(self), path: path)
        }
        // One transformer per worker: a PROJ context is not shared between
        // threads, and making one costs milliseconds.
        let transformers = geometries == nil ? [] : try (0..<ParallelWork.threads).map { k in
            k == 0 ? toWGS84 : try CoordinateTransformer(from: toWGS84.source, to: toWGS84.target)
        }
        // A population feature is about 600 bytes; pages reserved and not touched cost no memory.
        try streamGeoJSON(path: path, chunk: 32_768, bytes: { $0.count * (80 + 32 * fields.count) }) { range, k in
            transformers.isEmpty ? nil : .points(try wgs84Points(range, transformers[k], path: path))
        }
    }

    /// Streams the table as GeoJSON: rows in chunks of `chunk` formatted on
    /// all workers (`bytes(range)`: the first guess of a chunk's size), each
    /// chunk's geometries, in WGS84, from `geometries(range, worker slot)`.
    func streamGeoJSON(path: String, chunk: Int, bytes: (Range<Int>) -> Int,
                       geometries: (Range<Int>, Int) throws -> FeatureGeometries?) throws {
        let writer = try GeoJSONStreamWriter(path: path, layerName: name, fields: fields)
        let text = writer.text
        let cells = try typedCells.map { try text.prepare($0) }
        try forEachChunk(chunk) { range, k in
            let shapes = try geometries(range, k)
            let memory = ByteSink(memoryFor: path, expectedBytes: bytes(range))
            if let cells {
                try text.write(CellBlock(cells, rows: range), geometries: shapes, into: memory)
            } else {
                var values = [FieldValue]()
                for i in range {
                    row(i, into: &values)
                    try text.write(values, geometries: shapes, row: i - range.lowerBound, first: i == 0, into: memory)
                }
            }
            return memory.takeBytes()
        } write: { part, count in
            try writer.append(formatted: part, count: count)
        }
        try writer.close()
    }

    /// Rows in chunks made on all workers, a round of one chunk per worker at
    /// a time (`make(range, worker slot)`), and handed to `write` in row order
    /// on a thread of its own while the next round is made: the file's
    /// `write(2)` (which waits for the disk once the page cache is full of
    /// unwritten pages) no longer stalls the formatting. Memory stays at two
    /// rounds' text, not the file's. The first error (a chunk's, else a
    /// write's) is thrown once the writes in flight have finished.
    private func forEachChunk<Part>(_ chunk: Int = 32_768, _ make: (Range<Int>, Int) throws -> Part,
                                    write: (Part, Int) throws -> Void) throws {
        let workers = Swift.max(1, Swift.min(ParallelWork.threads, (rowCount + chunk - 1) / chunk))
        try withoutActuallyEscaping(write) { write in
            let writes = ChunkWrites<Part>(write)
            // After an error too: no write outlives this call (and `write`
            // must not be held once withoutActuallyEscaping returns).
            defer { writes.finish() }
            var start = 0
            while start < rowCount {
                let ranges = (0..<workers).map { k in min(rowCount, start + k * chunk)..<min(rowCount, start + (k + 1) * chunk) }.filter { !$0.isEmpty }
                let parts = try parallelMap(count: ranges.count) { k in try make(ranges[k], k) }
                try writes.waitForPrevious()
                writes.start(parts, counts: ranges.map(\.count))
                start = ranges.last!.upperBound
            }
            try writes.waitForPrevious()
        }
    }

    /// Streams the table's rows (no geometry) to `path` as CSV in `dialect`;
    /// returns how many text cells were neutralised against formula injection.
    @discardableResult
    public func writeCSV(path: String, dialect: CSVDialect) throws -> Int {
        let writer = try CSVWriter(path: path, fields: fields, dialect: dialect)
        let text = writer.text
        let cells = try typedCells.map { try text.prepare($0) }
        try forEachChunk { range, _ in
            let memory = ByteSink(memoryFor: path, expectedBytes: range.count * 12 * Swift.max(1, fields.count))
            var neutralised = 0
            if let cells {
                neutralised = try text.write(CellBlock(cells, rows: range), into: memory)
            } else {
                var values = [FieldValue]()
                for i in range {
                    row(i, into: &values)
                    neutralised += try text.write(values, into: memory)
                }
            }
            return (memory.takeBytes(), neutralised)
        } write: { part, _ in
            try writer.append(formatted: part.0, neutralised: part.1)
        }
        try writer.close()
        return writer.neutralised
    }

    /// Writes the table as one layer of an OGR file (GeoPackage, FlatGeobuf,
    /// or a GeoJSON layer `GeoJSONStreamWriter` does not write).
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

/// One round of chunk writes in flight on a serial queue of its own
/// (`OutputTable.forEachChunk`); keeps the first error a write threw.
private final class ChunkWrites<Part>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bereik.output.chunk-writes")
    private let group = DispatchGroup()
    /// Used on `queue` only; dropped by `finish()`.
    private var write: ((Part, Int) throws -> Void)?
    /// Written on `queue`, read after `group.wait()`.
    private var failure: Error?

    init(_ write: @escaping (Part, Int) throws -> Void) { self.write = write }

    /// Writes `parts` (in order) on the writing thread unless a write has already failed.
    func start(_ parts: [Part], counts: [Int]) {
        nonisolated(unsafe) let parts = parts
        queue.async(group: group) {
            guard self.failure == nil, let write = self.write else { return }
            do {
                for (k, part) in parts.enumerated() { try write(part, counts[k]) }
            } catch {
                self.failure = error
            }
        }
    }

    /// Waits for the writes in flight; throws the first write error.
    func waitForPrevious() throws {
        group.wait()
        if let failure { throw failure }
    }

    /// Waits for the writes in flight and lets go of the write closure.
    func finish() {
        group.wait()
        write = nil
    }
}
