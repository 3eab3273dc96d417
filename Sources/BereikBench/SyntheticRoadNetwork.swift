import Geo
import Access

/// A road-like synthetic network for tests and benchmarks: a jittered grid
/// of junctions about `spacingM` apart (EPSG:28992-like coordinates around
/// Amersfoort), with about 15% of the links removed, one degree-2 shape node
/// in the middle of each link, a mix of road classes and about 5% oneway
/// links (in either direction).
public enum SyntheticRoadNetwork {
    /// Road lines whose graph has roughly `nodes` nodes.
    public static func lines(nodes: Int, seed: UInt64, spacingM: Double = 120) -> [RoadLine] {
        var rng = SplitMix64(seed: seed)
        // nodes ≈ g² junctions + 0.85 · 2g² shape nodes = 2.7 g².
        let g = Swift.max(2, Int((Double(nodes) / 2.7).squareRoot().rounded()))
        let x0 = 155_000.0, y0 = 463_000.0
        var jx = [Double](repeating: 0, count: g * g), jy = [Double](repeating: 0, count: g * g)
        for r in 0..<g {
            for c in 0..<g {
                jx[r * g + c] = x0 + Double(c) * spacingM + Double.random(in: -0.3...0.3, using: &rng) * spacingM
                jy[r * g + c] = y0 + Double(r) * spacingM + Double.random(in: -0.3...0.3, using: &rng) * spacingM
            }
        }
        let classes = ["residential", "residential", "residential", "unclassified", "tertiary", "secondary", "service", "cycleway"]
        var result = [RoadLine]()
        result.reserveCapacity(2 * g * g)
        func link(_ a: Int, _ b: Int) {
            guard Double.random(in: 0..<1, using: &rng) >= 0.15 else { return }
            let mx = (jx[a] + jx[b]) / 2 + Double.random(in: -0.1...0.1, using: &rng) * spacingM
            let my = (jy[a] + jy[b]) / 2 + Double.random(in: -0.1...0.1, using: &rng) * spacingM
            let highway = classes[Int.random(in: 0..<classes.count, using: &rng)]
            let roll = Double.random(in: 0..<1, using: &rng)
            let oneway: RoadDirection = roll < 0.025 ? .forward : (roll < 0.05 ? .backward : .both)
            let allowed: ModeSet = highway == "cycleway" ? [.bicycle, .foot] : .all
            result.append(RoadLine(coordinates: [Coordinate(x: jx[a], y: jy[a]), Coordinate(x: mx, y: my), Coordinate(x: jx[b], y: jy[b])],
                                   highway: highway, oneway: oneway, allowed: allowed))
        }
        for r in 0..<g {
            for c in 0..<g {
                if c + 1 < g { link(r * g + c, r * g + c + 1) }
                if r + 1 < g { link(r * g + c, (r + 1) * g + c) }
            }
        }
        return result
    }

    /// The graph of `lines(nodes:seed:)` built with the default profiles.
    public static func generate(nodes: Int, seed: UInt64) -> RoadGraph {
        let builder = RoadGraphBuilder()
        for line in lines(nodes: nodes, seed: seed) { builder.add(line) }
        return builder.build()
    }
}
