import Foundation
import XCTest
import Geo
@testable import Access

/// The catchment boundary: the whole pair set of `RoadCosts` against a plain
/// per-practice Float64 Dijkstra written here over the road lines themselves,
/// on grids with degree-2 chains, integer edge lengths and a 3,000 m
/// catchment, so that many paths end exactly on the boundary.
final class FCABoundaryTests: XCTestCase {
    /// Junctions every 100 m; each link is a chain through shape nodes with
    /// integer segment lengths (straight 50 + 50, or the 3-4-5 detour 50 + 40 + 50).
    func lines(size: Int, seed: UInt64) -> [RoadLine] {
        var rng = SplitMix64(seed: seed)
        var result: [RoadLine] = []
        func link(_ a: (Int, Int), _ b: (Int, Int)) {
            guard Double.random(in: 0..<1, using: &rng) >= 0.1 else { return }
            let ax = Double(a.0 * 100), ay = Double(a.1 * 100), bx = Double(b.0 * 100), by = Double(b.1 * 100)
            let horizontal = a.1 == b.1
            var cs = [Coordinate(x: ax, y: ay)]
            if Bool.random(using: &rng) {
                cs.append(Coordinate(x: (ax + bx) / 2, y: (ay + by) / 2))
            } else if horizontal {
                cs += [Coordinate(x: ax + 30, y: ay + 40), Coordinate(x: ax + 70, y: ay + 40)]
            } else {
                cs += [Coordinate(x: ax + 40, y: ay + 30), Coordinate(x: ax + 40, y: ay + 70)]
            }
            cs.append(Coordinate(x: bx, y: by))
            result.append(RoadLine(coordinates: cs, highway: "residential"))
        }
        for r in 0..<size {
            for c in 0..<size {
                if c + 1 < size { link((c, r), (c + 1, r)) }
                if r + 1 < size { link((c, r), (c, r + 1)) }
            }
        }
        return result
    }

    func testPairSetEqualsFloat64Dijkstra() {
        for seed: UInt64 in [1, 2] {
            let roads = lines(size: 45, seed: seed)
            let builder = RoadGraphBuilder()
            for l in roads { builder.add(l) }
            let g = builder.build()
            // Independent adjacency from the lines: Float64 lengths, no RoadGraph.
            var id: [Coordinate: Int] = [:]
            var adjacency: [[(Int, Double)]] = []
            func node(_ c: Coordinate) -> Int {
                if let k = id[c] { return k }
                id[c] = adjacency.count; adjacency.append([]); return adjacency.count - 1
            }
            for l in roads {
                for (p, q) in zip(l.coordinates, l.coordinates.dropFirst()) {
                    let a = node(p), b = node(q), len = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
                    XCTAssertEqual(len, len.rounded())
                    adjacency[a].append((b, len)); adjacency[b].append((a, len))
                }
            }
            // Points and practices on nodes (the peer contract), as snapped positions.
            var rng = SplitMix64(seed: seed &+ 100)
            let coords = Array(id.keys).sorted { ($0.x, $0.y) < ($1.x, $1.y) }
            let pointAt = (0..<800).map { _ in coords[Int.random(in: 0..<coords.count, using: &rng)] }
            let practiceAt = (0..<12).map { _ in coords[Int.random(in: 0..<coords.count, using: &rng)] }
            func snapped(_ c: Coordinate) -> SnappedPoint? {
                for e in 0..<g.edgeCount {
                    if g.coordinate(ofNode: g.edgeFrom[e].index) == c { return SnappedPoint(edge: EdgeID(e), fraction: 0, distanceM: 0, location: c) }
                    if g.coordinate(ofNode: g.edgeTo[e].index) == c { return SnappedPoint(edge: EdgeID(e), fraction: 1, distanceM: 0, location: c) }
                }
                return nil
            }
            let c = 3_000.0
            let matrix = RoadCosts.matrix(graph: g, mode: .car, weight: .length, points: pointAt.map(snapped),
                                          practices: practiceAt.map(snapped), catchment: c)
            var exactlyOnBoundary = 0
            for (j, start) in practiceAt.enumerated() {
                let dist = Self.dijkstra(adjacency, from: id[start]!)
                var want: [(Int32, Double)] = []
                for (i, p) in pointAt.enumerated() where dist[id[p]!] <= c {
                    want.append((Int32(i), dist[id[p]!]))
                    if dist[id[p]!] == c { exactlyOnBoundary += 1 }
                }
                let got = (matrix.offsets[j]..<matrix.offsets[j + 1]).map { (matrix.points[$0], matrix.costs[$0]) }
                XCTAssertEqual(got.map(\.0), want.map(\.0), "seed \(seed) practice \(j): pair sets differ")
                for (x, y) in zip(got, want) { XCTAssertEqual(x.1, y.1, "seed \(seed) practice \(j) point \(x.0)") }
            }
            XCTAssertGreaterThan(exactlyOnBoundary, 0, "the fixture must put pairs exactly on the boundary")
        }
    }

    /// The graph's Float32 lengths alone would move a boundary pair: 0.1 m
    /// segments summed to 3,000 m.
    func testDecimalLengthsOnTheBoundaryCount() {
        let builder = RoadGraphBuilder()
        let cs = (0...30_000).map { Coordinate(x: Double($0) * 0.1, y: 0) }
        builder.add(RoadLine(coordinates: cs, highway: "residential"))
        let g = builder.build()
        let start = SegmentSnapper(graph: g, mode: .car).snap(Coordinate(x: 0, y: 0))
        let end = SegmentSnapper(graph: g, mode: .car).snap(Coordinate(x: 3_000, y: 0))
        let m = RoadCosts.matrix(graph: g, mode: .car, weight: .length, points: [end], practices: [start], catchment: 3_000)
        XCTAssertEqual(m.pairCount, 1)
        XCTAssertEqual(m.costs.first ?? 0, 3_000, accuracy: 1e-6)
    }

    static func dijkstra(_ adjacency: [[(Int, Double)]], from s: Int) -> [Double] {
        var dist = [Double](repeating: .infinity, count: adjacency.count)
        var done = [Bool](repeating: false, count: adjacency.count)
        dist[s] = 0
        var heap = BruteForce.PlainHeap()
        heap.push((0, s))
        while !heap.isEmpty {
            let (d, u) = heap.pop()
            if done[u] { continue }
            done[u] = true
            for (v, w) in adjacency[u] where d + w < dist[v] {
                dist[v] = d + w
                heap.push((dist[v], v))
            }
        }
        return dist
    }
}
