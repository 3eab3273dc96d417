import Access
import Geo

extension AnalyzeJob.Inputs {
    /// A generated road network of about `nodes` nodes with random points
    /// and open practices on it (EPSG:28992), no regions: for benchmarks,
    /// tests and `serve --synthetic-nodes`.
    public static func synthetic(nodes: Int, points: Int, practices: Int, seed: UInt64 = 7) -> AnalyzeJob.Inputs {
        let graph = SyntheticRoadNetwork.generate(nodes: nodes, seed: seed)
        var rng = SplitMix64(seed: seed &+ 1)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for i in 0..<graph.nodeCount {
            minX = min(minX, graph.nodeX[i]); maxX = max(maxX, graph.nodeX[i]); minY = min(minY, graph.nodeY[i]); maxY = max(maxY, graph.nodeY[i])
        }
        func random() -> Coordinate { Coordinate(x: minX + rng.unit() * (maxX - minX), y: minY + rng.unit() * (maxY - minY)) }
        let population = (0..<points).map { PopulationPoint(id: String($0), location: random(), inhabitants: Double(1 + rng.next() % 40)) }
        let list = (0..<practices).map { Practice(id: "P\($0)", name: "P\($0)", location: random(), status: .open, gpFTE: 1 + rng.unit() * 2) }
        return AnalyzeJob.Inputs(population: population, practices: list, regions: [], roadGraph: graph)
    }
}
