import XCTest
import Geo
@testable import Access
import BereikBench

/// Road catchments against brute force: every sample place must lie in the
/// catchment of the practice that its nearest road node reaches first by
/// road, found here by exhaustive search and a plain Dijkstra per practice.
final class RoadCatchmentTests: XCTestCase {
    func testRoadCatchmentsMatchBruteForceNearestByRoad() throws {
        let g = SyntheticRoadNetwork.generate(nodes: 3_000, seed: 17)
        var rng = SplitMix64(seed: 5)
        // Practices on nodes of the largest component, so the snapped position is the node itself.
        let candidates = (0..<g.nodeCount).filter { g.componentOfNode[$0] == 0 }
        let practiceNodes = Array(Set((0..<14).map { _ in candidates[Int.random(in: 0..<candidates.count, using: &rng)] })).sorted()
        func snapped(_ v: Int) -> SnappedPoint? {
            for e in 0..<g.edgeCount where g.edgeUsable(e, by: .car) {
                if g.edgeFrom[e].index == v { return SnappedPoint(edge: EdgeID(e), fraction: 0, distanceM: 0, location: g.coordinate(ofNode: v)) }
                if g.edgeTo[e].index == v { return SnappedPoint(edge: EdgeID(e), fraction: 1, distanceM: 0, location: g.coordinate(ofNode: v)) }
            }
            return nil
        }
        let router = NearestFacilityRouter(graph: g, mode: .car, weight: .length)
        let labels = router.labelNodes(sources: practiceNodes.map(snapped)).nodes.map(\.nearestSource)

        // Brute force: per practice, Dijkstra over the reversed car arcs (cost node → practice).
        var best = [Double](repeating: .infinity, count: g.nodeCount), bestPractice = [Int](repeating: -1, count: g.nodeCount)
        var second = [Double](repeating: .infinity, count: g.nodeCount)
        let times = g.arcTimeS[.car]
        var incoming = [[(Int, Double)]](repeating: [], count: g.nodeCount)
        for u in 0..<g.nodeCount {
            for a in Int(g.offsets[u])..<Int(g.offsets[u + 1]) where times[a].isFinite {
                incoming[Int(g.targets[a])].append((u, Double(g.arcLengthM[a])))
            }
        }
        for (j, s) in practiceNodes.enumerated() {
            let d = FCABoundaryTests.dijkstra(incoming, from: s)
            for v in 0..<g.nodeCount where d[v].isFinite {
                if d[v] < best[v] { second[v] = best[v]; best[v] = d[v]; bestPractice[v] = j } else { second[v] = min(second[v], d[v]) }
            }
        }
        let labelled = (0..<g.nodeCount).filter { labels[$0] >= 0 }
        XCTAssertGreaterThan(labelled.count, g.nodeCount / 2)
        for v in labelled where second[v] - best[v] > 1e-6 { XCTAssertEqual(Int(labels[v]), bestPractice[v], "node \(v)") }

        // A study area inside the network's extent, with a notch, so clipping matters.
        let (x0, x1, y0, y1) = (g.nodeX.min()! + 150, g.nodeX.max()! - 150, g.nodeY.min()! + 150, g.nodeY.max()! - 150)
        let mx = (x0 + x1) / 2, my = (y0 + y1) / 2
        let area: Geometry = .polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
                                        Coordinate(x: mx, y: y1), Coordinate(x: mx, y: my), Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)]])
        let engine = try GeometryEngine()
        let polygons = try Catchments.roadPolygons(sites: labelled.map { g.coordinate(ofNode: $0) }, owner: labelled.map { Int(labels[$0]) },
                                                   area: area, engine: engine)
        let keys = polygons.keys.sorted()
        // Non-overlapping, covering the area, inside it.
        let areaM2 = try engine.area(area)
        let sum = try keys.reduce(0.0) { $0 + (try engine.area(polygons[$1]!)) }
        XCTAssertEqual(sum, areaM2, accuracy: areaM2 * 1e-9)
        let union = try engine.unaryUnion(keys.map { polygons[$0]! })
        XCTAssertEqual(try engine.area(union), areaM2, accuracy: areaM2 * 1e-9, "no overlap: the union is as large as the sum")
        XCTAssertEqual(try engine.area(try engine.intersection(union, area)), areaM2, accuracy: areaM2 * 1e-9, "clipped to the area")

        // Sample places: the catchment must be the brute-force practice of the nearest road node,
        // except within the grid's resolution of a boundary between two practices' nodes.
        let box = try Catchments.gridEnvelope(area: area, engine: engine)
        let cell = Catchments.roadCellSize(width: box.maxX - box.minX, height: box.maxY - box.minY)
        let locator = try PolygonLocator(polygons: keys.map { polygons[$0]! })
        var checked = 0, nearBoundary = 0
        for _ in 0..<2_000 {
            let p = Coordinate(x: Double.random(in: x0...x1, using: &rng), y: Double.random(in: y0...y1, using: &rng))
            guard let cellIndex = try locator.locate(p) else { continue }
            var nearest = -1, nearestD = Double.infinity
            for v in labelled where g.coordinate(ofNode: v).distance(to: p) < nearestD { nearest = v; nearestD = g.coordinate(ofNode: v).distance(to: p) }
            let other = labelled.filter { bestPractice[$0] != bestPractice[nearest] }.map { g.coordinate(ofNode: $0).distance(to: p) }.min() ?? .infinity
            if other - nearestD <= cell * 2.0.squareRoot() || second[nearest] - best[nearest] <= 1e-6 { nearBoundary += 1; continue }
            checked += 1
            XCTAssertEqual(keys[cellIndex], bestPractice[nearest], "place \(p): nearest node \(nearestD) m, other practice's node \(other) m, cell \(cell) m")
        }
        XCTAssertGreaterThan(checked, 1_000)
        XCTAssertLessThan(nearBoundary, checked / 4)
    }
}
