import Foundation
import Geo

/// Writes extra decision tables (CSV, GeoJSON in WGS84, Markdown) into an
/// output folder through a staging folder, so a failure leaves no partial file.
struct DecisionFiles {
    let folder: String
    var csvDialect = CSVDialect.rfc4180
    /// Also write the spatial tables as layers of `bereik.gpkg` (EPSG:28992).
    var geoPackage = false

    func write(tables: [(file: String, table: OutputTable)], texts: [(file: String, text: String)] = []) throws -> [String] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let staging = (folder as NSString).appendingPathComponent(".bereik-decisions-\(getpid())")
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        defer { try? fm.removeItem(atPath: staging) }
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        for (file, table) in tables {
            if file.hasSuffix(".csv") {
                try table.withoutGeometry.writeCSV(path: staging + "/" + file, dialect: csvDialect)
            } else {
                try table.writeGeoJSON(path: staging + "/" + file, toWGS84: toWGS84)
            }
        }
        var files = tables.map(\.file)
        let spatial = tables.filter { $0.file.hasSuffix(".geojson") }.map(\.table)
        if geoPackage && !spatial.isEmpty {
            try GeoPackageOutput.write(spatial, path: staging + "/bereik.gpkg")
            files.append("bereik.gpkg")
        }
        for (file, text) in texts { try text.write(toFile: staging + "/" + file, atomically: false, encoding: .utf8) }
        files += texts.map(\.file)
        for f in files {
            let target = (folder as NSString).appendingPathComponent(f)
            try? fm.removeItem(atPath: target)
            try fm.moveItem(atPath: staging + "/" + f, toPath: target)
        }
        return files
    }

    static func metres(_ d: Double?) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * 10).rounded() / 10) : nil } ?? .null }
    static func round(_ d: Double?, _ digits: Double = 100) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * digits).rounded() / digits) : nil } ?? .null }
}
