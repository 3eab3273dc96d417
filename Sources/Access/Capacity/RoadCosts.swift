import Foundation

/// Pairs within a road catchment: one Dijkstra per practice over the
/// REVERSED graph of a mode (so the cost is home → practice and oneway roads
/// count in that direction), stopped at the catchment, from the practice's
/// snapped position; points are read off their snapped edge's end nodes.
/// Costs exclude the walk from a point (or practice) to its road, as
/// `road_m` does. Lengths are Float64 per edge and the boundary follows
/// `CatchmentBoundary`.
public enum RoadCosts {
    /// The pairs as a stored matrix (for small cases: coverage sets, tests).
    /// - Parameters:
    ///   - weight: `.length` (catchment and costs in metres) or `.time`
    ///     (catchment and costs in minutes).
    ///   - points, practices: snapped positions (nil: not on the network, no pairs).
    ///   - edgeLengthsM: Float64 length per edge; nil = from the node coordinates.
    public static func matrix(graph: RoadGraph, mode: TravelMode, weight: RouteWeight,
                              points: [SnappedPoint?], practices: [SnappedPoint?], catchment: Double,
                              edgeLengthsM: [Double]? = nil) -> CostMatrix {
        let source = pairs(graph: graph, mode: mode, weight: weight, points: points, practices: practices,
                           catchment: catchment, edgeLengthsM: edgeLengthsM)
        let lists = parallelMap(count: practices.count, state: { source.makeWorker() }) { worker, j in
            var pairs = PairList()
            source.pairs(of: j, worker: &worker, into: &pairs)
            return zip(pairs.points, pairs.costs).map { (point: source.originalIndex[Int($0)], cost: $1) }.sorted { $0.point < $1.point }
        }
        return CostMatrix(pointCount: points.count, perPractice: lists)
    }

    /// The pairs as a stream: each practice's bounded search is run when its
    /// pairs are asked for, nothing is stored.
    public static func pairs(graph: RoadGraph, mode: TravelMode, weight: RouteWeight,
                             points: [SnappedPoint?], practices: [SnappedPoint?], catchment: Double,
                             edgeLengthsM: [Double]? = nil) -> RoadPairs {
        let network = ReverseNetwork(graph: graph, mode: mode, weight: weight, edgeLengthsM: edgeLengthsM)
        let scale = weight == .time ? 60.0 : 1.0            // catchment unit → graph unit (s or m)
        return RoadPairs(network: network, points: points, practices: practices,
                         limit: (catchment + CatchmentBoundary.tolerance) * scale, scale: scale)
    }
}

/// The graph's reverse for one mode with Float64 costs in the graph's unit (s or m).
struct ReverseNetwork: Sendable, ArcMeasures {
    let graph: RoadGraph
    /// Float64 cost per graph arc (`.infinity`: the mode may not travel it).
    let arcCost: [Double]
    /// The graph's reverse (`RoadGraph.reversed`) with these costs: for
    /// node v, the arcs u → v the mode may travel.
    let steps: CSR<ReverseArc<NodeID, Double>>

    init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight, edgeLengthsM: [Double]? = nil) {
        self.graph = graph
        let times = graph.arcTimeS[mode]
        let arcCost = (0..<graph.arcCount).map { a -> Double in
            guard times[a].isFinite else { return .infinity }
            if weight == .time { return Double(times[a]) }
            let e = graph.arcEdge[a].index
            if let edgeLengthsM { return edgeLengthsM[e] }
            let u = graph.edgeFrom[e].index, v = graph.edgeTo[e].index
            let dx = graph.nodeX[u] - graph.nodeX[v], dy = graph.nodeY[u] - graph.nodeY[v]
            return (dx * dx + dy * dy).squareRoot()
        }
        self.arcCost = arcCost
        steps = graph.reversed { arcCost[$0].isFinite ? arcCost[$0] : nil }
    }

    /// Cost of the whole arc `a` (nil: the mode may not travel it).
    @inline(__always)
    func whole(_ a: Int) -> Double? {
        let c = arcCost[a]
        return c.isFinite ? c : nil
    }
}
