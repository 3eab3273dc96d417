import Foundation
import Geo

/// A polygon layer of the output contract as `OutputFolderReader` would read
/// it back from the GeoJSON that `OutputTable.writeGeoJSON` writes, made
/// from the table in memory: the maps of a large run draw the population
/// squares without parsing `population_cells.geojson` again while
/// `population.geojson` is still being written. The same features, bit for
/// bit: each vertex goes to WGS84 as written, is rounded to the text GDAL
/// writes (seven decimals), parsed and transformed back to RD New; values
/// are those written, booleans as the 0/1 integers OGR reads back.
public enum WrittenLayer {
    static func mapLayer(_ table: OutputTable, fileName: String) throws -> MapLayer {
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let back = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        let names = table.fields.map(\.name)
        var features = [MapFeature]()
        features.reserveCapacity(table.rowCount)
        var values = [FieldValue]()
        for i in 0..<table.rowCount {
            guard let g = table.geometries?[i] ?? nil else { continue }
            let written = try toWGS84.transform(g).mapCoordinates { c in
                Coordinate(x: asWritten(c.x), y: asWritten(c.y))
            }
            let rd = try back.transform(written)
            guard !rd.isEmpty else { continue }
            table.row(i, into: &values)
            var properties = [String: FieldValue](minimumCapacity: names.count)
            for (name, value) in zip(names, values) {
                if case .boolean(let b) = value { properties[name] = .integer(b ? 1 : 0) } else { properties[name] = value }
            }
            features.append(MapFeature(geometry: rd, properties: properties))
        }
        return MapLayer(name: (fileName as NSString).deletingPathExtension, fileName: fileName, fieldNames: names, features: features)
    }

    /// A coordinate as GDAL's GeoJSON writer prints it, read back.
    static func asWritten(_ x: Double) -> Double {
        Double(GDALNumberText.slowCoordinate(x)) ?? x
    }
}
