import XCTest
import Geo
@testable import Access

/// Building from an edge list (dense node ids) gives the same graph as
/// building from two-point lines joined at shared coordinates.
final class EdgeListBuildTests: XCTestCase {
    func testEdgeListMatchesLineBuild() {
        var rng = SplitMix64(seed: 5)
        let nodes = (0..<300).map { _ in Coordinate(x: 100_000 + rng.unit() * 5_000, y: 450_000 + rng.unit() * 5_000) }
        var pairs: [(Int32, Int32)] = []
        for i in 1..<nodes.count { pairs.append((Int32(i), Int32(Int(rng.next() % UInt64(i))))) }
        for _ in 0..<200 { pairs.append((Int32(rng.next() % 300), Int32(rng.next() % 300))) }
        let template = RoadLine(coordinates: [], highway: "residential", allowed: .car)
        let fromLines = RoadGraphBuilder()
        for (a, b) in pairs { fromLines.add(RoadLine(coordinates: [nodes[Int(a)], nodes[Int(b)]], highway: "residential", allowed: .car)) }
        let fromEdges = RoadGraphBuilder()
        let first = fromEdges.addNodes(nodes)
        fromEdges.addSegments(pairs.map { (first + $0.0, first + $0.1) }, like: template)
        let g1 = fromLines.build(), g2 = fromEdges.build()
        XCTAssertEqual(g1.nodeCount, g2.nodeCount)
        XCTAssertEqual(g1.edgeCount, g2.edgeCount)
        XCTAssertEqual(g1.report.selfLoops, g2.report.selfLoops)
        // Same shortest distances from node 0's position to every node.
        func distances(_ g: RoadGraph) -> [Double] {
            let tree = KDTree((0..<g.nodeCount).map { g.coordinate(ofNode: $0) })
            let snapper = SegmentSnapper(graph: g, mode: .car)
            let router = NearestFacilityRouter(graph: g, mode: .car, weight: .length)
            let labels = router.labelNodes(sources: [snapper.snap(nodes[0])])
            return nodes.map { c in
                let v = tree.nearest(to: c).index
                return Double(labels.nodes[v].nearestCost)
            }
        }
        let d1 = distances(g1), d2 = distances(g2)
        for i in nodes.indices { XCTAssertEqual(d1[i], d2[i], accuracy: 1e-3) }
    }
}
