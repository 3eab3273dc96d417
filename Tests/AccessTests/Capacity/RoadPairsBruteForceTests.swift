import XCTest
import Geo
@testable import Access
import BereikBench

/// The catchment pairs of `RoadCosts` (bounded searches that pass shape
/// points without their heap, points read per edge) against a plain
/// Dijkstra written here: every node through one binary heap, over the
/// graph's own arcs with Float64 lengths from the node coordinates, every
/// point checked against every practice. Points and practices lie inside
/// edges (also on the same edge), some roads are oneway and some not for
/// cars; costs must agree to the last bit and the pair sets exactly.
final class RoadPairsBruteForceTests: XCTestCase {
    func testPairsEqualPlainDijkstraOverEveryNode() {
        for (seed, weight, catchment) in [(UInt64(3), RouteWeight.length, 1_200.0), (4, .time, 3.0)] {
            let g = SyntheticRoadNetwork.generate(nodes: 6_000, seed: seed)
            var rng = SplitMix64(seed: seed &+ 11)
            let snapper = SegmentSnapper(graph: g, mode: .car)
            let extent = NodeExtent(g)
            func random() -> Coordinate { extent.random(&rng) }
            var pts = (0..<1_500).map { _ in snapper.snap(random()) }
            let pr = (0..<30).map { _ in snapper.snap(random()) }
            // Points on the practices' own edges, on both sides, at the practice itself and at the edge's ends.
            for p in pr.compactMap({ $0 }) {
                for f in [0, 0.25 * p.fraction, p.fraction, p.fraction + 0.5 * (1 - p.fraction), 1] {
                    pts.append(SnappedPoint(edge: p.edge, fraction: f, distanceM: 1, location: p.location))
                }
            }
            pts.append(nil)
            let matrix = RoadCosts.matrix(graph: g, mode: .car, weight: weight, points: pts, practices: pr, catchment: catchment)

            // Plain reverse Dijkstra: cost of node → practice, as `ReverseNetwork` defines an arc's cost.
            let times = g.arcTimeS[.car]
            func arcCost(_ a: Int) -> Double? {
                guard a >= 0, times[a].isFinite else { return nil }
                if weight == .time { return Double(times[a]) }
                let e = Int(g.arcEdge[a]), u = Int(g.edgeFrom[e]), v = Int(g.edgeTo[e])
                let dx = g.nodeX[u] - g.nodeX[v], dy = g.nodeY[u] - g.nodeY[v]
                return (dx * dx + dy * dy).squareRoot()
            }
            var into = [[(from: Int, arc: Int)]](repeating: [], count: g.nodeCount)
            for u in 0..<g.nodeCount { for a in g.out.range(u) { into[Int(g.out.arcs[a])].append((u, a)) } }
            let scale = weight == .time ? 60.0 : 1
            let limit = (catchment + CatchmentBoundary.tolerance) * scale
            var pairs = 0, onOwnEdge = 0
            for (j, practice) in pr.enumerated() {
                let got = Dictionary(uniqueKeysWithValues: (matrix.offsets[j]..<matrix.offsets[j + 1]).map { (Int(matrix.points[$0]), matrix.costs[$0]) })
                guard let p = practice else { XCTAssertTrue(got.isEmpty); continue }
                var dist = [Double](repeating: .infinity, count: g.nodeCount)
                var heap = BruteForce.PlainHeap()
                func push(_ v: Int, _ c: Double) {
                    guard c < dist[v] else { return }
                    dist[v] = c
                    heap.push((c, v))
                }
                let e = Int(p.edge), a = Int(g.edgeFrom[e]), b = Int(g.edgeTo[e])
                let forward = Int(g.edgeForwardArc[e].raw), backward = Int(g.edgeBackwardArc[e].raw)
                if p.fraction <= 0 { push(a, 0) } else if p.fraction >= 1 { push(b, 0) } else {
                    if let c = arcCost(forward) { push(a, c * p.fraction) }
                    if let c = arcCost(backward) { push(b, c * (1 - p.fraction)) }
                }
                while !heap.isEmpty {
                    let (d, v) = heap.pop()
                    guard d == dist[v] else { continue }
                    for (u, arc) in into[v] { if let c = arcCost(arc) { push(u, d + c) } }
                }
                for (i, q) in pts.enumerated() {
                    var want = Double.infinity
                    if let q {
                        let qe = Int(q.edge), qa = Int(g.edgeFrom[qe]), qb = Int(g.edgeTo[qe])
                        let qf = Int(g.edgeForwardArc[qe].raw), qbw = Int(g.edgeBackwardArc[qe].raw)
                        var attached = true
                        if q.fraction <= 0 { want = dist[qa] } else if q.fraction >= 1 { want = dist[qb] } else {
                            attached = arcCost(qf) != nil || arcCost(qbw) != nil
                            if let c = arcCost(qf) { want = min(want, dist[qb] + c * (1 - q.fraction)) }
                            if let c = arcCost(qbw) { want = min(want, dist[qa] + c * q.fraction) }
                        }
                        if attached && qe == e && p.fraction > 0 && p.fraction < 1 {
                            let direct: Double? = q.fraction == p.fraction ? 0
                                : q.fraction < p.fraction ? arcCost(forward).map { $0 * (p.fraction - q.fraction) }
                                : arcCost(backward).map { $0 * (q.fraction - p.fraction) }
                            if let direct, direct < want { want = direct; onOwnEdge += 1 }
                        }
                    }
                    if want <= limit {
                        pairs += 1
                        XCTAssertEqual(got[i], want / scale, "seed \(seed) practice \(j) point \(i)")
                    } else {
                        XCTAssertNil(got[i], "seed \(seed) practice \(j) point \(i) lies beyond the catchment")
                    }
                }
            }
            XCTAssertEqual(matrix.pairCount, pairs)
            XCTAssertGreaterThan(pairs, 2_000, "seed \(seed): the fixture must give many pairs")
            XCTAssertGreaterThan(onOwnEdge, 10, "the fixture must reach points along the practices' own edges")
        }
    }
}
