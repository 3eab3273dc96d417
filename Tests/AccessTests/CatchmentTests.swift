import XCTest
import Geo
@testable import Access

final class CatchmentTests: XCTestCase {
    /// Straight-line catchments on random data: they do not overlap, they
    /// cover the study area, and every point lies in the catchment of the
    /// open practice nearest to it (brute force).
    func testVoronoiCatchmentsPartitionTheAreaByNearestPractice() throws {
        var rng = SplitMix64(seed: 9)
        func inside() -> Coordinate { StudySquare.point(&rng) }
        var practices = (0..<12).map { Practice(id: "P\($0)", name: "P\($0)", location: inside(), status: $0 % 3 == 2 ? .closed : .open, gpFTE: 1) }
        practices.append(Practice(id: "P-shared", name: "shared", location: practices[0].location, status: .open))
        let population = (0..<400).map { PopulationPoint(id: "\($0)", location: inside(), inhabitants: 10) }
        let regions = [Region(id: "R", name: "R", geometry: StudySquare.geometry)]
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: regions, parameters: AnalysisParameters())
        let catchments = try Catchments.compute(method: .voronoi, result: result, population: population, practices: practices, regions: regions)
        let engine = try GeometryEngine()
        XCTAssertEqual(catchments.count, 8, "8 open practices at 7 distinct sites… plus the shared one counted once")
        XCTAssertEqual(catchments.first { $0.practices.contains(0) }?.practices.sorted(), [0, 12], "co-located practices share one catchment")
        XCTAssertEqual(catchments.reduce(0) { $0 + $1.inhabitants }, 4_000)
        let total = try catchments.reduce(0) { $0 + (try engine.area($1.geometry)) }
        XCTAssertEqual(total, 400_000_000, accuracy: 1, "covers the study area without overlap")
        let locator = try PolygonLocator(polygons: catchments.map(\.geometry))
        let open = practices.indices.filter { practices[$0].status == .open }
        for p in population {
            let nearest = open.min { practices[$0].location.distance(to: p.location) < practices[$1].location.distance(to: p.location) }!
            let cell = try XCTUnwrap(try locator.locate(p.location))
            XCTAssertTrue(catchments[cell].practices.contains(nearest) || catchments[cell].practices.contains { practices[$0].location == practices[nearest].location })
        }
    }
}
