import Access
import Foundation
import Maps
import XCTest

/// The scenario's before/after maps read flags from changes.csv and changes
/// from point_changes.csv: hand-made files, counted colours.
final class ScenarioMapsTests: XCTestCase {
    func testBeforeAfterMapsFollowTheScenarioFiles() throws {
        let folder = NSTemporaryDirectory() + "bereik-scenario-maps-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = RenderedFolder.repositoryRoot + "/GeoData/"
        let job = AnalyzeJob(populationPath: data + "population.geojson", practicesPath: data + "practices.geojson",
                             regionsPath: data + "gemeenten.geojson", outputFolder: folder)
        _ = try job.run()
        // Assen (GM0106) flagged before only, Emmen (GM0114) after only; the rest never.
        try """
        region_id,name,flagged_before,flagged_after
        GM0106,Assen,1,0
        GM0114,Emmen,0,1
        """.write(toFile: folder + "/changes.csv", atomically: true, encoding: .utf8)
        let ids = try Self.populationIDs(folder, count: 3)
        try """
        id,delta_open_m
        \(ids[0]),1500
        \(ids[1]),-200
        \(ids[2]),
        """.write(toFile: folder + "/point_changes.csv", atomically: true, encoding: .utf8)
        let files = try MapRenderer.renderAll(outputFolder: folder, png: false).files
        for id in ["scenario-regions-before", "scenario-regions-after", "scenario-population-change"] {
            XCTAssertTrue(files.contains("maps/\(id).svg"), id)
        }
        let vermillion = "fill=\"#D55E00\""
        let before = try Self.group("layer-regions", in: folder + "/maps/scenario-regions-before.svg")
        let after = try Self.group("layer-regions", in: folder + "/maps/scenario-regions-after.svg")
        XCTAssertEqual(before.components(separatedBy: vermillion).count - 1, 1)
        XCTAssertEqual(after.components(separatedBy: vermillion).count - 1, 1)
        XCTAssertNotEqual(before, after, "different regions are red")
        let points = try Self.group("layer-population", in: folder + "/maps/scenario-population-change.svg")
        XCTAssertEqual(points.components(separatedBy: "<circle").count - 1, 3, "only the changed points")
        for colour in ["#D55E00", "#0072B2", "#999999"] { XCTAssertTrue(points.contains("fill=\"\(colour)\""), colour) }
    }

    /// The text of the SVG group with this id.
    static func group(_ id: String, in path: String) throws -> String {
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let start = try XCTUnwrap(svg.range(of: "<g id=\"\(id)\""))
        let end = try XCTUnwrap(svg.range(of: "</g>", range: start.upperBound..<svg.endIndex))
        return String(svg[start.lowerBound..<end.lowerBound])
    }

    static func populationIDs(_ folder: String, count: Int) throws -> [String] {
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/population.geojson"))) as! [String: Any]
        let features = doc["features"] as! [[String: Any]]
        return features.prefix(count).map { ($0["properties"] as! [String: Any])["id"] as! String }
    }
}
