import Foundation
import XCTest

final class CommandTests: XCTestCase {
    func testDefaultDataRun() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["analyze", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("SYNTHETIC"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Midden-Drenthe"))
        XCTAssertEqual(r.stderr, "", "no progress output when stderr is not a terminal")
        let run = try CLI.json(out + "/run.json")
        XCTAssertEqual(run["syntheticData"] as? Bool, true)
        let all = try CLI.features(out + "/regions.geojson")
        let regions = all.filter { ($0["properties"] as! [String: Any])["region_id"] as? String != "total" }
        XCTAssertEqual(regions.count, 12)
        XCTAssertEqual(all.count, 13, "the 12 municipalities and the study-area total")
        // Region figures add up to the population file's total.
        let popTotal = try CLI.features(out + "/population.geojson").reduce(0.0) { $0 + (($1["properties"] as! [String: Any])["inhabitants"] as! Double) }
        let regionTotal = regions.reduce(0.0) { $0 + (($1["properties"] as! [String: Any])["inhabitants"] as! Double) }
        XCTAssertEqual(popTotal, regionTotal)
    }

    func testMissingInputFailsCleanlyAndWritesNothing() throws {
        let out = try CLI.temporaryFolder() + "/never"
        let r = try CLI.run(["analyze", "--population", "/nope/population.gpkg", "--practices", "/nope/gp.csv", "--out", out])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("/nope/population.gpkg") && r.stderr.contains("no such file"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/population.geojson"))
    }

    func testInvalidThresholdsAreRejected() throws {
        let r = try CLI.run(["analyze", "--flag-min-share", "1.5"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--flag-min-share"), r.stderr)
        let half = try CLI.run(["analyze", "--population", "x.csv"])
        XCTAssertNotEqual(half.status, 0)
        XCTAssertTrue(half.stderr.contains("--practices"), half.stderr)
    }

    func testCommittedDefaultDataMatchesTheGenerator() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["generate-default-data", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["population.geojson", "practices.geojson", "gemeenten.geojson", "roads.geojson"] {
            let committed = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("GeoData/\(name)"))
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            XCTAssertEqual(committed, fresh, "GeoData/\(name) is what `bereik generate-default-data` writes")
        }
    }
}
