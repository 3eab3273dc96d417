import Foundation
import Geo

/// Polygon layers with their geometries moved to WGS84 on all threads, then
/// written as GeoJSON: the reprojection was about a third of a large
/// catchment layer's writing time through OGR (the 200k-node grid of issue
/// 12), OGR's formatting the rest.
enum PolygonsInWGS84 {
    /// The table (in EPSG:28992) with every geometry in WGS84, transformed
    /// one at a time as OGR's writing would (a transformer per worker: a PROJ
    /// context is not shared between threads). Point layers are not passed
    /// here: the streamed writer moves their points itself.
    static func move(_ table: OutputTable) throws -> OutputTable {
        guard let geometries = table.geometries else { return table }
        var out = table
        out.geometries = try parallelMap(count: geometries.count, minPerWorker: 64, state: {
            try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        }) { toWGS84, i in
            try geometries[i].map { try toWGS84.transform($0) }
        }
        return out
    }

    /// A table `move` returned as GeoJSON, in the bytes OGR writes for the
    /// table before the move: streamed (`OutputTable.streamGeoJSON`, rows
    /// formatted in chunks on all threads) when every geometry is one
    /// `GeoJSONPolygonText` writes as OGR does, else through OGR.
    static func writeGeoJSON(_ moved: OutputTable, path: String) throws {
        guard let geometries = moved.geometries, isStreamable(moved) else {
            let writer = try VectorWriter(path: path, format: .geoJSON)
            try moved.write(into: writer, crs: CoordinateTransformer.wgs84, transform: nil)
            return try writer.close()
        }
        // Chunks of rows (catchments: a few hundred features of hundreds of
        // vertices each), several per worker, so the workers share the load.
        let chunk = Swift.max(16, (moved.rowCount + 8 * ParallelWork.threads - 1) / (8 * ParallelWork.threads))
        try moved.streamGeoJSON(path: path, chunk: chunk, bytes: { range in
            range.reduce(0) { $0 + 100 + 16 * moved.fields.count + 26 * (geometries[$1]?.coordinateCount ?? 0) }
        }) { range, _ in .polygons(geometries[range]) }
    }

    /// Whether `writeGeoJSON` streams the moved table (and `WrittenLayer`
    /// can tell how it reads back without reading it).
    static func isStreamable(_ moved: OutputTable) -> Bool {
        moved.geometries?.allSatisfy { $0.map(GeoJSONPolygonText.isWritable) ?? true } ?? false
    }
}
