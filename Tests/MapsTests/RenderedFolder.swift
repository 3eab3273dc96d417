import Access
import Foundation
import Maps

/// The embedded default data analysed once into a temporary folder, with a
/// hand-made catchments.geojson and sites.geojson added, then rendered.
enum RenderedFolder {
    static let shared = Result<(folder: String, files: [String]), Error> { try make() }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func make() throws -> (folder: String, files: [String]) {
        let folder = NSTemporaryDirectory() + "bereik-maps-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: folder)
        let data = repositoryRoot + "/GeoData/"
        var job = AnalyzeJob(populationPath: data + "population.geojson", practicesPath: data + "practices.geojson",
                             regionsPath: data + "gemeenten.geojson", outputFolder: folder)
        job.syntheticData = true
        job.dataNote = "test run on the embedded synthetic data"
        _ = try job.run()
        try catchments.write(toFile: folder + "/catchments.geojson", atomically: true, encoding: .utf8)
        try sites.write(toFile: folder + "/sites.geojson", atomically: true, encoding: .utf8)
        return (folder, try MapRenderer.renderAll(outputFolder: folder))
    }

    /// Two made-up catchment squares near Assen (WGS84).
    static let catchments = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"practice_id":"P001"},"geometry":{"type":"Polygon","coordinates":[[[6.52,52.98],[6.60,52.98],[6.60,53.02],[6.52,53.02],[6.52,52.98]]]}},
    {"type":"Feature","properties":{"practice_id":"P002"},"geometry":{"type":"Polygon","coordinates":[[[6.60,52.98],[6.68,52.98],[6.68,53.02],[6.60,53.02],[6.60,52.98]]]}}]}
    """

    /// Three made-up housing sites, one per verdict.
    static let sites = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Site A","homes":120,"verdict":"served"},"geometry":{"type":"Point","coordinates":[6.56,53.00]}},
    {"type":"Feature","properties":{"name":"Site B","homes":300,"verdict":"strained"},"geometry":{"type":"Polygon","coordinates":[[[6.40,52.80],[6.42,52.80],[6.42,52.81],[6.40,52.81],[6.40,52.80]]]}},
    {"type":"Feature","properties":{"name":"Site C","homes":80,"verdict":"not served"},"geometry":{"type":"Point","coordinates":[6.30,52.75]}}]}
    """
}
