import Access
import Foundation
import Geo

public enum MapsError: Error, CustomStringConvertible {
    case notAnOutputFolder(String)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .notAnOutputFolder(let p):
            return "\(p) holds none of population.geojson, regions.geojson, practices.geojson: is it a bereik output folder?"
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        }
    }
}

/// Reads an analysis output folder (the output contract) back through OGR and
/// transforms every geometry from the file's CRS (WGS84 for GeoJSON) to
/// EPSG:28992 for rendering.
public enum OutputFolderReader {
    public static func read(_ folder: String) throws -> OutputFolder {
        var result = OutputFolder(path: folder)
        result.run = try readRun(folder)
        result.regions = try readLayer(folder, "regions.geojson")
        if let cells = try readLayer(folder, PopulationCells.fileName) {
            // Large runs: the squares stand in for the points, which are not read.
            result.population = PopulationCellLayer.asPopulation(cells)
            result.populationAggregation = PopulationCellLayer.aggregation(cells)
        } else {
            result.population = try readLayer(folder, "population.geojson")
        }
        result.practices = try readLayer(folder, "practices.geojson")
        result.catchments = try readLayer(folder, "catchments.geojson")
        result.sites = try readLayer(folder, "sites.geojson")
        if result.regions == nil && result.population == nil && result.practices == nil {
            throw MapsError.notAnOutputFolder(folder)
        }
        return result
    }

    static func readRun(_ folder: String) throws -> RunReport? {
        let path = (folder as NSString).appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw MapsError.unreadable(file: path, reason: "not a run.json this version reads: \(error)")
        }
    }

    /// Reads one file, or returns nil when it does not exist.
    static func readLayer(_ folder: String, _ fileName: String) throws -> MapLayer? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let layer = try VectorSource(path: path).layer()
        let transformer = try CoordinateTransformer(from: layer.crs ?? CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        let names = layer.fields.map(\.name)
        var features = [MapFeature]()
        try layer.forEach(fields: Array(names.indices)) { position, _, values, geometry in
            guard let g = try geometry.get(), !g.isEmpty else { return }
            let rd = try transformer.transform(g)
            var properties = [String: FieldValue](minimumCapacity: names.count)
            for (name, value) in zip(names, values) { properties[name] = value }
            features.append(MapFeature(geometry: rd, properties: properties))
        }
        let name = (fileName as NSString).deletingPathExtension
        return MapLayer(name: name, fileName: fileName, fieldNames: names, features: features)
    }
}
