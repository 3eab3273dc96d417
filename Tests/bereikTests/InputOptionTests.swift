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
}
