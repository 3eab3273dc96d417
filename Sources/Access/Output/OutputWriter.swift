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
        // catchments.geojson, the largest polygon layer, begins the longest
        // chain of the step: its vertices go to WGS84 on all threads first,
        // so that the point layer's chunks are made while it is written; the
        // maps drawn beside take it from memory as it reads back
        // (`WrittenLayer`). Its error is thrown where the file is written.
        let catchmentTable = catchments.map { OutputTables.catchments($0.1, method: $0.0, practices: practices) }
        let movedCatchments = catchmentTable.map { table in Result { try PolygonsInWGS84.move(table) } }
        /// The layers but the points; `known`: layers the maps drawn beside
        /// take from memory (by file name), as they read back.
        func writeOtherLayers() throws -> (files: [String], spatial: [OutputTable], squares: OutputTable?, known: [String: MapLayer]) {
            // catchments.geojson is written on a thread of its own while the other layers are.
            let (catchmentsWritten, restWritten) = ParallelWork.both({ () throws -> MapLayer? in
                guard let movedCatchments else { return nil }
                let moved = try movedCatchments.get()
                try PolygonsInWGS84.writeGeoJSON(moved, path: stage("catchments.geojson"))
                guard beside != nil else { return nil }
                return try WrittenLayer.mapLayer(moved: moved, writtenAs: "catchments.geojson", in: folder)
            }, { () -> (files: Result<([String], [OutputTable]), Error>, squares: Result<(table: OutputTable, layer: MapLayer?)?, Error>) in
                // Each thread its own transformer: a PROJ context is not shared between threads.
                let toWGS84: CoordinateTransformer
                do { toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84) } catch {
                    return (.failure(error), .failure(error))
                }
                // (Errors keep the files' order: these, catchments.geojson, the squares.)
                let first = Result { () throws -> ([String], [OutputTable]) in
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
                    return (files, spatial)
                }
                let squares = Result { () throws -> (table: OutputTable, layer: MapLayer?)? in
                    guard population.count > PopulationCells.threshold else { return nil }
                    let cells = PopulationCells.table(result: result, population: population)
                    let moved = try PolygonsInWGS84.move(cells)
                    try PolygonsInWGS84.writeGeoJSON(moved, path: stage(PopulationCells.fileName))
                    guard beside != nil else { return (cells, nil) }
                    return (cells, try WrittenLayer.mapLayer(moved: moved, writtenAs: PopulationCells.fileName, in: folder))
                }
                return (first, squares)
            })
            let rest = try restWritten.get()
            var (files, spatial) = try rest.files.get()
            let catchmentLayer = try catchmentsWritten.get()
            let squares = try rest.squares.get()
            var known: [String: MapLayer] = [:]
            if let catchmentTable {
                files.append("catchments.geojson")
                spatial.append(catchmentTable)
                known["catchments.geojson"] = catchmentLayer
            }
            if let squares {
                files.append(PopulationCells.fileName)
                spatial.append(squares.table)
                known[PopulationCells.fileName] = squares.layer
            }
            return (files, spatial, squares?.table, known)
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
        }, { () throws -> (files: [String], spatial: [OutputTable], squares: OutputTable?, known: [String: MapLayer]) in
            let others = try writeOtherLayers()
            if let beside {
                try finalReport(others.files, spatial: others.spatial, squares: others.squares?.rowCount ?? 0, timed: false).write(into: folder)
                try beside(others.known)
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
