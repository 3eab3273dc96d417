import Foundation
import Geo

/// Writes the output contract (DESIGN.md) into one folder, file by file. The
/// CLI points `folder` at the staging folder of an `OutputTransaction`, which
/// replaces the whole output folder in one step once everything (maps too)
/// is written; a library caller that writes elsewhere gets no such promise.
public struct OutputWriter {
    public var folder: String
    public var geoPackage: Bool
    /// How regions.csv and groups.csv are written.
    public var csvDialect = CSVDialect.rfc4180
    /// Also write each layer as `<layer>.fgb` (FlatGeobuf, EPSG:28992).
    public var flatGeobuf = false

    public init(folder: String, geoPackage: Bool) {
        self.folder = folder
        self.geoPackage = geoPackage
    }

    public func write(_ result: AnalysisResult, population: [PopulationPoint], practices: [Practice],
                      regions: [Region], catchments: (CatchmentMethod, [Catchment])? = nil,
                      groups: (AnalysisResult, [Region])? = nil, report: (inout RunReport) -> Void, baseReport: RunReport,
                      progress: Progress? = nil, whileWritingPoints: (([String: MapLayer]) throws -> Void)? = nil) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { progress?.finish() }
        let tables = OutputTables(result: result, population: population, practices: practices, regions: regions)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        var files: [String] = []
        func stage(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        progress?.step("writing population.geojson")
        // Above the squares' threshold nothing drawn reads population.geojson:
        // `whileWritingPoints` (the maps) runs once every other file and a
        // run.json without the write timing are in the folder, and gets the
        // squares as they will read back (`WrittenLayer`), not to parse them again.
        let beside = population.count > PopulationCells.threshold ? whileWritingPoints : nil
        func writeOtherLayers() throws -> (files: [String], spatial: [OutputTable], squares: OutputTable?) {
            // Each side its own transformer: a PROJ context is not shared between threads.
            let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
            try writeLayer(tables.regions, path: stage("regions.geojson"), format: .geoJSON, transform: toWGS84)
            try writeLayer(tables.regions.withoutGeometry, path: stage("regions.csv"), format: .csv, transform: nil)
            try writeLayer(tables.practices, path: stage("practices.geojson"), format: .geoJSON, transform: toWGS84)
            var files = ["regions.geojson", "regions.csv", "practices.geojson"]
            var spatial = [tables.regions, tables.practices]
            if let (groupResult, groupRegions) = groups {
                var table = OutputTables(result: groupResult, population: population, practices: practices, regions: groupRegions).regions
                table.name = "groups"
                try writeLayer(table, path: stage("groups.geojson"), format: .geoJSON, transform: toWGS84)
                try writeLayer(table.withoutGeometry, path: stage("groups.csv"), format: .csv, transform: nil)
                files += ["groups.geojson", "groups.csv"]
                spatial.append(table)
            }
            if let (method, polygons) = catchments {
                let table = OutputTables.catchments(polygons, method: method, practices: practices)
                try writeLayer(table, path: stage("catchments.geojson"), format: .geoJSON, transform: toWGS84)
                files.append("catchments.geojson")
                spatial.append(table)
            }
            var squares: OutputTable?
            if population.count > PopulationCells.threshold {
                let cells = PopulationCells.table(result: result, population: population)
                squares = cells
                try writeLayer(cells, path: stage(PopulationCells.fileName), format: .geoJSON, transform: toWGS84)
                files.append(PopulationCells.fileName)
                spatial.append(cells)
            }
            return (files, spatial, squares)
        }
        /// run.json for these files; `timed` false: before the write timing is known.
        func finalReport(_ others: [String], spatial: [OutputTable], squares: Int, timed: Bool) -> RunReport {
            var run = baseReport
            run.outputs = Self.fileNames(others: others, spatial: [tables.population] + spatial, geoPackage: geoPackage, flatGeobuf: flatGeobuf)
            if timed { report(&run) }
            if squares > 0 { PopulationCells.state(in: &run, points: population.count, squares: squares) }
            return run
        }
        // The point layer (chunks on all threads) is written while the other
        // layers (GDAL, one thread each) are: different files; errors keep
        // their order, population.geojson's first.
        let (pointsWritten, othersWritten) = ParallelWork.both({
            try writeLayer(tables.population, path: stage("population.geojson"), format: .geoJSON, transform: toWGS84)
        }, { () throws -> (files: [String], spatial: [OutputTable], squares: OutputTable?) in
            let others = try writeOtherLayers()
            if let beside {
                try finalReport(others.files, spatial: others.spatial, squares: others.squares?.rowCount ?? 0, timed: false).write(into: folder)
                let known = try others.squares.map { [PopulationCells.fileName: try WrittenLayer.mapLayer($0, fileName: PopulationCells.fileName)] }
                try beside(known ?? [:])
            }
            return others
        })
        try pointsWritten.get()
        let others = try othersWritten.get()
        files += ["population.geojson"] + others.files
        let spatial = [tables.population] + others.spatial
        let squares = others.squares?.rowCount ?? 0
        if geoPackage {
            progress?.step("writing bereik.gpkg")
            try GeoPackageOutput.write(spatial, path: stage("bereik.gpkg"))
            files.append("bereik.gpkg")
        }
        if flatGeobuf {
            progress?.step("writing FlatGeobuf")
            for layer in spatial {
                // FlatGeobuf (GDAL 3.6) drops features without geometry; the
                // study-area total row lives in the GeoJSON, CSV and GeoPackage.
                try writeLayer(layer.onlyWithGeometry, path: stage(layer.name + ".fgb"), format: .flatGeobuf, transform: nil)
                files.append(layer.name + ".fgb")
            }
        }
        files.append("run.json")
        let run = finalReport(others.files, spatial: others.spatial, squares: squares, timed: true)
        assert(run.outputs == files)
        try run.write(into: folder)
        return files
    }

    /// The files `write` puts in the folder, in its order: known before the
    /// population layer is finished, for the run.json the maps read meanwhile.
    static func fileNames(others: [String], spatial: [OutputTable], geoPackage: Bool, flatGeobuf: Bool) -> [String] {
        ["population.geojson"] + others + (geoPackage ? ["bereik.gpkg"] : []) + (flatGeobuf ? spatial.map { $0.name + ".fgb" } : [])
            + ["run.json"]
    }

    /// Writes one table: GeoJSON in WGS84, CSV (no geometry) in the run's dialect.
    private func writeLayer(_ table: OutputTable, path: String, format: VectorFormat, transform: CoordinateTransformer?) throws {
        switch format {
        case .csv: try table.withoutGeometry.writeCSV(path: path, dialect: csvDialect)
        case .geoJSON: try table.writeGeoJSON(path: path, toWGS84: transform ?? CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84))
        default:
            let writer = try VectorWriter(path: path, format: format)
            try table.write(into: writer, crs: CoordinateTransformer.rdNew, transform: nil)
            try writer.close()
        }
    }
}
