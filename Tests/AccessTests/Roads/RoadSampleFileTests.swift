import XCTest
import Foundation
import Geo
import Access

/// Reads the shared sample road files (NWB GML, OSM PBF) and checks that the
/// graph builds and that road distance is never shorter than the straight line.
final class RoadSampleFileTests: XCTestCase {
    /// `../shared` next to the package root (found from this file's path).
    static func sharedFile(_ relative: String) throws -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }   // Roads, AccessTests, Tests, file
        let path = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("sample \(relative) not found at \(path) (expected ../shared next to the package root)")
        }
        return path
    }

    /// Road length from node a to node b by foot (ignores oneway) must be at
    /// least the straight-line distance.
    func checkTriangle(_ g: RoadGraph, mode: TravelMode, pairs: Int, file: StaticString = #filePath, line: UInt = #line) -> Int {
        var rng = SplitMix64(seed: 5)
        let router = NearestFacilityRouter(graph: g, mode: mode, weight: .length)
        var reached = 0
        for _ in 0..<pairs {
            let a = Int.random(in: 0..<g.nodeCount, using: &rng), b = Int.random(in: 0..<g.nodeCount, using: &rng)
            // A source exactly at node b: an edge ending there with fraction 1 (or starting, fraction 0).
            guard let e = (0..<g.edgeCount).first(where: { g.edgeTo[$0].index == b || g.edgeFrom[$0].index == b }) else { continue }
            let source = SnappedPoint(edge: EdgeID(e), fraction: g.edgeTo[e].index == b ? 1 : 0, distanceM: 0, location: g.coordinate(ofNode: b))
            guard let ea = (0..<g.edgeCount).first(where: { g.edgeTo[$0].index == a || g.edgeFrom[$0].index == a }) else { continue }
            let home = SnappedPoint(edge: EdgeID(ea), fraction: g.edgeTo[ea].index == a ? 1 : 0, distanceM: 0, location: g.coordinate(ofNode: a))
            let result = router.assign(home, labels: router.labelNodes(sources: [source]))
            guard result.isReachable else { continue }
            reached += 1
            let straight = g.coordinate(ofNode: a).distance(to: g.coordinate(ofNode: b))
            XCTAssertGreaterThanOrEqual(result.nearestLengthM + 1e-3, straight, "nodes \(a) → \(b)", file: file, line: line)
        }
        return reached
    }

    func testNWBWageningen() throws {
        let path = try Self.sharedFile("data/samples/roads/nwb_wegvakken_wageningen_2020.gml")
        let builder = RoadGraphBuilder()
        let report = try LineRoadReader.read(path: path, into: builder)
        XCTAssertEqual(report.features, 247)
        XCTAssertEqual(report.lines, 247)
        XCTAssertTrue(report.crs.contains("28992") || report.crs.contains("RD New"), report.crs)
        let g = builder.build()
        XCTAssertGreaterThan(g.nodeCount, 247)
        XCTAssertGreaterThan(g.edgeCount, 247)
        // Extent stays in RD New metres around Wageningen.
        XCTAssertTrue(g.nodeX.allSatisfy { (172_000...176_000).contains($0) })
        XCTAssertTrue(g.nodeY.allSatisfy { (442_000...446_000).contains($0) })
        // Junction ids connect most of the network.
        XCTAssertGreaterThan(g.componentSizes[0], g.nodeCount / 2)
        XCTAssertGreaterThan(checkTriangle(g, mode: .foot, pairs: 60), 20)
        XCTAssertGreaterThan(checkTriangle(g, mode: .car, pairs: 40), 5)
    }

    func testNWBGeoJSONInWGS84TransformsToRD() throws {
        let path = try Self.sharedFile("data/samples/roads/nwb_wegvakken_wageningen_2020_wgs84.geojson")
        let builder = RoadGraphBuilder()
        _ = try LineRoadReader.read(path: path, into: builder)
        let g = builder.build()
        XCTAssertGreaterThan(g.nodeCount, 100)
        XCTAssertTrue(g.nodeX.allSatisfy { (172_000...176_000).contains($0) })
    }

    func testOSMAmsterdam() throws {
        let path = try Self.sharedFile("data/samples/osm/amsterdam_small.osm.pbf")
        let builder = RoadGraphBuilder()
        let report = try OSMRoadReader.read(path: path, into: builder)
        XCTAssertGreaterThan(report.lines, 10)
        let g = builder.build()
        XCTAssertGreaterThan(g.nodeCount, 20)
        // Amsterdam in RD New.
        XCTAssertTrue(g.nodeX.allSatisfy { (110_000...135_000).contains($0) }, "\(g.nodeX.prefix(3))")
        XCTAssertTrue(g.nodeY.allSatisfy { (475_000...500_000).contains($0) })
        XCTAssertGreaterThan(checkTriangle(g, mode: .foot, pairs: 60), 10)
        _ = checkTriangle(g, mode: .car, pairs: 40)
        _ = checkTriangle(g, mode: .bicycle, pairs: 40)
        // The OSM reader names a --profile class that no way of the file has.
        let misspelt = RoadGraphBuilder(profiles: try TravelProfile.applyOverrides("car.residental = 50\n", to: TravelMode.allCases.map(TravelProfile.default)))
        XCTAssertEqual(try OSMRoadReader.read(path: path, into: misspelt).profileClassesWithoutRoads, ["residental"])
        XCTAssertEqual(report.profileClassesWithoutRoads, [])
    }

    func testLayerWithoutCRSIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-roads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("roads.csv")
        try "id,wkt\n1,\"LINESTRING (0 0, 100 0)\"\n".write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LineRoadReader.read(path: csv.path, into: RoadGraphBuilder())) { error in
            XCTAssertTrue("\(error)".contains("pass its CRS"), "\(error)")
        }
        let builder = RoadGraphBuilder()
        _ = try LineRoadReader.read(path: csv.path, options: LineRoadOptions(crs: "EPSG:28992"), into: builder)
        XCTAssertEqual(builder.build().edgeCount, 1)
    }

    func testNWBDirectionCodes() {
        XCTAssertEqual(LineRoadReader.direction("H"), .forward)
        XCTAssertEqual(LineRoadReader.direction("T"), .backward)
        XCTAssertEqual(LineRoadReader.direction("B"), .both)
        XCTAssertEqual(LineRoadReader.direction("O"), .both)
        XCTAssertEqual(LineRoadReader.direction(nil), .both)
    }
}
