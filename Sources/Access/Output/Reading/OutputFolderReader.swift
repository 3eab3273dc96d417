import Foundation
import Geo

public enum OutputFolderError: Error, CustomStringConvertible {
    case notAnOutputFolder(String)
    /// `map --from` names nothing that exists.
    case missing(String)
    /// `map --from` names a folder bereik did not write (no run.json).
    case withoutRun(String)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let p):
            return "--from \(p): no such folder. Name the --out folder of a bereik analyze or scenario run."
        case .withoutRun(let p):
            return "--from \(p) holds no run.json, so bereik did not write it. Name the --out folder of a bereik analyze or scenario run."
        case .notAnOutputFolder(let p):
            return "\(p) holds none of population.geojson, regions.geojson, practices.geojson: is it a bereik output folder?"
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        }
    }
}

/// Reads an analysis output folder (the output contract) back through OGR and
/// transforms every geometry from the file's CRS (WGS84 for GeoJSON) to
/// EPSG:28992: how Maps (and anything else drawing results) reads results
/// without touching Geo.
public enum OutputFolderReader {
    /// `known`: layers by file name already in memory, exactly as they would
    /// read back from their files (`WrittenLayer`); used instead of the files.
    public static func read(_ folder: String, known: [String: MapLayer] = [:]) throws -> OutputFolder {
        var result = OutputFolder(path: folder)
        result.run = try readRun(folder)
        // Large runs: the squares stand in for the points, which are not read.
        let squares = known[PopulationCells.fileName] != nil
            || FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(PopulationCells.fileName))
        let files = ["regions.geojson", squares ? PopulationCells.fileName : "population.geojson", "practices.geojson",
                     "catchments.geojson", "sites.geojson"]
        // Independent files, read on all threads; an error is the first file's in this order.
        let layers = try parallelMap(count: files.count) { try known[files[$0]] ?? readLayer(folder, files[$0]) }
        result.regions = layers[0]
        if squares, let cells = layers[1] {
            result.population = asPopulation(cells)
            result.populationAggregation = aggregation(cells)
        } else {
            result.population = layers[1]
        }
        result.practices = layers[2]
        result.catchments = layers[3]
        result.sites = layers[4]
        if result.regions == nil && result.population == nil && result.practices == nil {
            throw OutputFolderError.notAnOutputFolder(folder)
        }
        return result
    }

    public static func readRun(_ folder: String) throws -> RunReport? {
        let path = (folder as NSString).appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw OutputFolderError.unreadable(file: path, reason: "not a run.json this version reads: \(error)")
        }
    }

    /// Reads one file, or returns nil when it does not exist.
    static func readLayer(_ folder: String, _ fileName: String) throws -> MapLayer? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let layer = try VectorSource(path: path).layer()
        let crs = layer.crs ?? CoordinateTransformer.wgs84
        let names = layer.fields.map(\.name)
        var features = [MapFeature]()
        try layer.forEach(fields: Array(names.indices)) { position, _, values, geometry in
            guard let g = try geometry.get(), !g.isEmpty else { return }
            var properties = [String: FieldValue](minimumCapacity: names.count)
            for (name, value) in zip(names, values) { properties[name] = value }
            features.append(MapFeature(geometry: g, properties: properties))
        }
        // OGR reads on one thread; the geometries go to RD New on all (a
        // transformer per worker: a PROJ context is not shared between threads).
        let rd = try parallelMap(count: features.count, minPerWorker: 64, state: {
            try CoordinateTransformer(from: crs, to: CoordinateTransformer.rdNew)
        }) { transformer, i in try transformer.transform(features[i].geometry) }
        let keepsWGS84 = crs == CoordinateTransformer.wgs84
        for i in features.indices {
            if keepsWGS84 { features[i].wgs84 = features[i].geometry }
            features[i].geometry = rd[i]
        }
        let name = (fileName as NSString).deletingPathExtension
        return MapLayer(name: name, fileName: fileName, fieldNames: names, features: features)
    }

    /// The rows of a CSV (or any attribute table) of the folder by field
    /// name, or nil when the file is absent.
    public static func table(_ folder: String, _ fileName: String) throws -> [[String: FieldValue]]? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let layer = try VectorSource(path: path).layer()
        let names = layer.fields.map(\.name)
        var rows: [[String: FieldValue]] = []
        try layer.forEach(fields: Array(names.indices)) { _, _, values, _ in
            var row: [String: FieldValue] = [:]
            for (name, value) in zip(names, values) { row[name] = value }
            rows.append(row)
        }
        return rows
    }

    /// `population_cells.geojson` as the population layer: each square
    /// carries the properties the population maps colour by, under the names
    /// of the point layer (`mean_open_m` → `nearest_open_practice_m`,
    /// `mean_min_<mode>` → `road_min_<mode>`), so maps and viewer draw squares
    /// and points alike; legends say which they show.
    static func asPopulation(_ cells: MapLayer) -> MapLayer {
        func renamed(_ name: String) -> String {
            if name == PopulationCellColumn.meanOpenM.text { return PopulationColumn.nearestOpenPracticeM.text }
            if let mode = PopulationCellColumn.mode(ofMeanMinutes: name) { return PopulationColumn.roadMinutes(mode).text }
            return name
        }
        var layer = cells
        layer.name = "population"
        layer.fieldNames = cells.fieldNames.map(renamed)
        layer.features = cells.features.map { f in
            var g = f
            g.properties = Dictionary(uniqueKeysWithValues: f.properties.map { (renamed($0.key), $0.value) })
            return g
        }
        return layer
    }

    static func aggregation(_ cells: MapLayer) -> PopulationAggregation {
        let points = cells.features.reduce(0) { $0 + Int($1.number(PopulationCellColumn.points) ?? 0) }
        let size = cells.features.first?.number(PopulationCellColumn.cellSizeM) ?? PopulationCells.cellSizeM
        return PopulationAggregation(cellSizeM: size, points: points, cells: cells.features.count, threshold: PopulationCells.threshold)
    }
}
