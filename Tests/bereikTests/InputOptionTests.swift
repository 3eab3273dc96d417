import Foundation
import XCTest

/// The input options of issue 9 through the CLI: bad values stop before any
/// output; geocoding shows in practices.geojson and run.json.
final class InputOptionTests: XCTestCase {
    func testUnknownDecimalSeparatorIsRejected() throws {
        let out = try CLI.temporaryFolder() + "/never"
        let r = try CLI.run(["analyze", "--decimal-separator", "semicolon", "--out", out])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--decimal-separator") && r.stderr.contains("comma") && r.stderr.contains("point"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testInhabitantsPerPointMustBePositive() throws {
        for value in ["0", "-1"] {
            let out = try CLI.temporaryFolder() + "/never"
            let r = try CLI.run(["analyze", "--inhabitants-per-point=\(value)", "--out", out])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("--inhabitants-per-point"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/run.json"))
        }
    }

    func testGeocodedPracticesCarryTheirPrecision() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id;x;y;inwoners\n1;233000;557000;1.250\n2;240000;560000;2.500\n".write(toFile: dir + "/pop.csv", atomically: true, encoding: .utf8)
        try "postcode;x;y\n9401AA;233100;557000\n9402;240100;560000\n".write(toFile: dir + "/pc.csv", atomically: true, encoding: .utf8)
        try "id;status;postcode\nP1;open;9401 AA\nP2;open;9402BB\nP3;open;ABC\n".write(toFile: dir + "/gp.csv", atomically: true, encoding: .utf8)
        let out = dir + "/out"
        let r = try CLI.run(["analyze", "--population", dir + "/pop.csv", "--practices", dir + "/gp.csv",
                             "--postcode-points", dir + "/pc.csv", "--crs", "EPSG:28992", "--no-maps", "--catchments", "none", "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let practices = try CLI.features(out + "/practices.geojson").map { $0["properties"] as! [String: Any] }
        XCTAssertEqual(practices.map { $0["geocode_precision"] as? String }, ["pc6", "pc4"])
        let run = try CLI.json(out + "/run.json")
        let inputs = run["inputs"] as! [[String: Any]]
        let gp = inputs.first { $0["role"] as? String == "practices" }!
        XCTAssertEqual(gp["geocoding"] as? [String: Int], ["coordinates": 0, "pc6": 1, "pc4": 1, "none": 1])
        let pop = inputs.first { $0["role"] as? String == "population" }!
        XCTAssertNotNil((pop["numberFormats"] as? [String: String])?["inwoners"])
        XCTAssertEqual((run["counts"] as? [String: Any])?["inhabitants"] as? Double, 3750)
        XCTAssertTrue(r.stdout.contains("could not be placed"), r.stdout)
    }

    /// A road CSV has no CRS: without --roads-crs or --crs the run stops with
    /// a named error (the points' CRS is detected, the roads' is not); --crs names the CRS of every source without one, roads
    /// included, and the road figures are then the same as with --roads-crs.
    func testRoadLayerWithoutCRSTakesCrsOrStops() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id,x,y,inhabitants\na,231000,550000,10\nb,233000,551000,20\n".write(toFile: dir + "/pop.csv", atomically: true, encoding: .utf8)
        try "id,x,y,status\nP1,230000,550000,open\nP2,234000,551000,open\n".write(toFile: dir + "/gp.csv", atomically: true, encoding: .utf8)
        try "id,WKT\n1,\"LINESTRING (230000 550000, 231000 550000, 232000 550000, 233000 550000, 234000 550000)\"\n2,\"LINESTRING (233000 550000, 233000 551000, 234000 551000)\"\n"
            .write(toFile: dir + "/roads.csv", atomically: true, encoding: .utf8)
        let common = ["analyze", "--population", dir + "/pop.csv", "--practices", dir + "/gp.csv", "--roads", dir + "/roads.csv",
                      "--no-maps", "--catchments", "none"]
        let stopped = try CLI.run(common + ["--out", dir + "/never"])
        XCTAssertNotEqual(stopped.status, 0)
        XCTAssertTrue(stopped.stderr.contains("roads.csv") && stopped.stderr.contains("--roads-crs") && stopped.stderr.contains("--crs"), stopped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/never"))
        var roadM: [[Double]] = []
        for (name, crs) in [("a", ["--crs", "EPSG:28992"]), ("b", ["--crs", "EPSG:28992", "--roads-crs", "EPSG:28992"])] {
            let r = try CLI.run(common + crs + ["--out", dir + "/" + name])
            XCTAssertEqual(r.status, 0, r.stderr)
            let props = try CLI.features(dir + "/\(name)/population.geojson").map { $0["properties"] as! [String: Any] }
            roadM.append(props.map { $0["road_m"] as? Double ?? -1 })
            let roads = try CLI.json(dir + "/\(name)/run.json")["roads"] as? [String: Any]
            XCTAssertEqual(roads?["crs"] as? String, "EPSG:28992")
        }
        // By hand: a is 1000 m from P1 along line 1; b is 1000 m from P2 along line 2's last piece.
        XCTAssertEqual(roadM[0].map { $0.rounded() }, [1000, 1000])
        XCTAssertEqual(roadM[0], roadM[1])
    }
}
