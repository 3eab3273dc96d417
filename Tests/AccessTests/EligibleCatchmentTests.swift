import XCTest
import Geo
@testable import Access

/// Catchments with practices restricted to an eligibility area (issue 13):
/// the fully open practices still partition the study area by nearest
/// (brute force), and each restricted practice's overlay holds exactly the
/// points for which it is the nearest practice that will take them.
final class EligibleCatchmentTests: XCTestCase {
    func testPartitionByFullyOpenPracticesAndOverlaysFromTheAssignment() throws {
        var rng = SplitMix64(seed: 41)
        func inside() -> Coordinate { StudySquare.point(&rng) }
        let practices = (0..<12).map { j in
            Practice(id: String(format: "P%02d", j), name: "P\(j)", location: inside(),
                     status: j % 4 == 1 ? .partial : (j % 4 == 3 ? .closed : .open), gpFTE: 1)
        }
        // Points on a jittered 800 m lattice: no two share a grid cell.
        var population: [PopulationPoint] = []
        for r in 0..<25 {
            for c in 0..<25 {
                let at = Coordinate(x: 200_400 + Double(c) * 800 + (rng.unit() - 0.5) * 300, y: 500_400 + Double(r) * 800 + (rng.unit() - 0.5) * 300)
                population.append(PopulationPoint(id: "\(r)-\(c)", location: at, inhabitants: Double(1 + rng.next() % 30)))
            }
        }
        var eligible = EligibleSets()
        for j in practices.indices where practices[j].status == .partial {
            let c = practices[j].location
            eligible.pointsByPractice[Int32(j)] = population.indices.filter { population[$0].location.distance(to: c) <= 3_000 }.map { Int32($0) }
        }
        let regions = [Region(id: "R", name: "R", geometry: StudySquare.geometry)]
        var result = try AccessAnalysis.assemble(population: population, practices: practices, regions: regions, parameters: AnalysisParameters())
        // The per-point assignment (the routing's job), by brute force.
        let fullyOpen = practices.indices.filter { practices[$0].status == .open }
        let taking = fullyOpen + eligible.restrictedPractices.map(Int.init)
        func nearest(_ i: Int, _ set: [Int]) -> Int {
            set.filter { eligible.accepts(practice: Int32($0), point: Int32(i)) }
                .min { population[i].location.distance(to: practices[$0].location) < population[i].location.distance(to: practices[$1].location) }!
        }
        for i in population.indices { result.points[i].nearestOpen = PracticeIndex(nearest(i, taking)) }
        let catchments = try Catchments.compute(method: .voronoi, result: result, population: population, practices: practices,
                                                regions: regions, eligible: eligible)
        let partition = catchments.filter { !$0.eligibleOnly }, overlays = catchments.filter(\.eligibleOnly)
        XCTAssertEqual(partition.count, fullyOpen.count)
        XCTAssertEqual(overlays.map { $0.practices[0] }, eligible.restrictedPractices.map(Int.init))
        let engine = try GeometryEngine()
        let total = try partition.reduce(0) { $0 + (try engine.area($1.geometry)) }
        XCTAssertEqual(total, 400_000_000, accuracy: 1, "the fully open practices partition the study area")
        // Every point lies in the partition cell of its nearest fully open practice.
        let locator = try PolygonLocator(polygons: partition.map(\.geometry))
        for i in population.indices {
            let cell = try XCTUnwrap(try locator.locate(population[i].location))
            XCTAssertEqual(partition[cell].practices, [nearest(i, fullyOpen)])
        }
        // A point lies in a restricted practice's overlay exactly when it is assigned to it.
        var servedSomewhere = 0
        for overlay in overlays {
            let j = overlay.practices[0]
            let one = try PolygonLocator(polygons: [overlay.geometry])
            var inhabitants = 0.0
            for i in population.indices {
                let assigned = result.points[i].nearestOpen == PracticeIndex(j)
                XCTAssertEqual(try one.locate(population[i].location) == 0, assigned, "point \(i), practice \(j)")
                if assigned { inhabitants += population[i].inhabitants; servedSomewhere += 1 }
            }
            XCTAssertEqual(overlay.inhabitants, inhabitants)
        }
        XCTAssertGreaterThan(servedSomewhere, 0, "the fixture must assign points to restricted practices")
        // Inhabitants are counted once: partition + overlays = everyone.
        XCTAssertEqual(catchments.reduce(0) { $0 + $1.inhabitants }, population.reduce(0) { $0 + $1.inhabitants })
    }
}
