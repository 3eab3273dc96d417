import Foundation
import Geo

/// Polygon layers with their geometries moved to WGS84 ahead of OGR, on all
/// threads: OGR's GeoJSON writer formats on one thread, and the vertices'
/// reprojection (which `OutputTable.write(into:crs:transform:)` does there,
/// one geometry at a time) was about a third of a large catchment layer's
/// writing time (the 200k-node grid of issue 12).
enum PolygonsInWGS84 {
    /// The table (in EPSG:28992) with every geometry in WGS84, transformed
    /// one at a time as OGR's writing would (a transformer per worker: a PROJ
    /// context is not shared between threads). Point layers are not passed
    /// here: the streamed writer moves their points itself.
    static func move(_ table: OutputTable) throws -> OutputTable {
        guard let geometries = table.geometries else { return table }
        assert(table.kind != .point, "point layers are streamed, not moved here")
        var out = table
        out.geometries = try parallelMap(count: geometries.count, minPerWorker: 64, state: {
            try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        }) { toWGS84, i in
            try geometries[i].map { try toWGS84.transform($0) }
        }
        return out
    }

    /// A table `move` returned as GeoJSON: the bytes `OutputTable.writeGeoJSON`
    /// writes for the table before the move. OGR formats each feature on its
    /// own, so the rows are formatted in blocks on all threads (a file each)
    /// and the blocks' features joined under one header; when a block's file
    /// does not have the layout expected, the layer is written in one piece.
    /// Not done: the maps reading the blocks back in parallel instead of the
    /// whole file — OGR infers a GeoJSON file's field types from its own
    /// features, so a block could read back with other types than the file.
    static func writeGeoJSON(_ moved: OutputTable, path: String) throws {
        let blocks = ParallelWork.workers(count: moved.rowCount, minPerWorker: 64)
        guard blocks > 1 else { return try writeOne(moved, path: path) }
        let size = (moved.rowCount + blocks - 1) / blocks
        let ranges = stride(from: 0, to: moved.rowCount, by: size).map { $0..<Swift.min(moved.rowCount, $0 + size) }
        let parts = ranges.indices.map { path + ".part\($0)" }
        defer { for part in parts { try? FileManager.default.removeItem(atPath: part) } }
        try ParallelWork.forEachWorker(count: ranges.count) { _, indexes in
            for k in indexes { try writeOne(rows(moved, ranges[k]), path: parts[k]) }
        }
        let texts = try parts.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        guard let joined = joinedFeatures(texts) else { return try writeOne(moved, path: path) }
        try joined.write(to: URL(fileURLWithPath: path))
    }

    private static func writeOne(_ table: OutputTable, path: String) throws {
        let writer = try VectorWriter(path: path, format: .geoJSON)
        try table.write(into: writer, crs: CoordinateTransformer.wgs84, transform: nil)
        try writer.close()
    }

    /// Rows `range` of `table` as a table of their own.
    static func rows(_ table: OutputTable, _ range: Range<Int>) -> OutputTable {
        OutputTable(name: table.name, fields: table.fields, count: range.count, geometries: table.geometries.map { Array($0[range]) },
                    kind: table.kind) { i, buffer in buffer += table.row(range.lowerBound + i) }
    }

    /// The features OGR writes between "features": [ and the end of a
    /// collection: `header`, the features joined by ",\n", `footer`.
    static let header = Array("\"features\": [\n".utf8), footer = Array("\n]\n}\n".utf8)
    static let separator = Array(",\n".utf8)

    /// The blocks' collections as one: the first block's text up to its
    /// features, every block's features in order, one footer; nil when a
    /// block is not laid out so (an empty block, another OGR).
    static func joinedFeatures(_ texts: [Data]) -> Data? {
        var out = Data(), head: [UInt8] = []
        for (k, text) in texts.enumerated() {
            let bytes = [UInt8](text)
            guard let start = firstIndex(of: header, in: bytes).map({ $0 + header.count }),
                  bytes.count >= start + footer.count + 1, Array(bytes.suffix(footer.count)) == footer else { return nil }
            let features = bytes[start..<(bytes.count - footer.count)]
            guard features.first == UInt8(ascii: "{") else { return nil }
            if k == 0 {
                head = Array(bytes[..<start])
                out.append(contentsOf: head)
            } else {
                guard bytes[..<start].elementsEqual(head) else { return nil }
                out.append(contentsOf: separator)
            }
            out.append(contentsOf: features)
        }
        out.append(contentsOf: footer)
        return out
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
