import XCTest
import Geo
@testable import Access

/// A population table joined to polygons by key, and address points.
final class PopulationJoinTests: FixturesTestCase {
    func polygons() throws -> String {
        try f.rdPolygons("pc4.geojson", [
            (Fixtures.square(230_000, 550_000, 1_000), ["pc4": "9401"]),
            (Fixtures.square(240_000, 550_000, 1_000), ["pc4": "9402"]),
            (Fixtures.square(250_000, 550_000, 1_000), ["pc4": "0940"]),
        ])
    }

    func options(_ geometry: String) -> InputOptions {
        var o = InputOptions()
        o.populationGeometry = geometry
        o.populationKey = "pc4"
        return o
    }

    func testJoinsByNormalisedKeyAndCountsUnmatchedOnBothSides() throws {
        let table = try f.write("cbs.csv", "pc4;aantal_inwoners\n9401;1.250\n 9402 ;2.500\n940;10\n9999;7\n")
        let (points, report) = try PopulationReader.read(path: table, options: options(try polygons()))
        // In id order: the whole number 940 before 9401 and 9402.
        XCTAssertEqual(points.map(\.inhabitants), [10, 1250, 2500])
        // Point on surface of each square lies inside it.
        XCTAssertTrue((230_000...231_000).contains(points[1].location.x))
        XCTAssertTrue((250_000...251_000).contains(points[0].location.x), "'940' matches '0940': leading zeros of numeric keys")
        XCTAssertEqual(report.join?.matched, 3)
        XCTAssertEqual(report.join?.unmatchedTableRows, 1)
        XCTAssertEqual(report.join?.unmatchedTableExamples, ["9999"])
        XCTAssertEqual(report.join?.unmatchedGeometryFeatures, 0)
        XCTAssertEqual(report.skipped["key matches no geometry"], 1)
        XCTAssertTrue(report.warnings.contains { $0.contains("9999") }, "\(report.warnings)")
    }

    func testUnmatchedGeometryKeysAreReported() throws {
        let table = try f.write("cbs.csv", "pc4,aantal_inwoners\n9401,100\n")
        let (_, report) = try PopulationReader.read(path: table, options: options(try polygons()))
        XCTAssertEqual(report.join?.unmatchedGeometryFeatures, 2)
        XCTAssertEqual(report.join?.unmatchedGeometryExamples, ["9402", "0940"])
    }

    func testJoinKeyMatchingNothingIsANamedError() throws {
        let table = try f.write("cbs.csv", "pc4,aantal_inwoners\n1011,100\n1012,200\n")
        assertInputError(try PopulationReader.read(path: table, options: options(try polygons())),
                         contains: ["cbs.csv", "'pc4'", "1011", "pc4.geojson", "9401", "--population-key"])
    }

    func testDuplicateGeometryKeysAreANamedError() throws {
        let geometry = try f.rdPolygons("dup.geojson", [
            (Fixtures.square(230_000, 550_000, 1_000), ["pc4": "9401"]),
            (Fixtures.square(240_000, 550_000, 1_000), ["pc4": "9401 "]),
        ])
        let table = try f.write("cbs.csv", "pc4,aantal_inwoners\n9401,100\n")
        assertInputError(try PopulationReader.read(path: table, options: options(geometry)),
                         contains: ["dup.geojson", "'pc4'", "9401", "features 1, 2"])
    }

    func testInhabitantsPerPointForAddressPoints() throws {
        let p = try f.write("bag.csv", "postal_code,lon,lat\n9401AA,6.56,52.99\n9401AB,6.57,52.99\n9401AC,6.58,52.99\n")
        var o = InputOptions()
        o.inhabitantsPerPoint = 1
        let (points, report) = try PopulationReader.read(path: p, options: o)
        XCTAssertEqual(points.map(\.inhabitants), [1, 1, 1])
        XCTAssertEqual(report.fields["inhabitants"], "--inhabitants-per-point 1")
        XCTAssertTrue(report.warnings.contains { $0.contains("per inhabited address") })
        for bad in [0.0, -2, .infinity] {
            o.inhabitantsPerPoint = bad
            assertInputError(try PopulationReader.read(path: p, options: o), contains: ["--inhabitants-per-point", "> 0"])
        }
        let withField = try f.write("pop.csv", "x,y,inwoners\n233000,557000,10\n")
        o.inhabitantsPerPoint = 2
        assertInputError(try PopulationReader.read(path: withField, options: o), contains: ["--inhabitants-per-point", "'inwoners'"])
    }
}
