import Foundation
import XCTest

/// `bereik analyze` on the real Drenthe data in ../shared/data/drenthe, with a
/// status column added here, checked against an independent computation:
/// PROJ's own `cs2cs` for the projection and a brute-force nearest search.
final class DrentheEndToEndTests: XCTestCase {
    var folder: String!
    var sharedDrenthe: String!

    override func setUpWithError() throws {
        let shared = CLI.packageRoot.appendingPathComponent("../shared/data/drenthe").standardized.path
        guard FileManager.default.fileExists(atPath: shared) else {
            throw XCTSkip("../shared/data/drenthe not found beside the project; this test needs the shared data")
        }
        sharedDrenthe = shared
        folder = try CLI.temporaryFolder()
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The practices with a status column added: a deterministic mix by position.
    func practicesWithStatus() throws -> String {
        var fc = try CLI.json(sharedDrenthe + "/gp_practices_drenthe.geojson")
        var features = fc["features"] as! [[String: Any]]
        let words = ["open", "ja", "gedeeltelijk", "nee", "open", "volledig", "yes"]
        for i in features.indices {
            var props = features[i]["properties"] as! [String: Any]
            props["status"] = words[i % words.count]
            features[i]["properties"] = props
        }
        fc["features"] = features
        let path = folder + "/practices.geojson"
        try JSONSerialization.data(withJSONObject: fc).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testDistancesMatchIndependentComputationAndRegionsAddUp() throws {
        guard let cs2cs = CLI.tool("cs2cs") else { throw XCTSkip("cs2cs (Debian proj-bin) not installed") }
        let practices = try practicesWithStatus()
        let out = folder + "/out"
        let r = try CLI.run(["analyze", "--population", sharedDrenthe + "/pc4_population_points_drenthe.csv",
                             "--practices", practices, "--regions", sharedDrenthe + "/gemeenten_drenthe.geojson", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)

        // Independent: project lon/lat with cs2cs, brute-force nearest open practice.
        func project(_ lonlat: [(Double, Double)]) throws -> [(Double, Double)] {
            let input = lonlat.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
            let text = try CLI.pipe(cs2cs, ["-f", "%.4f", "+init=epsg:4326", "+to", "+init=epsg:28992"], input: input)
            return text.split(separator: "\n").map { line in
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
                return (parts[0], parts[1])
            }
        }
        let csv = try String(contentsOfFile: sharedDrenthe + "/pc4_population_points_drenthe.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let (iPC4, iLon, iLat) = (header.firstIndex(of: "pc4")!, header.firstIndex(of: "centroid_lon")!, header.firstIndex(of: "centroid_lat")!)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let popRD = try project(rows.map { (Double($0[iLon])!, Double($0[iLat])!) })
        let gp = try CLI.features(practices)
        let openWords: Set<String> = ["open", "ja", "yes"]
        let openGP = gp.filter { openWords.contains(($0["properties"] as! [String: Any])["status"] as! String) }
        let gpRD = try project(openGP.map { f in
            let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
            return (c[0], c[1])
        })
        var expected: [String: Double] = [:]
        for (row, p) in zip(rows, popRD) {
            expected[row[iPC4]] = gpRD.map { (($0.0 - p.0) * ($0.0 - p.0) + ($0.1 - p.1) * ($0.1 - p.1)).squareRoot() }.min()!
        }
        let out_ = try CLI.features(out + "/population.geojson")
        XCTAssertEqual(out_.count, 260)
        for f in out_ {
            let props = f["properties"] as! [String: Any]
            let id = props["id"] as! String
            let got = props["nearest_open_practice_m"] as! Double
            XCTAssertEqual(got, expected[id]!, accuracy: 1.0, "PC4 \(id)")
        }

        let regions = try CLI.features(out + "/regions.geojson").filter { ($0["properties"] as! [String: Any])["region_id"] as? String != "total" }
        XCTAssertEqual(regions.count, 12, "the municipalities, without the study-area total row")
        let total = regions.reduce(0.0) { $0 + (($1["properties"] as! [String: Any])["inhabitants"] as! Double) }
        XCTAssertEqual(total, 501_975, "inhabitants over the 12 municipalities")
        let names = Set(regions.map { ($0["properties"] as! [String: Any])["name"] as! String })
        XCTAssertTrue(names.contains("Midden-Drenthe") && names.contains("Aa en Hunze"))
        XCTAssertTrue(r.stdout.contains("Midden-Drenthe"))
    }

    func testOutputIsRFC7946() throws {
        let practices = try practicesWithStatus()
        let out = folder + "/out"
        let r = try CLI.run(["analyze", "--population", sharedDrenthe + "/pc4_population_drenthe.geojson",
                             "--practices", practices, "--regions", sharedDrenthe + "/gemeenten_drenthe.geojson", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        for name in ["population", "regions", "practices"] {
            let path = out + "/\(name).geojson"
            let doc = try CLI.json(path)
            XCTAssertEqual(doc["type"] as? String, "FeatureCollection")
            XCTAssertNil(doc["crs"], "\(name): RFC 7946 has no crs member")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertNil(text.range(of: #"\d\.\d{8,}"#, options: .regularExpression), "\(name): at most 7 decimals")
            for f in doc["features"] as! [[String: Any]] {
                guard let g = f["geometry"] as? [String: Any] else { continue }
                if g["type"] as? String == "Point" {
                    let c = g["coordinates"] as! [Double]
                    XCTAssertTrue((3.0...7.5).contains(c[0]) && (50.5...54.0).contains(c[1]), "\(name): lon/lat \(c)")
                } else if g["type"] as? String == "MultiPolygon" {
                    for polygon in g["coordinates"] as! [[[[Double]]]] {
                        for (k, ring) in polygon.enumerated() {
                            var twice = 0.0
                            for i in 0..<(ring.count - 1) { twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
                            XCTAssertEqual(twice > 0, k == 0, "\(name): exterior CCW, holes CW")
                        }
                    }
                }
            }
        }
        // Polygon population (PC4 areas) is reduced to points, one per area.
        XCTAssertEqual(try CLI.features(out + "/population.geojson").count, 260)
        let rows = try CLI.features(out + "/regions.geojson").map { $0["properties"] as! [String: Any] }
        let total = rows.filter { $0["region_id"] as? String != "total" }.reduce(0.0) { $0 + ($1["inhabitants"] as! Double) }
        XCTAssertEqual(total, 501_975)
        XCTAssertEqual(rows.first { $0["region_id"] as? String == "total" }?["inhabitants"] as? Double, 501_975, "the study-area total row")
    }
}
