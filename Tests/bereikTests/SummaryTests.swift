import Foundation
import XCTest

/// The terminal summary as a planner reads it, checked against the files
/// the same run wrote (regions.geojson, groups.geojson).
final class SummaryTests: XCTestCase {
    func testSummaryListsLightsRanksTotalAndGroups() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Two groups split at 6.6° E: each example municipality lies in one.
        func box(_ name: String, _ w: Double, _ e: Double) -> String {
            #"{"type":"Feature","properties":{"id":"\#(name.lowercased())","name":"\#(name)"},"geometry":{"type":"Polygon","coordinates":[[[\#(w),52.4],[\#(e),52.4],[\#(e),53.4],[\#(w),53.4],[\#(w),52.4]]]}}"#
        }
        let groups = folder + "/groups-in.geojson"
        try #"{"type":"FeatureCollection","features":[\#(box("West", 5.9, 6.6)),\#(box("Oost", 6.6, 7.4))]}"#
            .write(toFile: groups, atomically: true, encoding: .utf8)
        let out = folder + "/out"
        let r = try CLI.run(["analyze", "--no-maps", "--group-by", groups, "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(r.stdout.contains("km open") && r.stdout.contains("km any"), r.stdout)
        XCTAssertTrue(r.stdout.contains("OPEN to new patients") && r.stdout.contains("any status"), "the two distances are explained")

        func properties(_ file: String) throws -> [[String: Any]] {
            try CLI.features(file).map { $0["properties"] as! [String: Any] }
        }
        func line(startingWith name: String, after marker: String) -> String? {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(marker) }) else { return nil }
            return lines[start...].first { $0.hasPrefix(name + " ") }
        }
        func check(_ p: [String: Any], marker: String) {
            let name = p["name"] as! String
            guard let l = line(startingWith: name, after: marker) else { return XCTFail("no summary line for \(name) under \(marker)") }
            let cells = l.split(separator: " ").map(String.init)
            XCTAssertTrue(cells.contains(p["light"] as! String), "\(name): light \(p["light"]!) in '\(l)'")
            XCTAssertTrue(cells.contains(String(p["urgency_rank"] as! Int)), "\(name): rank \(p["urgency_rank"]!) in '\(l)'")
            XCTAssertTrue(cells.contains(String(format: "%.2f", (p["mean_open_m"] as! Double) / 1000)), "\(name): km open in '\(l)'")
            XCTAssertTrue(cells.contains(String(format: "%.2f", (p["mean_any_m"] as! Double) / 1000)), "\(name): km any in '\(l)'")
        }
        let regions = try properties(out + "/regions.geojson").filter { ($0["region_id"] as? String) != "total" }
        XCTAssertEqual(regions.count, 12)
        for p in regions { check(p, marker: "Regions (12;") }
        let reds = regions.filter { $0["light"] as? String == "red" }.count
        XCTAssertTrue(r.stdout.contains("Regions (12; \(reds) red"), r.stdout)
        let groupRows = try properties(out + "/groups.geojson").filter { ($0["region_id"] as? String) != "total" }
        XCTAssertEqual(groupRows.map { $0["name"] as! String }.sorted(), ["Oost", "West"])
        for p in groupRows { check(p, marker: "Groups (--group-by) (2;") }

        // The total line: every inhabitant of the study area, with thousands separators.
        let total = regions.reduce(0.0) { $0 + ($1["inhabitants"] as! Double) }
        let formatted = NumberFormatter()
        formatted.numberStyle = .decimal
        formatted.groupingSeparator = ","
        let totalLine = try XCTUnwrap(lines.first { $0.hasPrefix("Study area (total)") }, r.stdout)
        XCTAssertTrue(totalLine.contains(formatted.string(from: NSNumber(value: total))!), totalLine)
        XCTAssertTrue(totalLine.contains("of 12 regions flagged"), totalLine)
        // Its light, as regions.geojson's total row has it.
        let totalRow = try XCTUnwrap(try properties(out + "/regions.geojson").first { ($0["region_id"] as? String) == "total" })
        let light = try XCTUnwrap(totalRow["light"] as? String)
        XCTAssertTrue(totalLine.contains("  \(light)  "), "\(light): \(totalLine)")
    }
}
