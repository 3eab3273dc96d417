import XCTest
import Geo
@testable import Access

/// Criticality, load and cascade risk with practices restricted to an
/// eligibility area (issue 13), against brute-force closure: each practice
/// is closed in turn and every point's nearest practice that accepts it is
/// found again from scratch (a plain loop over practices, written here).
/// The one-pass `PracticeLoad` reads each point's first and second practice
/// that accepts it; the brute force reads nothing of it.
final class EligibleCriticalityTests: XCTestCase {
    struct Fixture {
        var population: [PopulationPoint]
        var practices: [Practice]
        var eligible: EligibleSets
        var parameters: AnalysisParameters
        /// Practices that take someone: open ones and restricted ones.
        var taking: [Int]
    }

    static func fixture(seed: UInt64) -> Fixture {
        var rng = SplitMix64(seed: seed)
        let population = (0..<500).map { i in
            PopulationPoint(id: "p\(i)", location: Coordinate(x: 100_000 + rng.unit() * 25_000, y: 500_000 + rng.unit() * 25_000),
                            inhabitants: Double(5 + rng.next() % 60))
        }
        let statuses: [PracticeStatus] = [.open, .partial, .open, .closed, .partial, .open]
        let practices = (0..<16).map { j in
            Practice(id: String(format: "P%02d", j), name: "P\(j)",
                     location: Coordinate(x: 100_000 + rng.unit() * 25_000, y: 500_000 + rng.unit() * 25_000),
                     status: statuses[j % statuses.count])
        }
        var eligible = EligibleSets()
        for j in practices.indices where practices[j].status == .partial && j % 4 != 3 {
            // A village-sized area around a point near the practice.
            let c = practices[j].location, radius = 2_000 + rng.unit() * 4_000
            eligible.pointsByPractice[Int32(j)] = population.indices.filter { population[$0].location.distance(to: c) <= radius }.map { Int32($0) }
        }
        var parameters = AnalysisParameters()
        parameters.flagMaxKm = 4
        parameters.cascadeMinInhabitants = 600
        let taking = practices.indices.filter { practices[$0].status == .open || eligible.pointsByPractice[Int32($0)] != nil }
        return Fixture(population: population, practices: practices, eligible: eligible, parameters: parameters, taking: taking)
    }

    /// Point i's nearest practice among `set` that accepts it (index, metres),
    /// ties by practice index.
    static func nearest(_ f: Fixture, _ i: Int, among set: [Int]) -> (Int, Double) {
        var best = (-1, Double.infinity)
        for j in set where f.eligible.accepts(practice: Int32(j), point: Int32(i)) {
            let d = f.population[i].location.distance(to: f.practices[j].location)
            if d < best.1 { best = (j, d) }
        }
        return best
    }

    /// The per-point input PracticeLoad reads (the routing's job): first and
    /// second practice that accepts the point, by brute force.
    static func pointAccess(_ f: Fixture) -> [PointAccess] {
        f.population.indices.map { i in
            var a = PointAccess()
            let (first, d1) = nearest(f, i, among: f.taking)
            let (second, d2) = nearest(f, i, among: f.taking.filter { $0 != first })
            a.nearestOpen = first < 0 ? nil : PracticeIndex(first); a.nearestOpenM = d1
            a.secondOpen = second < 0 ? nil : PracticeIndex(second); a.secondOpenM = d2
            return a
        }
    }

    func testCriticalityLoadAndCascadeEqualBruteForceClosure() {
        let f = Self.fixture(seed: 19)
        XCTAssertGreaterThanOrEqual(f.eligible.pointsByPractice.count, 3)
        let loads = PracticeLoad.compute(population: f.population, points: Self.pointAccess(f), practices: f.practices,
                                         practiceRegions: OptionalIDs(repeating: nil, count: f.practices.count),
                                         parameters: f.parameters, road: nil, eligible: f.eligible)
        let w = f.population.map(\.inhabitants)
        let before = f.population.indices.map { Self.nearest(f, $0, among: f.taking) }
        // Assigned inhabitants: the points whose nearest accepting practice it is.
        var assigned = [Double](repeating: 0, count: f.practices.count)
        for i in before.indices where before[i].0 >= 0 { assigned[before[i].0] += w[i] }
        var receivedIfClosed = [[Double]](repeating: [Double](repeating: 0, count: f.practices.count), count: f.practices.count)
        var anyCritical = false, anyRestrictedReceives = false
        for j in f.taking {
            XCTAssertEqual(loads[j].assignedInhabitants, assigned[j], accuracy: 1e-9, "practice \(j)")
            let without = f.taking.filter { $0 != j }
            var critical = 0.0, extra = 0.0, weight = 0.0
            for i in f.population.indices where before[i].0 == j {
                let after = Self.nearest(f, i, among: without)
                if before[i].1 <= 4_000 && after.1 > 4_000 { critical += w[i] }
                if after.0 >= 0 {
                    extra += w[i] * (after.1 - before[i].1); weight += w[i]
                    receivedIfClosed[j][after.0] += w[i]
                }
            }
            // Nobody else's practice changes when j closes.
            for i in f.population.indices where before[i].0 != j {
                XCTAssertEqual(Self.nearest(f, i, among: without).0, before[i].0)
            }
            XCTAssertEqual(loads[j].criticalityInhabitants, critical, accuracy: 1e-9, "practice \(j)")
            XCTAssertEqual(loads[j].criticalityExtraKm ?? -1, weight > 0 ? extra / weight / 1000 : -1, accuracy: 1e-9, "practice \(j)")
            anyCritical = anyCritical || critical > 0
        }
        // Cascade risk: the sum over closures of practices with ≥ 600 assigned.
        var risk = [Double](repeating: 0, count: f.practices.count)
        for j in f.taking where assigned[j] >= 600 {
            for r in f.practices.indices { risk[r] += receivedIfClosed[j][r] }
        }
        for r in f.practices.indices {
            XCTAssertEqual(loads[r].receivingRiskInhabitants, risk[r], accuracy: 1e-9, "practice \(r)")
            if f.eligible.pointsByPractice[Int32(r)] != nil && risk[r] > 0 { anyRestrictedReceives = true }
        }
        XCTAssertTrue(anyCritical, "the fixture must have a single point of failure")
        XCTAssertTrue(anyRestrictedReceives, "a restricted practice must receive someone in the fixture")
        XCTAssertTrue(f.taking.contains { assigned[$0] > 0 && assigned[$0] < 600 }, "the threshold must exclude a practice")
        // Ranks: 1 = most at risk, ties by practice index (= id order); only practices that take someone.
        let expected = f.taking.sorted { risk[$0] != risk[$1] ? risk[$0] > risk[$1] : $0 < $1 }
        for (k, j) in expected.enumerated() { XCTAssertEqual(loads[j].receivingRiskRank, k + 1, "practice \(j)") }
        for j in f.practices.indices where !f.taking.contains(j) {
            XCTAssertNil(loads[j].receivingRiskRank)
            XCTAssertNil(loads[j].criticalityRank)
            XCTAssertEqual(loads[j].receivingRiskInhabitants, 0)
        }
        XCTAssertEqual(f.taking.compactMap { loads[$0].criticalityRank }.sorted(), Array(1...f.taking.count))
    }

    /// Without eligibility sets the cascade risk follows the open practices
    /// (straight-line analysis end to end, brute-force closure).
    func testCascadeRiskWithoutEligibilityEqualsBruteForce() throws {
        var f = Self.fixture(seed: 23)
        f.eligible = EligibleSets()
        f.taking = f.practices.indices.filter { f.practices[$0].status == .open }
        let result = try AccessAnalysis.assemble(population: f.population, practices: f.practices, regions: [], parameters: f.parameters)
        let before = f.population.indices.map { Self.nearest(f, $0, among: f.taking) }
        var assigned = [Double](repeating: 0, count: f.practices.count)
        for i in before.indices where before[i].0 >= 0 { assigned[before[i].0] += f.population[i].inhabitants }
        var risk = [Double](repeating: 0, count: f.practices.count)
        for j in f.taking where assigned[j] >= 600 {
            for i in f.population.indices where before[i].0 == j {
                let after = Self.nearest(f, i, among: f.taking.filter { $0 != j })
                if after.0 >= 0 { risk[after.0] += f.population[i].inhabitants }
            }
        }
        XCTAssertTrue(risk.contains { $0 > 0 })
        for r in f.practices.indices {
            XCTAssertEqual(result.practices[r].receivingRiskInhabitants, risk[r], accuracy: 1e-9, "practice \(r)")
        }
    }
}
