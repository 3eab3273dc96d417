import XCTest
import Geo
@testable import Access

/// Criticality from one pass (nearest and second-nearest open practice)
/// against brute force: close each open practice in turn and recompute every
/// point's nearest open practice from scratch — by straight line, and by road
/// with a plain Dijkstra written here, independent of the router.
final class CriticalityBruteForceTests: XCTestCase {
    struct Brute { var inhabitants: Double; var extraKm: Double? }

    /// Brute force for practice `j`: `d(i, open)` gives point i's distance to
    /// its nearest practice among `open` (infinity when none).
    static func brute(_ j: Int, open: [Int], weights: [Double], limit: Double, d: (Int, [Int]) -> Double) -> Brute {
        var critical = 0.0, extra = 0.0, weight = 0.0
        let without = open.filter { $0 != j }
        for i in weights.indices {
            let before = d(i, open), after = d(i, without)
            guard after > before else { continue }     // j was not this point's nearest
            if before <= limit && after > limit { critical += weights[i] }
            if after.isFinite { extra += weights[i] * (after - before); weight += weights[i] }
        }
        return Brute(inhabitants: critical, extraKm: weight > 0 ? extra / weight / 1000 : nil)
    }

    func testStraightLineCriticalityEqualsBruteForceClosure() throws {
        var rng = SplitMix64(seed: 7)
        let population = (0..<400).map { i in
            PopulationPoint(id: "p\(i)", location: Coordinate(x: 100_000 + rng.unit() * 30_000, y: 500_000 + rng.unit() * 30_000),
                            inhabitants: Double(1 + rng.next() % 50))
        }
        let statuses: [PracticeStatus] = [.open, .open, .open, .closed, .partial]
        let practices = (0..<14).map { j in
            Practice(id: "P\(j)", name: "P\(j)", location: Coordinate(x: 100_000 + rng.unit() * 30_000, y: 500_000 + rng.unit() * 30_000),
                     status: statuses[j % statuses.count])
        }
        var parameters = AnalysisParameters()
        parameters.flagMaxKm = 4
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters)
        let open = practices.indices.filter { parameters.isOpen(practices[$0].status) }
        func d(_ i: Int, _ set: [Int]) -> Double {
            set.map { population[i].location.distance(to: practices[$0].location) }.min() ?? .infinity
        }
        var anyCritical = false
        for j in open {
            let b = Self.brute(j, open: open, weights: population.map(\.inhabitants), limit: 4_000, d: d)
            XCTAssertEqual(result.practices[j].criticalityInhabitants, b.inhabitants, accuracy: 1e-9, "practice \(j)")
            XCTAssertEqual(result.practices[j].criticalityExtraKm ?? -1, b.extraKm ?? -1, accuracy: 1e-9, "practice \(j)")
            anyCritical = anyCritical || b.inhabitants > 0
        }
        XCTAssertTrue(anyCritical, "the fixture must have at least one single point of failure")
        for j in practices.indices where !open.contains(j) {
            XCTAssertEqual(result.practices[j].criticalityInhabitants, 0)
            XCTAssertNil(result.practices[j].criticalityRank)
        }
        let ranks = open.compactMap { result.practices[$0].criticalityRank }.sorted()
        XCTAssertEqual(ranks, Array(1...open.count))
        let first = open.first { result.practices[$0].criticalityRank == 1 }!
        XCTAssertEqual(result.practices[first].criticalityInhabitants, open.map { result.practices[$0].criticalityInhabitants }.max())
    }

    /// A 9 × 9 grid of junctions about 1 km apart (jittered, so no two routes
    /// tie), with some links missing; every junction is a population point,
    /// practices sit on junctions. Limit 3.5 km by road.
    func testRoadCriticalityEqualsBruteForceDijkstra() throws {
        var rng = SplitMix64(seed: 11)
        let g = 9
        let lattice = JitteredLattice(side: g, drop: 0.2, &rng)
        let (nodes, links, graph) = (lattice.nodes, lattice.links, lattice.graph)
        let population = nodes.enumerated().map { PopulationPoint(id: "n\($0.offset)", location: $0.element, inhabitants: Double(10 + $0.offset % 7)) }
        let sites = [0, 8, 40, 44, 72, 80, 20, 60]
        let practices = sites.enumerated().map { k, n in
            Practice(id: "P\(k)", name: "P\(k)", location: nodes[n], status: k == 7 ? .closed : .open)
        }
        var parameters = AnalysisParameters()
        parameters.flagMaxKm = 3.5
        let road = try RoadAnalysis.run(graph: graph, read: RoadFileCounts(), population: population, practices: practices,
                                        parameters: parameters, options: parameters.roadOptions)
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [],
                                                  parameters: parameters, road: road)
        // Plain Dijkstra over the links as drawn (undirected, Euclidean lengths).
        let dijkstra = BruteForce.undirected(nodes: nodes, links: links)
        let fromPractice = sites.map(dijkstra)
        let open = practices.indices.filter { practices[$0].status == .open }
        func d(_ i: Int, _ set: [Int]) -> Double { set.map { fromPractice[$0][i] }.min() ?? .infinity }
        for i in population.indices {
            XCTAssertEqual(road.roadM[i], d(i, open), accuracy: 0.5, "router and plain Dijkstra agree at node \(i)")
        }
        var anyCritical = false
        for j in open {
            let b = Self.brute(j, open: open, weights: population.map(\.inhabitants), limit: 3_500, d: d)
            XCTAssertEqual(result.practices[j].criticalityInhabitants, b.inhabitants, accuracy: 1e-9, "practice \(j)")
            XCTAssertEqual(result.practices[j].criticalityExtraKm ?? -1, b.extraKm ?? -1, accuracy: 0.001, "practice \(j)")
            anyCritical = anyCritical || b.inhabitants > 0
        }
        XCTAssertTrue(anyCritical, "the fixture must have at least one single point of failure")
    }
}
