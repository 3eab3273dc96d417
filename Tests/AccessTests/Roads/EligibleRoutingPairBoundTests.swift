import XCTest
import Geo
@testable import Access
import BereikBench

/// The straight-line pair filter of `EligibleRouting` (`EligiblePairBound`)
/// against brute force, with pairs right at the bound: stars of straight
/// roads (collinear nodes at random spacing) around a restricted practice
/// at the centre, one home per spoke, and on the spoke beyond the home two
/// open practices whose second costs the home's distance to the centre
/// times (1 + κ), κ from −1e-2 to 1e-3 (ties at 0). Along a straight road
/// the road cost is the straight line times the cost per metre, so these
/// pairs sit at the bound, by length and by time. Every home's eligible
/// nearest and second are compared with a plain Dijkstra per practice
/// (`BruteForce`), restricted practices only over their areas.
final class EligiblePairBoundTests: XCTestCase {
    static let kappas: [Double] = [-1e-2, -1e-3, -2e-6, -1e-7, -1e-9, 0, 0, 1e-9, 1e-7, 2e-6, 1e-3]

    struct Star {
        var graph: RoadGraph
        var practices: [SnappedPoint?]
        var restricted: Set<Int>
        var homes: [SnappedPoint?]
        var sets: EligibleSets
    }

    /// `spokes` straight roads of 10 km from (0, 0) of one class; the
    /// restricted practice at the centre (index 0, or last when
    /// `restrictedLast`), a second one off a node on spoke 0, and a far one
    /// at spoke 0's end whose pairs the bound drops (no search).
    func star(spokes: Int, highway: String, restrictedLast: Bool, rng: inout SplitMix64) -> Star {
        let builder = RoadGraphBuilder()
        var directions: [SIMD2<Double>] = []
        for k in 0..<spokes {
            let angle = (Double(k) + Double.random(in: 0.1...0.9, using: &rng)) * 2 * Double.pi / Double(spokes)
            let u = SIMD2(cos(angle), sin(angle))
            directions.append(u)
            var t = 0.0, coordinates = [Coordinate(x: 0, y: 0)]
            while t < 10_000 {
                t = Swift.min(10_000, t + Double.random(in: 40...400, using: &rng))
                coordinates.append(Coordinate(x: u.x * t, y: u.y * t))
            }
            builder.add(RoadLine(coordinates: coordinates, highway: highway))
        }
        let graph = builder.build()
        let snapper = SegmentSnapper(graph: graph, mode: .foot, maxDistanceM: 5)
        func at(_ k: Int, _ t: Double) -> SnappedPoint? {
            snapper.snap(Coordinate(x: directions[k].x * t, y: directions[k].y * t))
        }
        var open: [SnappedPoint?] = [], homes: [SnappedPoint?] = []
        for k in 0..<spokes {
            let r = Double.random(in: 300...3_000, using: &rng)
            let s = r * (1 + Self.kappas[k % Self.kappas.count])
            homes.append(at(k, r))
            open.append(at(k, r + s / 2))
            open.append(at(k, r + s))
        }
        let restrictedOnes = [at(0, 0), at(0, 137.5), at(0, 10_000)]
        let practices = restrictedLast ? open + restrictedOnes : restrictedOnes + open
        let first = restrictedLast ? open.count : 0
        let restricted = Set(first..<(first + 3))
        var sets = EligibleSets()
        for p in restricted { sets.pointsByPractice[Int32(p)] = homes.indices.map { Int32($0) } }
        return Star(graph: graph, practices: practices, restricted: restricted, homes: homes, sets: sets)
    }

    /// The eligible best two of every home by brute force: (practice, cost)
    /// sorted by cost, then practice index.
    func bruteForce(_ s: Star, mode: TravelMode, weight: RouteWeight) -> [[(p: Int, cost: Double)]] {
        let (reversed, practiceNode, homeNode) = BruteForce.expandedGraph(s.graph, mode: mode, weight: weight,
                                                                          practices: s.practices, homes: s.homes)
        let perPractice = s.practices.indices.map { p in practiceNode[p].map { BruteForce.reverseDijkstra(reversed, from: $0).map(\.cost) } ?? [] }
        return s.homes.indices.map { h in
            guard let hn = homeNode[h] else { return [] }
            var options: [(p: Int, cost: Double)] = []
            for p in s.practices.indices where !perPractice[p].isEmpty && perPractice[p][hn].isFinite {
                if s.restricted.contains(p) && !s.sets.accepts(practice: Int32(p), point: Int32(h)) { continue }
                options.append((p, perPractice[p][hn]))
            }
            return options.sorted { $0.cost < $1.cost || ($0.cost == $1.cost && $0.p < $1.p) }
        }
    }

    func testPairsAtTheBoundEqualBruteForce() {
        var rng = SplitMix64(seed: 2026_11_30)
        var checked = 0, served = 0, dropped = 0, skipped = 0
        for round in 0..<12 {
            let mode = [TravelMode.car, .bicycle, .foot][round % 3]
            let weight: RouteWeight = round % 2 == 0 ? .length : .time
            let highway = mode == .car ? ["residential", "secondary"][round % 2] : ["cycleway", "residential"][round % 2]
            let s = star(spokes: 22, highway: highway, restrictedLast: round % 4 >= 2, rng: &rng)
            XCTAssertTrue(s.practices.allSatisfy { $0 != nil } && s.homes.allSatisfy { $0 != nil }, "round \(round)")
            let router = NearestFacilityRouter(graph: s.graph, mode: mode, weight: weight)
            let sources = s.practices.indices.map { s.restricted.contains($0) ? nil : s.practices[$0] }
            let labels = router.labelNodes(sources: sources)
            var got = router.assign(points: s.homes, labels: labels)
            let stats = EligibleRouting(router: router, points: s.homes, eligible: s.sets)
                .apply(&got, labels: labels, practices: s.practices, eligible: s.sets)
            dropped += 3 * s.homes.count - stats.pairsKept
            skipped += s.restricted.count - stats.searches
            let expected = bruteForce(s, mode: mode, weight: weight)
            for h in s.homes.indices {
                let options = expected[h], r = got[h], label = "round \(round) home \(h)"
                guard options.count >= 2 else { XCTFail(label); continue }
                checked += 1
                // Costs summed in another order differ in the last bits:
                // equal within 1e-9 relative (so κ = ±1e-9 count as ties;
                // ±1e-7 and beyond must be decided as brute force does).
                let tol = 1e-9 * max(1, options[0].cost)
                XCTAssertEqual(r.nearestCost, options[0].cost, accuracy: tol, label)
                let tied = options.filter { abs($0.cost - options[0].cost) <= tol }.map(\.p)
                XCTAssertTrue(tied.contains(Int(r.nearestSource)), "\(label): nearest \(r.nearestSource), expected one of \(tied)")
                let tol2 = 1e-9 * max(1, options[1].cost)
                XCTAssertEqual(r.secondCost, options[1].cost, accuracy: tol2, label)
                let tiedSecond = options.filter { abs($0.cost - options[1].cost) <= tol2 }.map(\.p)
                XCTAssertTrue(tiedSecond.contains(Int(r.secondSource)), "\(label): second \(r.secondSource), expected one of \(tiedSecond)")
                if s.restricted.contains(Int(r.nearestSource)) || s.restricted.contains(Int(r.secondSource)) { served += 1 }
            }
        }
        XCTAssertEqual(checked, 12 * 22)
        XCTAssertGreaterThan(served, 12 * 5, "the centre practice must enter the best two at and below the bound")
        XCTAssertGreaterThan(dropped, 12 * 22, "the bound must drop pairs (the far practice's and those beyond it)")
        XCTAssertGreaterThanOrEqual(skipped, 12, "the far practice keeps no pair: no search")
    }

    /// The bound itself: the least cost per straight-line metre of a graph
    /// with two speeds, and the reach of a second-best — a pair exactly at
    /// the reach is kept, one a millimetre beyond it dropped.
    func testCostPerMetreAndReach() {
        let builder = RoadGraphBuilder()
        builder.add(RoadLine(coordinates: [Coordinate(x: 0, y: 0), Coordinate(x: 1_000, y: 0)], highway: "residential"))
        builder.add(RoadLine(coordinates: [Coordinate(x: 1_000, y: 0), Coordinate(x: 1_000, y: 3_000)], highway: "secondary", maxspeedKmh: 80))
        let graph = builder.build()
        let byLength = EligiblePairBound(graph: graph, arcs: ForwardArcs(graph: graph, mode: .car, weight: .length))
        XCTAssertEqual(byLength.costPerMetre, 1, accuracy: 1e-7)
        let byTime = EligiblePairBound(graph: graph, arcs: ForwardArcs(graph: graph, mode: .car, weight: .time))
        XCTAssertEqual(byTime.costPerMetre, 3.6 / 80, accuracy: 1e-7, "the fastest road's seconds per metre")
        XCTAssertLessThanOrEqual(byTime.costPerMetre, Double(graph.arcTimeS[.car].min()!) / 1_000 + 1e-12)

        // A home at (1000, 0); a restricted practice at (0, 0) costs 1000 m.
        let snapper = SegmentSnapper(graph: graph, mode: .car, maxDistanceM: 5)
        let home = snapper.snap(Coordinate(x: 1_000, y: 2_000))!, practice = snapper.snap(Coordinate(x: 1_000, y: 0))!
        var assigned = FacilityAssignment()
        for (second, kept) in [(2_000.0, true), (2_000 * (1 - 1e-7), true), (1_999, false)] {
            assigned.secondCost = second
            let sets = EligibleSets(pointsByPractice: [0: [0]])
            let r = byLength.filter(sets, points: [home], practices: [practice], assigned: [assigned])
            XCTAssertEqual(r.pairs, kept ? 1 : 0, "second \(second)")
            XCTAssertEqual(r.kept.pointsByPractice[0] != nil, kept, "a practice without pairs is left out")
        }
        XCTAssertGreaterThan(byLength.reach(below: 2_000), 2_000)
        XCTAssertLessThan(byLength.reach(below: 2_000), 2_000.01)
        XCTAssertEqual(byLength.reach(below: .infinity), .infinity)
    }
}
