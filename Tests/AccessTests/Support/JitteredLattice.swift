import Geo
@testable import Access

/// A side × side lattice of road junctions about 1 km apart from
/// (150,000, 450,000) in RD New, each moved by up to 150 m either way so no
/// two routes tie; each link to the right and upward is kept when a draw
/// exceeds `drop`. Residential roads; `links` as drawn, for `BruteForce`.
struct JitteredLattice {
    let nodes: [Coordinate]
    let links: [(Int, Int)]
    let graph: RoadGraph

    init(side g: Int, drop: Double, _ rng: inout SplitMix64) {
        var nodes: [Coordinate] = []
        for k in 0..<(g * g) {
            nodes.append(Coordinate(x: 150_000 + Double(k % g) * 1_000 + (rng.unit() - 0.5) * 300,
                                    y: 450_000 + Double(k / g) * 1_000 + (rng.unit() - 0.5) * 300))
        }
        var links: [(Int, Int)] = []
        for k in 0..<(g * g) {
            if k % g + 1 < g, rng.unit() > drop { links.append((k, k + 1)) }
            if k / g + 1 < g, rng.unit() > drop { links.append((k, k + g)) }
        }
        let builder = RoadGraphBuilder()
        for (a, b) in links { builder.add(RoadLine(coordinates: [nodes[a], nodes[b]], highway: "residential")) }
        self.nodes = nodes
        self.links = links
        graph = builder.build()
    }
}
