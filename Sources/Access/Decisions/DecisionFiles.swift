import Foundation
import Geo

/// Writes extra decision tables (CSV, GeoJSON in WGS84, Markdown) into an
/// output folder: the staging folder of the run's `OutputTransaction`, which
/// replaces the output folder as a whole.
struct DecisionFiles {
    let folder: String

    func write(tables: [(file: String, table: OutputTable)], texts: [(file: String, text: String)] = []) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        for (file, table) in tables {
            let csv = file.hasSuffix(".csv")
            let writer = try VectorWriter(path: folder + "/" + file, format: csv ? .csv : .geoJSON)
            let t = csv ? table.withoutGeometry : table
            try t.write(into: writer, crs: csv ? CoordinateTransformer.rdNew : CoordinateTransformer.wgs84, transform: csv ? nil : toWGS84)
            try writer.close()
        }
        for (file, text) in texts { try text.write(toFile: folder + "/" + file, atomically: false, encoding: .utf8) }
        return tables.map(\.file) + texts.map(\.file)
    }

    static func metres(_ d: Double?) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * 10).rounded() / 10) : nil } ?? .null }
    static func round(_ d: Double?, _ digits: Double = 100) -> FieldValue { d.flatMap { $0.isFinite ? .real(($0 * digits).rounded() / digits) : nil } ?? .null }
}
