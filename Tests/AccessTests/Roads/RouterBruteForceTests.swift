import XCTest
import Geo
@testable import Access
import BereikBench

/// Checks the one-pass two-label router against plain single-source Dijkstra
/// runs (one per practice) on an adjacency list in which every snapped point
/// is inserted as its own node.
final class RouterBruteForceTests: XCTestCase {

    /// Random lines in two clusters 20 km apart; some oneway, some cycleways.
    func randomLines(_ rng: inout SplitMix64) -> [RoadLine] {
        var lines = [RoadLine]()
        for cluster in 0..<2 {
            let ox = Double(cluster) * 20_000
            let count = Int.random(in: 6...25, using: &rng)
            let pts = (0..<count).map { _ in
                Coordinate(x: ox + Double(Int.random(in: 0...40, using: &rng)) * 25, y: Double(Int.random(in: 0...40, using: &rng)) * 25)
            }
            for _ in 0..<(count + Int.random(in: 0...count, using: &rng)) {
                let a = pts[Int.random(in: 0..<count, using: &rng)], b = pts[Int.random(in: 0..<count, using: &rng)]
                var cs = [a]
                if Bool.random(using: &rng) { cs.append(Coordinate(x: (a.x + b.x) / 2 + 7, y: (a.y + b.y) / 2 - 3)) }
                cs.append(b)
                let roll = Double.random(in: 0..<1, using: &rng)
                let oneway: RoadDirection = roll < 0.2 ? .forward : (roll < 0.35 ? .backward : .both)
                let highway = ["residential", "secondary", "cycleway", "service", "primary"][Int.random(in: 0..<5, using: &rng)]
                let allowed: ModeSet = highway == "cycleway" ? [.bicycle, .foot] : .all
                let exempt: ModeSet = Double.random(in: 0..<1, using: &rng) < 0.3 ? .bicycle : []
                lines.append(RoadLine(coordinates: cs, highway: highway, oneway: oneway, onewayExempt: exempt,
                                      maxspeedKmh: Bool.random(using: &rng) ? 50 : nil, allowed: allowed))
            }
        }
        return lines
    }

    func testRouterMatchesBruteForceOnRandomGraphs() {
        var rng = SplitMix64(seed: 20240601)
        var checkedPairs = 0
        var unreachable = 0
        for round in 0..<120 {
            let builder = RoadGraphBuilder()
            for l in randomLines(&rng) { builder.add(l) }
            let graph = builder.build()
            guard graph.edgeCount > 0 else { continue }
            let mode = [TravelMode.car, .bicycle, .foot][round % 3]
            let weight: RouteWeight = round % 2 == 0 ? .time : .length
            let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: 2000)
            func randomPoint(cluster: Int) -> Coordinate {
                Coordinate(x: Double(cluster) * 20_000 + Double.random(in: -50...1050, using: &rng),
                           y: Double.random(in: -50...1050, using: &rng))
            }
            // Practices only in cluster 0 half of the time; some exactly on nodes.
            let practiceClusters = round % 2 == 0 ? [0] : [0, 1]
            var practices = [SnappedPoint?]()
            for i in 0..<Int.random(in: 1...6, using: &rng) {
                let c = practiceClusters[i % practiceClusters.count]
                if i % 3 == 2 {
                    let v = Int.random(in: 0..<graph.nodeCount, using: &rng)
                    practices.append(snapper.snap(graph.coordinate(ofNode: v)))
                } else {
                    practices.append(snapper.snap(randomPoint(cluster: c)))
                }
            }
            if round % 5 == 0 { practices.append(nil) }   // a practice that does not take part
            var homes = (0..<15).map { _ in snapper.snap(randomPoint(cluster: Int.random(in: 0...1, using: &rng))) }
            // A home on the same edge as a practice.
            if let p = practices[0] { homes.append(SnappedPoint(edge: p.edge, fraction: Double.random(in: 0.01...0.99, using: &rng), distanceM: 0, location: p.location)) }

            let router = NearestFacilityRouter(graph: graph, mode: mode, weight: weight)
            let labels = router.labelNodes(sources: practices)
            let got = router.assign(points: homes, labels: labels)

            // Independent computation.
            let (adjacency, practiceNode, homeNode) = BruteForce.expandedGraph(graph, mode: mode, weight: weight, practices: practices, homes: homes)
            var perPractice = [[(cost: Double, length: Double, time: Double)]]()
            for p in practices.indices {
                if let start = practiceNode[p] {
                    perPractice.append(BruteForce.reverseDijkstra(adjacency, from: start))
                } else {
                    perPractice.append([])
                }
            }
            for (h, home) in homes.enumerated() {
                let result = got[h]
                guard home != nil, let hn = homeNode[h] else {
                    XCTAssertFalse(result.isReachable)
                    continue
                }
                var options = [(p: Int, cost: Double, length: Double, time: Double)]()
                for p in practices.indices where !perPractice[p].isEmpty && perPractice[p][hn].cost.isFinite {
                    let d = perPractice[p][hn]
                    options.append((p, d.cost, d.length, d.time))
                }
                options.sort { $0.cost < $1.cost }
                if options.isEmpty {
                    XCTAssertFalse(result.isReachable, "round \(round) home \(h)")
                    unreachable += 1
                    continue
                }
                checkedPairs += 1
                let tol = 1e-6 * max(1, options[0].cost)
                XCTAssertEqual(result.nearestCost, options[0].cost, accuracy: tol, "round \(round) home \(h)")
                let tiedFirst = options.filter { abs($0.cost - options[0].cost) <= tol }
                XCTAssertTrue(tiedFirst.contains { $0.p == Int(result.nearestSource) }, "round \(round) home \(h): nearest \(result.nearest), expected \(options[0].p)")
                if tiedFirst.count == 1 {
                    XCTAssertEqual(result.nearestLengthM, options[0].length, accuracy: 1e-2, "round \(round) home \(h)")
                    XCTAssertEqual(result.nearestTimeS, options[0].time, accuracy: 1e-2, "round \(round) home \(h)")
                }
                if options.count >= 2 {
                    XCTAssertEqual(result.secondCost, options[1].cost, accuracy: 1e-6 * max(1, options[1].cost), "round \(round) home \(h) second")
                    XCTAssertNotEqual(result.second, result.nearest)
                } else {
                    XCTAssertNil(result.second, "round \(round) home \(h)")
                }
            }
        }
        XCTAssertGreaterThan(checkedPairs, 500)
        XCTAssertGreaterThan(unreachable, 20, "disconnected parts without practices must occur")
    }

    /// Synthetic networks are mostly degree-2 chains: practices on chain
    /// interiors (exactly on shape nodes and inside their edges), on chain
    /// ends and elsewhere must give the same answers as brute force.
    func testRouterMatchesBruteForceOnDegreeTwoChains() {
        var rng = SplitMix64(seed: 77)
        var checked = 0
        for round in 0..<6 {
            let graph = SyntheticRoadNetwork.generate(nodes: 1_500, seed: UInt64(round))
            let mode = [TravelMode.car, .bicycle, .foot][round % 3]
            let weight: RouteWeight = round % 2 == 0 ? .time : .length
            let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: 2000)
            var practices = [SnappedPoint?]()
            for i in 0..<5 {
                let v = Int.random(in: 0..<graph.nodeCount, using: &rng)
                let c = graph.coordinate(ofNode: v)
                let jitter = i % 2 == 0 ? 0 : 9.0
                practices.append(snapper.snap(Coordinate(x: c.x + jitter, y: c.y - jitter)))
            }
            let homes = (0..<40).map { _ -> SnappedPoint? in
                let c = graph.coordinate(ofNode: Int.random(in: 0..<graph.nodeCount, using: &rng))
                return snapper.snap(Coordinate(x: c.x + Double.random(in: -30...30, using: &rng), y: c.y + Double.random(in: -30...30, using: &rng)))
            }
            let router = NearestFacilityRouter(graph: graph, mode: mode, weight: weight)
            let got = router.assign(points: homes, labels: router.labelNodes(sources: practices))
            let (adjacency, practiceNode, homeNode) = BruteForce.expandedGraph(graph, mode: mode, weight: weight, practices: practices, homes: homes)
            let perPractice = practices.indices.map { p in practiceNode[p].map { BruteForce.reverseDijkstra(adjacency, from: $0) } ?? [] }
            for h in homes.indices {
                guard let hn = homeNode[h] else { continue }
                let costs = perPractice.compactMap { $0.isEmpty ? nil : $0[hn].cost }.filter(\.isFinite).sorted()
                guard let best = costs.first else { XCTAssertFalse(got[h].isReachable); continue }
                XCTAssertEqual(got[h].nearestCost, best, accuracy: 1e-6 * max(1, best), "round \(round) home \(h)")
                if costs.count >= 2 {
                    XCTAssertEqual(got[h].secondCost, costs[1], accuracy: 1e-6 * max(1, costs[1]), "round \(round) home \(h) second")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 150)
    }

    func testHeapOrdersEntries() {
        var heap = MinHeap<Int32>()
        var rng = SplitMix64(seed: 7)
        var values = (0..<1000).map { _ in Double.random(in: 0..<100, using: &rng) }
        for (i, v) in values.enumerated() { heap.push(v, Int32(i)) }
        values.sort()
        var out = [Double]()
        while let e = heap.pop() { out.append(e.cost) }
        XCTAssertEqual(out, values)
    }
}
