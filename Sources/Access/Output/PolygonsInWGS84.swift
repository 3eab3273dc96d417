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
    /// writes for the table before the move.
    static func writeGeoJSON(_ moved: OutputTable, path: String) throws {
        let writer = try VectorWriter(path: path, format: .geoJSON)
        try moved.write(into: writer, crs: CoordinateTransformer.wgs84, transform: nil)
        try writer.close()
    }
}
