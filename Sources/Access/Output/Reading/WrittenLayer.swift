import Foundation
import Geo

/// A polygon layer of the output contract as `OutputFolderReader` would read
/// it back from the GeoJSON that `PolygonsInWGS84.writeGeoJSON` streams, made
/// from the moved table in memory: the maps take the catchments and the
/// population squares without parsing their files again. The same features,
/// bit for bit: each ring in the order written (`GeoJSONPolygonText`), each
/// vertex rounded to the text written and transformed back to RD New; values
/// are those written, booleans as the 0/1 integers OGR reads back, NaN and
/// infinities as the nulls written.
public enum WrittenLayer {
    /// The layer `PolygonsInWGS84.writeGeoJSON` wrote as `fileName` into
    /// `folder` from `moved`: from memory when it was streamed, else read back.
    static func mapLayer(moved: OutputTable, writtenAs fileName: String, in folder: String) throws -> MapLayer? {
        try mapLayer(moved: moved, fileName: fileName) ?? OutputFolderReader.readLayer(folder, fileName)
    }

    /// nil when the layer is not streamed (OGR writes it, and only the file
    /// tells how it reads back).
    static func mapLayer(moved table: OutputTable, fileName: String) throws -> MapLayer? {
        guard let geometries = table.geometries, PolygonsInWGS84.isStreamable(table) else { return nil }
        let names = table.fields.map(\.name)
        let rd = try parallelMap(count: table.rowCount, minPerWorker: 64, state: {
            try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        }) { back, i -> (rd: Geometry, wgs84: Geometry)? in
            guard let g = geometries[i] else { return nil }
            let written = GeoJSONPolygonText.asWritten(g)
            return (try back.transform(written), written)
        }
        var features = [MapFeature]()
        features.reserveCapacity(table.rowCount)
        var values = [FieldValue]()
        for i in 0..<table.rowCount {
            guard let g = rd[i], !g.rd.isEmpty else { continue }
            table.row(i, into: &values)
            var properties = [String: FieldValue](minimumCapacity: names.count)
            for (name, value) in zip(names, values) {
                switch value {
                case .boolean(let b): properties[name] = .integer(b ? 1 : 0)
                case .real(let d) where !d.isFinite: properties[name] = .null   // written as null
                default: properties[name] = value
                }
            }
            features.append(MapFeature(geometry: g.rd, properties: properties, wgs84: g.wgs84))
        }
        return MapLayer(name: (fileName as NSString).deletingPathExtension, fileName: fileName, fieldNames: names, features: features)
    }
}
