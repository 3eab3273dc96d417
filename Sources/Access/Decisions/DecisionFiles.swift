import Foundation
import Geo

/// Writes extra decision tables (CSV, GeoJSON in WGS84, Markdown) into an
/// output folder: the staging folder of the run's `OutputTransaction`, which
/// replaces the output folder as a whole.
struct DecisionFiles {
    let folder: String
    var csvDialect = CSVDialect.rfc4180
    /// Also write the spatial tables as layers of `bereik.gpkg` (EPSG:28992).
    var geoPackage = false

    func write(tables: [(file: String, table: OutputTable)], texts: [(file: String, text: String)] = []) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        for (file, table) in tables {
            if file.hasSuffix(".csv") {
                try table.withoutGeometry.writeCSV(path: folder + "/" + file, dialect: csvDialect)
            } else {
                try table.writeGeoJSON(path: folder + "/" + file, toWGS84: toWGS84)
            }
        }
        var files = tables.map(\.file)
        let spatial = tables.filter { $0.file.hasSuffix(".geojson") }.map(\.table)
        if geoPackage && !spatial.isEmpty {
            try GeoPackageOutput.write(spatial, path: folder + "/bereik.gpkg")
            files.append("bereik.gpkg")
        }
        for (file, text) in texts { try text.write(toFile: folder + "/" + file, atomically: false, encoding: .utf8) }
        return files + texts.map(\.file)
    }

    static func metres(_ d: Double?) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * 10).rounded() / 10) : nil } ?? .null }
    static func round(_ d: Double?, _ digits: Double = 100) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * digits).rounded() / digits) : nil } ?? .null }
}
