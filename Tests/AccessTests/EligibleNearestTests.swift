import XCTest
import Geo
@testable import Access

/// "The nearest practice that will take you" in a straight line and through
/// the analysis (road), against brute force over the practices that accept
/// each point; the rule's defaults and errors.
final class EligibleNearestTests: XCTestCase {
    /// Points and practices on a 100 m lattice (many exact ties).
    func fixture(seed: UInt64, points n: Int = 600, practices m: Int = 40)
        -> (population: [PopulationPoint], practices: [Practice], sets: EligibleSets) {
        var rng = SplitMix64(seed: seed)
        func lattice() -> Coordinate {
            Coordinate(x: 200_000 + Double(rng.next() % 60) * 100, y: 500_000 + Double(rng.next() % 60) * 100)
        }
        let population = (0..<n).map { PopulationPoint(id: "p\($0)", location: lattice(), inhabitants: Double(1 + $0 % 9)) }
        let statuses: [PracticeStatus] = [.open, .partial, .partial, .closed, .partial]
        let practices = (0..<m).map { j in
            Practice(id: String(format: "P%03d", j), name: "P\(j)", location: lattice(), status: statuses[Int(rng.next() % 5)])
        }
        var sets = EligibleSets()
        for j in practices.indices where practices[j].status == .partial && rng.next() % 4 != 0 {
            // A village: the points within a random radius of a random centre.
            let centre = lattice(), radius = Double(500 + rng.next() % 2_500)
            sets.pointsByPractice[Int32(j)] = population.indices.filter { population[$0].location.distance(to: centre) <= radius }.map { Int32($0) }
        }
        return (population, practices, sets)
    }

    func testStraightLineEqualsBruteForce() throws {
        var servedByRestricted = 0, ties = 0
        for seed in 1...12 as ClosedRange<UInt64> {
            let (population, practices, sets) = fixture(seed: seed)
            var parameters = AnalysisParameters()
            parameters.partialRule = .eligible
            let r = try AccessAnalysis.assemble(population: population, practices: practices, regions: [],
                                                 parameters: parameters, eligible: sets)
            let fully = try XCTUnwrap(r.fullyOpen)
            for i in population.indices {
                func d(_ j: Int) -> Double {
                    let dx = practices[j].location.x - population[i].location.x, dy = practices[j].location.y - population[i].location.y
                    return (dx * dx + dy * dy).squareRoot()
                }
                func ranked(_ candidates: [Int]) -> [(j: Int, d: Double)] {
                    candidates.map { ($0, d($0)) }.sorted { $0.d < $1.d || ($0.d == $1.d && $0.j < $1.j) }
                }
                let takes = ranked(practices.indices.filter { j in
                    practices[j].status == .open || (practices[j].status == .partial && sets.pointsByPractice[Int32(j)]?.contains(Int32(i)) == true)
                })
                let open = ranked(practices.indices.filter { practices[$0].status == .open })
                let a = r.points[i]
                XCTAssertEqual(a.nearestOpen?.index, takes.first?.j, "seed \(seed) point \(i)")
                XCTAssertEqual(a.nearestOpenM, takes.first?.d ?? .infinity, "seed \(seed) point \(i)")
                XCTAssertEqual(a.secondOpen?.index, takes.count > 1 ? takes[1].j : nil, "seed \(seed) point \(i) second")
                XCTAssertEqual(a.secondOpenM, takes.count > 1 ? takes[1].d : .infinity, "seed \(seed) point \(i) second")
                XCTAssertEqual(fully[i].first?.index, open.first?.j, "seed \(seed) point \(i) fully open")
                XCTAssertEqual(fully[i].firstM, open.first?.d ?? .infinity)
                XCTAssertEqual(fully[i].second?.index, open.count > 1 ? open[1].j : nil)
                if let j = takes.first?.j, practices[j].status == .partial { servedByRestricted += 1 }
                if takes.count > 1 && takes[0].d == takes[1].d { ties += 1 }
            }
            // Flags and loads read the eligible assignment.
            for j in practices.indices where practices[j].status == .partial {
                let expected = population.indices.filter { r.points[$0].nearestOpen?.index == j }.reduce(0) { $0 + population[$1].inhabitants }
                XCTAssertEqual(r.practices[j].assignedInhabitants, expected, "seed \(seed) practice \(j)")
            }
        }
        XCTAssertGreaterThan(servedByRestricted, 500)
        XCTAssertGreaterThan(ties, 10, "the lattice must produce equal distances")
    }

    /// The eligible columns appear only under the eligible rule; the open
    /// columns then keep the fully open practices.
    func testPopulationColumns() throws {
        let (population, practices, sets) = fixture(seed: 9, points: 200)
        var parameters = AnalysisParameters()
        parameters.partialRule = .eligible
        let r = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters, eligible: sets)
        let table = OutputTables(result: r, population: population, practices: practices, regions: []).population
        let names = table.fields.map(\.name)
        let open = try XCTUnwrap(names.firstIndex(of: "nearest_open_practice_m"))
        let eligibleID = try XCTUnwrap(names.firstIndex(of: "nearest_eligible_practice_id"))
        let eligibleM = try XCTUnwrap(names.firstIndex(of: "nearest_eligible_m"))
        let fully = try XCTUnwrap(r.fullyOpen)
        var differ = 0
        for i in population.indices {
            XCTAssertEqual(table.row(i)[open], .real((fully[i].firstM * 10).rounded() / 10))
            XCTAssertEqual(table.row(i)[eligibleM], .real((r.points[i].nearestOpenM * 10).rounded() / 10))
            XCTAssertEqual(table.row(i)[eligibleID], .string(practices[try XCTUnwrap(r.points[i].nearestOpen).index].id))
            if fully[i].first != r.points[i].nearestOpen { differ += 1 }
        }
        XCTAssertGreaterThan(differ, 10)
        parameters.partialRule = .closed
        let closed = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters, eligible: sets)
        let plain = OutputTables(result: closed, population: population, practices: practices, regions: []).population
        XCTAssertFalse(plain.fields.contains { $0.name.contains("eligible") })
        XCTAssertEqual(plain.fields.count + 2, table.fields.count)
    }

    func testClosedAndOpenRulesIgnoreTheSets() throws {
        let (population, practices, sets) = fixture(seed: 5)
        for rule in [PartialRule.closed, .open] {
            var parameters = AnalysisParameters()
            parameters.partialRule = rule
            let with = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters, eligible: sets)
            let without = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters)
            XCTAssertNil(with.fullyOpen)
            XCTAssertEqual(with.points.map(\.nearestOpenM), without.points.map(\.nearestOpenM))
        }
    }

    /// A 9 × 9 lattice of junctions: road distance to a practice that will
    /// take the point (RoadAnalysis + the analysis) against plain Dijkstra.
    func testRoadAnalysisUsesEligibleDistanceAndKeepsFullyOpen() throws {
        var rng = SplitMix64(seed: 3)
        let g = 9
        let lattice = JitteredLattice(side: g, drop: 0.15, &rng)
        let (nodes, links, graph) = (lattice.nodes, lattice.links, lattice.graph)
        let population = nodes.enumerated().map { PopulationPoint(id: "n\($0.offset)", location: $0.element, inhabitants: 10) }
        let sites = [0, 8, 40, 44, 72, 80, 20, 60]
        let practices = sites.enumerated().map { k, n in
            Practice(id: "P\(k)", name: "P\(k)", location: nodes[n], status: k % 2 == 0 ? .partial : .open)
        }
        var sets = EligibleSets()
        for k in [0, 2, 4] { sets.pointsByPractice[Int32(k)] = population.indices.filter { _ in rng.unit() < 0.5 }.map { Int32($0) } }
        var parameters = AnalysisParameters()
        parameters.partialRule = .eligible
        parameters.roadOptions.modes = [.car, .bicycle]
        let road = try RoadAnalysis.run(graph: graph, read: RoadFileCounts(), population: population, practices: practices,
                                        parameters: parameters, options: parameters.roadOptions, eligible: sets)
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [],
                                                  parameters: parameters, road: road, eligible: sets)
        let dijkstra = BruteForce.undirected(nodes: nodes, links: links)
        let from = sites.map(dijkstra)
        let fully = try XCTUnwrap(road.fullyOpen)
        var served = 0
        for i in population.indices {
            let takes = practices.indices.filter { practices[$0].status == .open || sets.pointsByPractice[Int32($0)]?.contains(Int32(i)) == true }
            let open = practices.indices.filter { practices[$0].status == .open }
            let best = takes.map { from[$0][i] }.min() ?? .infinity
            XCTAssertEqual(road.roadM[i], best, accuracy: 0.5, "node \(i)")
            XCTAssertEqual(fully[i].firstM, open.map { from[$0][i] }.min() ?? .infinity, accuracy: 0.5, "node \(i) fully open")
            if let j = road.roadPractice[i] {
                XCTAssertTrue(takes.contains(j.index), "node \(i)")
                if practices[j.index].status == .partial { served += 1 }
            }
            for k in road.modes.indices {
                guard let j = road.minutesPractice[k][i] else { continue }
                XCTAssertTrue(takes.contains(j.index), "node \(i) \(road.modes[k].name)")
            }
        }
        XCTAssertGreaterThan(served, 5)
        // Region indicators read the eligible road distance.
        let mean = population.indices.reduce(0.0) { $0 + road.roadM[$1] } / Double(population.count)
        XCTAssertEqual(result.regions[0].meanRoadM!, mean, accuracy: 1e-6)
        let without = population.indices.filter { road.roadM[$0] > parameters.flagMaxKm * 1000 }.count * 10
        XCTAssertEqual(result.regions[0].inhabitantsWithoutEligibleWithinFlag, Double(without))
    }

    func testRuleDefaultsAndErrors() throws {
        var partial = Practice(id: "A", name: "A", location: Coordinate(x: 0, y: 0), status: .partial)
        let open = Practice(id: "B", name: "B", location: Coordinate(x: 10, y: 0), status: .open)
        XCTAssertEqual(PartialRule.resolve(requested: nil, practices: [partial, open]), .closed, "no eligibility data: today's rule")
        XCTAssertEqual(PartialRule.resolve(requested: .open, practices: [partial, open]), .open)
        XCTAssertThrowsError(try EligibilityUse.check(rule: .eligible, sets: EligibleSets(), practices: [partial, open])) { error in
            XCTAssertEqual(error as? AnalysisError, .noEligibilityData(partialPractices: 1))
        }
        partial.eligibility = .postcodes(PostcodeSet())
        XCTAssertEqual(PartialRule.resolve(requested: nil, practices: [partial, open]), .eligible)
        XCTAssertThrowsError(try EligibilityUse.check(rule: .eligible, sets: EligibleSets(pointsByPractice: [1: [0]]), practices: [partial, open]))
        let other = Practice(id: "C", name: "C", location: Coordinate(x: 20, y: 0), status: .partial)
        let use = try XCTUnwrap(EligibilityUse.check(rule: .eligible, sets: EligibleSets(pointsByPractice: [0: [0, 2]]),
                                                     practices: [partial, open, other]))
        XCTAssertEqual(use.restrictedPractices, 1)
        XCTAssertEqual(use.partialWithoutData, 1, "C is partial without an area: it counts as closed")
        XCTAssertEqual(use.pointsAccepted, 2)
        XCTAssertNil(try EligibilityUse.check(rule: .closed, sets: EligibleSets(), practices: [partial]))
        // Areas on open or closed practices are ignored.
        let kept = EligibilityUse.effectiveSets(EligibleSets(pointsByPractice: [0: [0], 1: [0]]), practices: [partial, open], pointCount: 1)
        XCTAssertEqual(kept.restrictedPractices, [0])
    }
}
