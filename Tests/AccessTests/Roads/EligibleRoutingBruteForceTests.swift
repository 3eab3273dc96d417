import XCTest
import Geo
@testable import Access
import BereikBench

/// "The nearest practice that will take you" by road against brute force:
/// per practice a plain Dijkstra (linear scan, written here) over the road
/// graph with every snapped point inserted as its own node; a point's
/// candidates are the fully open practices and the restricted practices
/// whose area holds it. Random graphs with one-way roads and cycleways,
/// synthetic networks of degree-2 chains, random eligibility areas.
final class EligibleRoutingBruteForceTests: XCTestCase {
    func randomLines(_ rng: inout SplitMix64) -> [RoadLine] {
        var lines = [RoadLine]()
        let count = Int.random(in: 8...30, using: &rng)
        // A 25 m lattice: equal routes (ties) occur.
        let pts = (0..<count).map { _ in
            Coordinate(x: Double(Int.random(in: 0...40, using: &rng)) * 25, y: Double(Int.random(in: 0...40, using: &rng)) * 25)
        }
        for _ in 0..<(count + Int.random(in: 0...count, using: &rng)) {
            let a = pts[Int.random(in: 0..<count, using: &rng)], b = pts[Int.random(in: 0..<count, using: &rng)]
            var cs = [a]
            if Bool.random(using: &rng) { cs.append(Coordinate(x: (a.x + b.x) / 2 + 5, y: (a.y + b.y) / 2 - 5)) }
            cs.append(b)
            let roll = Double.random(in: 0..<1, using: &rng)
            let oneway: RoadDirection = roll < 0.2 ? .forward : (roll < 0.35 ? .backward : .both)
            let highway = ["residential", "secondary", "cycleway", "service"][Int.random(in: 0..<4, using: &rng)]
            let allowed: ModeSet = highway == "cycleway" ? [.bicycle, .foot] : .all
            lines.append(RoadLine(coordinates: cs, highway: highway, oneway: oneway, onewayExempt: [],
                                  maxspeedKmh: Bool.random(using: &rng) ? 50 : nil, allowed: allowed))
        }
        return lines
    }

    /// Runs the open pass plus `EligibleRouting` and compares every home with
    /// brute force (with `.nearest` the nearest only: the second is not the eligible one then).
    func check(graph: RoadGraph, mode: TravelMode, weight: RouteWeight, practices: [SnappedPoint?], restricted: Set<Int>,
               homes: [SnappedPoint?], eligible: EligibleSets, label: String,
               answer: EligibleRouting.Answer = .nearestTwo) -> (checked: Int, servedByRestricted: Int) {
        let router = NearestFacilityRouter(graph: graph, mode: mode, weight: weight)
        let sources = practices.indices.map { restricted.contains($0) ? nil : practices[$0] }
        let labels = router.labelNodes(sources: sources)
        let open = router.assign(points: homes, labels: labels)
        var got = open
        EligibleRouting(router: router, points: homes, eligible: eligible)
            .apply(&got, labels: labels, practices: practices, eligible: eligible, answer: answer)
        let label = answer == .nearest ? label + " (nearest only)" : label
        // Prepared in blocks of points on three workers (each block's own
        // stable counting sorts), the answer is the same.
        var inBlocks = open
        let threads = ParallelWork.threads
        ParallelWork.threads = 3
        EligibleRouting(router: router, points: homes, eligible: eligible, minPointsPerWorker: 1)
            .apply(&inBlocks, labels: labels, practices: practices, eligible: eligible, answer: answer)
        ParallelWork.threads = threads
        XCTAssertEqual(inBlocks.map { "\($0)" }, got.map { "\($0)" }, "\(label): prepared in blocks")

        let (reversed, practiceNode, homeNode) = BruteForce.expandedGraph(graph, mode: mode, weight: weight, practices: practices, homes: homes)
        let perPractice = practices.indices.map { p in practiceNode[p].map { BruteForce.reverseDijkstra(reversed, from: $0).map(\.cost) } ?? [] }
        var checked = 0, served = 0
        for h in homes.indices {
            let r = got[h]
            guard let hn = homeNode[h] else { XCTAssertFalse(r.isReachable, label); continue }
            var options = [(p: Int, cost: Double)]()
            for p in practices.indices where !perPractice[p].isEmpty && perPractice[p][hn].isFinite {
                if restricted.contains(p) && !eligible.accepts(practice: Int32(p), point: Int32(h)) { continue }
                options.append((p, perPractice[p][hn]))
            }
            options.sort { $0.cost < $1.cost || ($0.cost == $1.cost && $0.p < $1.p) }
            guard let best = options.first else { XCTAssertFalse(r.isReachable, "\(label) home \(h)"); continue }
            checked += 1
            let tol = 1e-6 * max(1, best.cost)
            XCTAssertEqual(r.nearestCost, best.cost, accuracy: tol, "\(label) home \(h)")
            let tied = options.filter { abs($0.cost - best.cost) <= tol }.map(\.p)
            XCTAssertTrue(tied.contains(Int(r.nearestSource)), "\(label) home \(h): nearest \(r.nearest), expected one of \(tied)")
            if restricted.contains(Int(r.nearestSource)) { served += 1 }
            // The figure the analysis reads for the weight equals the cost.
            let figure = weight == .length ? r.nearestLengthM : r.nearestTimeS
            XCTAssertEqual(figure, best.cost, accuracy: 1e-3 * max(1, best.cost), "\(label) home \(h) figure")
            if answer == .nearest {
                // (The second is not the eligible one.)
            } else if options.count >= 2 {
                XCTAssertEqual(r.secondCost, options[1].cost, accuracy: 1e-6 * max(1, options[1].cost), "\(label) home \(h) second")
                XCTAssertNotEqual(r.second, r.nearest, "\(label) home \(h)")
                let tiedSecond = options.dropFirst().filter { abs($0.cost - options[1].cost) <= 1e-6 * max(1, options[1].cost) }.map(\.p)
                XCTAssertTrue(tiedSecond.contains(Int(r.secondSource)) || tied.contains(Int(r.secondSource)), "\(label) home \(h): second \(r.second)")
            } else {
                XCTAssertNil(r.second, "\(label) home \(h)")
            }
            // Never a practice that would not take the home.
            if let nearest = r.nearest, restricted.contains(nearest.index) {
                XCTAssertTrue(eligible.accepts(practice: nearest.raw, point: Int32(h)), "\(label) home \(h)")
            }
        }
        return (checked, served)
    }

    /// Random eligibility: each restricted practice accepts the homes in a
    /// random disk (a village) plus a few scattered ones.
    func randomSets(restricted: Set<Int>, homes: [SnappedPoint?], rng: inout SplitMix64) -> EligibleSets {
        var sets = EligibleSets()
        for p in restricted.sorted() {
            let centre = homes.compactMap { $0?.location }.randomElement(using: &rng) ?? Coordinate(x: 0, y: 0)
            let radius = Double.random(in: 50...600, using: &rng)
            sets.pointsByPractice[Int32(p)] = homes.indices.filter { h in
                guard let l = homes[h]?.location else { return Double.random(in: 0..<1, using: &rng) < 0.3 }
                return l.distance(to: centre) <= radius || Double.random(in: 0..<1, using: &rng) < 0.1
            }.map { Int32($0) }
        }
        return sets
    }

    func testEligibleRoutingEqualsBruteForceOnRandomGraphs() {
        var rng = SplitMix64(seed: 2026_11_29)
        var checked = 0, served = 0
        for round in 0..<150 {
            let builder = RoadGraphBuilder()
            for l in randomLines(&rng) { builder.add(l) }
            let graph = builder.build()
            guard graph.edgeCount > 0 else { continue }
            let mode = [TravelMode.car, .bicycle, .foot][round % 3]
            let weight: RouteWeight = round % 2 == 0 ? .time : .length
            let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: 2000)
            func randomPoint() -> Coordinate { Coordinate(x: Double.random(in: -50...1050, using: &rng), y: Double.random(in: -50...1050, using: &rng)) }
            var practices = [SnappedPoint?]()
            for i in 0..<Int.random(in: 2...8, using: &rng) {
                // Some exactly on nodes, two sometimes at the same spot (a tie).
                if i % 3 == 2 { practices.append(snapper.snap(graph.coordinate(ofNode: Int.random(in: 0..<graph.nodeCount, using: &rng)))) }
                else if i == 1 && round % 4 == 0 { practices.append(practices[0]) }
                else { practices.append(snapper.snap(randomPoint())) }
            }
            if round % 7 == 0 { practices.append(nil) }
            let restricted = Set(practices.indices.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.5 })
            var homes = (0..<25).map { _ in snapper.snap(randomPoint()) }
            // Homes on a practice's own edge, and one exactly at a practice.
            for p in practices.prefix(3) {
                guard let p else { continue }
                homes.append(SnappedPoint(edge: p.edge, fraction: Double.random(in: 0.01...0.99, using: &rng), distanceM: 0, location: p.location))
                homes.append(p)
            }
            homes.append(nil)
            let sets = randomSets(restricted: restricted, homes: homes, rng: &rng)
            for answer in [EligibleRouting.Answer.nearestTwo, .nearest] {
                let r = check(graph: graph, mode: mode, weight: weight, practices: practices, restricted: restricted, homes: homes,
                              eligible: sets, label: "round \(round)", answer: answer)
                checked += r.checked; served += r.servedByRestricted
            }
        }
        XCTAssertGreaterThan(checked, 4_000)
        XCTAssertGreaterThan(served, 600, "restricted practices must win often enough to test them")
    }

    /// Mostly degree-2 chains (the synthetic network): restricted practices
    /// on chain interiors and ends.
    func testEligibleRoutingEqualsBruteForceOnDegreeTwoChains() {
        var rng = SplitMix64(seed: 99)
        var checked = 0, served = 0
        for round in 0..<6 {
            let graph = SyntheticRoadNetwork.generate(nodes: 1_200, seed: UInt64(round + 10))
            let mode = [TravelMode.car, .bicycle, .foot][round % 3]
            let weight: RouteWeight = round % 2 == 0 ? .length : .time
            let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: 2000)
            let practices = (0..<8).map { i -> SnappedPoint? in
                let c = graph.coordinate(ofNode: Int.random(in: 0..<graph.nodeCount, using: &rng))
                let jitter = i % 2 == 0 ? 0 : 9.0
                return snapper.snap(Coordinate(x: c.x + jitter, y: c.y - jitter))
            }
            let restricted: Set<Int> = [0, 2, 3, 5, 6]
            let homes = (0..<80).map { _ -> SnappedPoint? in
                let c = graph.coordinate(ofNode: Int.random(in: 0..<graph.nodeCount, using: &rng))
                return snapper.snap(Coordinate(x: c.x + Double.random(in: -30...30, using: &rng), y: c.y + Double.random(in: -30...30, using: &rng)))
            }
            var sets = EligibleSets()
            for p in restricted.sorted() {
                sets.pointsByPractice[Int32(p)] = homes.indices.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.35 }.map { Int32($0) }
            }
            for answer in [EligibleRouting.Answer.nearestTwo, .nearest] {
                let r = check(graph: graph, mode: mode, weight: weight, practices: practices, restricted: restricted, homes: homes,
                              eligible: sets, label: "chains \(round)", answer: answer)
                checked += r.checked; served += r.servedByRestricted
            }
        }
        XCTAssertGreaterThan(checked, 600)
        XCTAssertGreaterThan(served, 60)
    }

    /// A restricted practice in the middle of a long degree-2 chain, both
    /// open practices just past one end: its neighbours on the chain reach
    /// it only along the chain (through either end they would first pass
    /// both open practices or go the long way). A second, separate road
    /// holds another point of its area and an open practice: never reached
    /// from it.
    func testRestrictedPracticeInsideALongChainAndAcrossComponents() {
        let builder = RoadGraphBuilder()
        builder.add(RoadLine(coordinates: stride(from: 0.0, through: 10_000, by: 500).map { Coordinate(x: $0, y: 0) }, highway: "residential"))
        for x in [0.0, 10_000] {
            builder.add(RoadLine(coordinates: [Coordinate(x: x, y: 0), Coordinate(x: x, y: 1_000)], highway: "residential"))
            builder.add(RoadLine(coordinates: [Coordinate(x: x, y: 0), Coordinate(x: x, y: -1_000)], highway: "residential"))
        }
        builder.add(RoadLine(coordinates: [Coordinate(x: 50_000, y: 0), Coordinate(x: 51_000, y: 0)], highway: "residential"))
        let graph = builder.build()
        let snapper = SegmentSnapper(graph: graph, mode: .car, maxDistanceM: 100, minComponentNodes: 1)
        let practices = [Coordinate(x: 5_000, y: 0), Coordinate(x: 10_000, y: 10), Coordinate(x: 10_000, y: -10), Coordinate(x: 50_900, y: 0)]
            .map { snapper.snap($0) }
        let homes = [Coordinate(x: 5_100, y: 0), Coordinate(x: 4_750, y: 5), Coordinate(x: 9_000, y: 0), Coordinate(x: 50_100, y: 0)]
            .map { snapper.snap($0) }
        XCTAssertTrue(practices.allSatisfy { $0 != nil } && homes.allSatisfy { $0 != nil })
        let sets = EligibleSets(pointsByPractice: [0: [0, 1, 3]])
        for weight in [RouteWeight.length, .time] {
            let r = check(graph: graph, mode: .car, weight: weight, practices: practices, restricted: [0], homes: homes,
                          eligible: sets, label: "chain \(weight)")
            XCTAssertEqual(r.checked, 4)
            XCTAssertEqual(r.servedByRestricted, 2, "the two homes beside it on the chain")
        }
    }

    /// Many restricted practices with overlapping areas on one thread: the
    /// area bits of each search are cleared after it, so every area starts
    /// afresh and the answers stay exact.
    func testManyRestrictedPracticesOnOneWorker() {
        ParallelWork.threads = 1
        defer { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }
        var rng = SplitMix64(seed: 7)
        let graph = SyntheticRoadNetwork.generate(nodes: 250, seed: 5)
        let snapper = SegmentSnapper(graph: graph, mode: .car, maxDistanceM: 2000)
        func near() -> SnappedPoint? {
            let c = graph.coordinate(ofNode: Int.random(in: 0..<graph.nodeCount, using: &rng))
            return snapper.snap(Coordinate(x: c.x + Double.random(in: -20...20, using: &rng), y: c.y + Double.random(in: -20...20, using: &rng)))
        }
        let practices = (0..<300).map { _ in near() }
        let restricted = Set(0..<290)
        let homes = (0..<40).map { _ in near() }
        var sets = EligibleSets()
        for p in restricted.sorted() {
            sets.pointsByPractice[Int32(p)] = homes.indices.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.15 }.map { Int32($0) }
        }
        for answer in [EligibleRouting.Answer.nearestTwo, .nearest] {
            let r = check(graph: graph, mode: .car, weight: .length, practices: practices, restricted: restricted, homes: homes,
                          eligible: sets, label: "many", answer: answer)
            XCTAssertGreaterThan(r.checked, 30)
            XCTAssertGreaterThan(r.servedByRestricted, 10)
        }
    }

    /// Equal costs go to the lower practice index, restricted or not.
    func testTiesGoToTheLowerPracticeIndex() {
        let builder = RoadGraphBuilder()
        builder.add(RoadLine(coordinates: [Coordinate(x: 0, y: 0), Coordinate(x: 1_000, y: 0), Coordinate(x: 2_000, y: 0)], highway: "residential"))
        let graph = builder.build()
        let snapper = SegmentSnapper(graph: graph, mode: .car, maxDistanceM: 100)
        let home = snapper.snap(Coordinate(x: 1_000, y: 0))
        let left = snapper.snap(Coordinate(x: 0, y: 0)), right = snapper.snap(Coordinate(x: 2_000, y: 0))
        for restrictedIndex in [0, 1] {
            let practices = [left, right]
            let sets = EligibleSets(pointsByPractice: [Int32(restrictedIndex): [0]])
            let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
            let sources = practices.indices.map { $0 == restrictedIndex ? nil : practices[$0] }
            let labels = router.labelNodes(sources: sources)
            var got = router.assign(points: [home], labels: labels)
            EligibleRouting(router: router, points: [home], eligible: sets)
                .apply(&got, labels: labels, practices: practices, eligible: sets)
            XCTAssertEqual(got[0].nearest, PracticeIndex(0), "restricted practice \(restrictedIndex)")
            XCTAssertEqual(got[0].second, PracticeIndex(1))
            XCTAssertEqual(got[0].nearestCost, 1_000, accuracy: 1e-3)
            XCTAssertEqual(got[0].secondCost, 1_000, accuracy: 1e-3)
            // Only the nearest: the tie at the node's nearest label is not pruned.
            var nearest = router.assign(points: [home], labels: labels)
            EligibleRouting(router: router, points: [home], eligible: sets)
                .apply(&nearest, labels: labels, practices: practices, eligible: sets, answer: .nearest)
            XCTAssertEqual(nearest[0].nearest, PracticeIndex(0), "restricted practice \(restrictedIndex), nearest only")
            XCTAssertEqual(nearest[0].nearestCost, 1_000, accuracy: 1e-3)
        }
    }
}
