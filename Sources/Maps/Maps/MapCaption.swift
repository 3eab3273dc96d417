import Access
import Foundation

/// The words around every map and page: which data, which date, and where the
/// inputs came from. All from `run.json`; neutral wording when it is missing.
struct MapCaption {
    /// e.g. "SYNTHETIC example data · run 2026-11-23".
    let dataLine: String
    /// e.g. "Sources: population.geojson, practices.geojson · © OpenStreetMap contributors".
    let attribution: String
    let isSynthetic: Bool
    let date: String

    init(run: RunReport?) {
        guard let run else {
            isSynthetic = false
            date = "date unknown"
            dataLine = "Data: output folder without run.json"
            attribution = "Sources: not recorded (no run.json) · map by bereik"
            return
        }
        isSynthetic = run.syntheticData
        date = String(run.startedAt.prefix(10))
        let files = run.inputs.map { ($0.path as NSString).lastPathComponent }
        let kind = run.syntheticData ? "SYNTHETIC example data (not real figures)" : "Data: " + files.joined(separator: ", ")
        dataLine = "\(kind) · run \(date) · bereik \(run.version)"
        var parts = ["Sources: " + run.inputs.map { "\($0.role): \(($0.path as NSString).lastPathComponent)" }.joined(separator: "; ")]
        if Self.usesOpenStreetMap(run) { parts.append("© OpenStreetMap contributors") }
        parts.append("distances: \(run.method)")
        attribution = parts.joined(separator: " · ")
    }

    /// True when a road input is OpenStreetMap data (OSM driver or .osm/.pbf file).
    static func usesOpenStreetMap(_ run: RunReport) -> Bool {
        run.inputs.contains { input in
            let path = input.path.lowercased()
            return input.role.lowercased().contains("road")
                && (input.driver.uppercased() == "OSM" || path.hasSuffix(".pbf") || path.hasSuffix(".osm") || path.contains("osm"))
        }
    }
}
