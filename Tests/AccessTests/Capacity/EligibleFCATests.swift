import Foundation
import XCTest
import Geo
@testable import Access
import BereikBench

/// 2SFCA / E2SFCA with practices restricted to an eligibility area (issue
/// 13): a restricted practice's supply counts only for the demand it
/// accepts. Checked against a dense brute force written here that loops over
/// every (point, practice) pair and skips the pairs a practice would not take.
final class EligibleFCATests: XCTestCase {
    /// Brute force: `cost(i, j)` for every pair, `accepts(j, i)` filters.
    static func brute(points: Int, practices: Int, demand: [Double], supply: [Double], catchment c: Double,
                      method: FCAMethod, cost: (Int, Int) -> Double?, accepts: (Int, Int) -> Bool) -> [Double] {
        func w(_ d: Double) -> Double {
            if d > c + 1e-6 { return 0 }
            switch method {
            case .twoStep, .balanced: return 1
            case .enhanced: return d <= c / 3 + 1e-6 ? 1 : d <= 2 * c / 3 + 1e-6 ? 0.68 : 0.22
            case .gaussian: return (exp(-d * d / (2 * c * c)) - exp(-0.5)) / (1 - exp(-0.5))
            }
        }
        var W = [[Double]](repeating: [Double](repeating: 0, count: practices), count: points)
        for i in 0..<points {
            for j in 0..<practices where accepts(j, i) { W[i][j] = cost(i, j).map(w) ?? 0 }
            // Balanced: selection weights over the practices that would take the point.
            if method == .balanced {
                let s = W[i].reduce(0, +)
                if s > 0 { W[i] = W[i].map { $0 / s } }
            }
        }
        var ratio = [Double](repeating: 0, count: practices)
        for j in 0..<practices {
            var d = 0.0
            for i in 0..<points { d += demand[i] * W[i][j] }
            ratio[j] = d > 0 ? supply[j] / d : 0
        }
        return (0..<points).map { i in (0..<practices).reduce(0) { $0 + ratio[$1] * W[i][$1] } }
    }

    /// Every third practice restricted to the points in a random disc.
    static func restrictions(points: [Coordinate], practices: Int, rng: inout SplitMix64) -> EligibleSets {
        var sets = EligibleSets()
        for j in stride(from: 1, to: practices, by: 3) {
            let centre = points[Int(rng.next() % UInt64(points.count))], radius = 1_000 + rng.unit() * 3_000
            sets.pointsByPractice[Int32(j)] = points.indices.filter { points[$0].distance(to: centre) <= radius }.map { Int32($0) }
        }
        return sets
    }

    func assertClose(_ a: [Double], _ b: [Double], _ what: String) {
        XCTAssertEqual(a.count, b.count)
        for i in a.indices { XCTAssertLessThanOrEqual(abs(a[i] - b[i]), 1e-12 * max(abs(b[i]), 1e-300), "\(what) point \(i)") }
    }

    func testStraightLineEligibleFCAEqualsBruteForce() {
        var rng = SplitMix64(seed: 31)
        let pts = (0..<600).map { _ in Coordinate(x: rng.unit() * 12_000, y: rng.unit() * 12_000) }
        let pop = pts.map { _ in Double(1 + rng.next() % 200) }
        let pr = (0..<18).map { _ in Coordinate(x: rng.unit() * 12_000, y: rng.unit() * 12_000) }
        let fte = pr.map { _ in 0.5 + rng.unit() * 4 }
        let sets = Self.restrictions(points: pts, practices: pr.count, rng: &rng)
        for method in [FCAMethod.twoStep, .enhanced, .gaussian, .balanced] {
            let source = StraightLineCosts.pairs(points: pts, practices: pr, catchmentM: 3_000).restricted(by: sets)
            let (streamed, _) = FloatingCatchment.compute(pairs: source, demand: pop, supply: fte, method: method, catchment: 3_000)
            let brute = Self.brute(points: pts.count, practices: pr.count, demand: pop, supply: fte, catchment: 3_000, method: method,
                                   cost: { pts[$0].distance(to: pr[$1]) }, accepts: { sets.accepts(practice: Int32($0), point: Int32($1)) })
            assertClose(streamed.access, brute, "\(method)")
            // The restriction changes the answer (the fixture is not trivial).
            let open = Self.brute(points: pts.count, practices: pr.count, demand: pop, supply: fte, catchment: 3_000, method: method,
                                  cost: { pts[$0].distance(to: pr[$1]) }, accepts: { _, _ in true })
            XCTAssertTrue(zip(open, brute).contains { abs($0 - $1) > 1e-9 }, "\(method)")
        }
    }

    /// Through `CapacityAnalysis.run`: a partial practice with an area gets
    /// its supply (FTE) back for the points it accepts; one without an area
    /// stays closed under the default rule.
    func testCapacityAnalysisCountsRestrictedSupplyForEligibleDemandOnly() {
        var rng = SplitMix64(seed: 5)
        let population = (0..<300).map { i in
            PopulationPoint(id: "p\(i)", location: Coordinate(x: 200_000 + rng.unit() * 10_000, y: 500_000 + rng.unit() * 10_000),
                            inhabitants: Double(1 + rng.next() % 100))
        }
        let statuses: [PracticeStatus] = [.open, .partial, .open, .partial, .closed, .open]
        let practices = (0..<12).map { j in
            Practice(id: "P\(j)", name: "P\(j)", location: Coordinate(x: 200_000 + rng.unit() * 10_000, y: 500_000 + rng.unit() * 10_000),
                     status: statuses[j % statuses.count], gpFTE: 1 + Double(j % 3))
        }
        // Practices 1 and 7 (partial) are restricted; 3 and 9 (partial) have no area.
        var sets = EligibleSets()
        for j in [1, 7] {
            let c = practices[j].location
            sets.pointsByPractice[Int32(j)] = population.indices.filter { population[$0].location.distance(to: c) <= 2_500 }.map { Int32($0) }
        }
        var parameters = AnalysisParameters()
        parameters.fca.catchmentKm = 4
        for method in [FCAMethod.twoStep, .enhanced] {
            parameters.fca.method = method
            let result = CapacityAnalysis.run(population: population, practices: practices, parameters: parameters, road: nil, eligible: sets)
            let supply = practices.indices.map { j -> Double in
                practices[j].status == .open || sets.pointsByPractice[Int32(j)] != nil ? practices[j].gpFTE! : 0
            }
            let brute = Self.brute(points: population.count, practices: practices.count, demand: population.map(\.inhabitants), supply: supply,
                                   catchment: 4_000, method: method,
                                   cost: { population[$0].location.distance(to: practices[$1].location) },
                                   accepts: { sets.accepts(practice: Int32($0), point: Int32($1)) })
            assertClose(result.fcaPer10k.map { $0! / 10_000 }, brute, "\(method)")
            // Without eligibility the partial practices supply nothing (today's rule).
            let plain = CapacityAnalysis.run(population: population, practices: practices, parameters: parameters, road: nil)
            let bruteClosed = Self.brute(points: population.count, practices: practices.count, demand: population.map(\.inhabitants),
                                         supply: practices.map { $0.status == .open ? $0.gpFTE! : 0 }, catchment: 4_000, method: method,
                                         cost: { population[$0].location.distance(to: practices[$1].location) }, accepts: { _, _ in true })
            assertClose(plain.fcaPer10k.map { $0! / 10_000 }, bruteClosed, "\(method) without eligibility")
        }
    }

    /// By road: the streamed pairs renumber the points internally; the
    /// restriction must be applied in the caller's numbering.
    func testRoadEligibleFCAEqualsBruteForce() {
        let g = SyntheticRoadNetwork.generate(nodes: 2_000, seed: 17)
        var rng = SplitMix64(seed: 9)
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let extent = NodeExtent(g)
        func random() -> Coordinate { extent.random(&rng) }
        let locations = (0..<700).map { _ in random() }
        let pts = locations.map { snapper.snap($0) }
        let pr = (0..<15).map { _ in snapper.snap(random()) }
        let pop = pts.map { _ in Double.random(in: 1...60, using: &rng).rounded() }
        let fte = pr.map { _ in Double.random(in: 0.5...5, using: &rng) }
        let sets = Self.restrictions(points: locations, practices: pr.count, rng: &rng)
        let matrix = RoadCosts.matrix(graph: g, mode: .car, weight: .length, points: pts, practices: pr, catchment: 2_500)
        var cost = [[Double?]](repeating: [Double?](repeating: nil, count: pr.count), count: pts.count)
        for j in 0..<pr.count { for k in matrix.offsets[j]..<matrix.offsets[j + 1] { cost[Int(matrix.points[k])][j] = matrix.costs[k] } }
        for method in [FCAMethod.twoStep, .enhanced] {
            let source = RoadCosts.pairs(graph: g, mode: .car, weight: .length, points: pts, practices: pr, catchment: 2_500).restricted(by: sets)
            let (streamed, _) = FloatingCatchment.compute(pairs: source, demand: pop, supply: fte, method: method, catchment: 2_500)
            let brute = Self.brute(points: pts.count, practices: pr.count, demand: pop, supply: fte, catchment: 2_500, method: method,
                                   cost: { cost[$0][$1] }, accepts: { sets.accepts(practice: Int32($0), point: Int32($1)) })
            assertClose(streamed.access, brute, "\(method)")
        }
    }
}
