import Foundation

/// Finds the embedded default data set (GeoData/ at the package root).
enum DefaultDataLocation {
    struct Files {
        var population: String
        var practices: String
        var regions: String
    }

    /// The default data's road network, when it has one.
    static func roads() -> String? {
        guard let files = try? find() else { return nil }
        let path = (files.population as NSString).deletingLastPathComponent + "/roads.geojson"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The default data's status history (for `bereik trend`), when it has one.
    static func statusHistory() -> String? {
        guard let files = try? find() else { return nil }
        let path = (files.population as NSString).deletingLastPathComponent + "/status_history.csv"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func find() throws -> Files {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["BEREIK_GEODATA"] { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/GeoData")
        // The package root, as seen from this source file at build time.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("GeoData").path)
        // Walk up from the executable (.build/<triple>/<config>/bereik).
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("GeoData").path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            let files = Files(population: c + "/population.geojson", practices: c + "/practices.geojson", regions: c + "/gemeenten.geojson")
            if [files.population, files.practices, files.regions].allSatisfy(FileManager.default.fileExists) { return files }
        }
        throw BereikFailure(message: "the embedded default data (GeoData/population.geojson, practices.geojson, gemeenten.geojson) was not found. Run from the package root, set BEREIK_GEODATA, or regenerate it with `bereik generate-default-data --out GeoData`.")
    }
}
