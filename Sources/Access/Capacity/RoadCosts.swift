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
            var list: [(point: Int32, cost: Double)] = []
            source.forEachPair(of: j, worker: &worker) { list.append((point: source.originalIndex[Int($0)], cost: $1)) }
            return list.sorted { $0.point < $1.point }
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
        // Points renumbered by the node their edge starts at (nodes are in
        // Morton order), so that a search touches nearby memory.
        let key = points.map { p -> Int in p.flatMap { EdgePosition($0, in: graph)?.from.index } ?? graph.nodeCount }
        let order = CSR<Int32>(rows: graph.nodeCount + 1) { emit in
            for (i, k) in key.enumerated() { emit(k, Int32(i)) }
        }.arcs
        let internalPoints = order.map { points[Int($0)] }
        return RoadPairs(network: network, attached: network.attach(internalPoints), points: internalPoints, practices: practices,
                         limit: (catchment + CatchmentBoundary.tolerance) * scale, scale: scale, originalIndex: order)
    }
}

/// Road pairs of `RoadCosts.pairs`: per practice, the points in reach (by
/// internal number, see `original`) with their cost in the catchment's unit.
public struct RoadPairs: CatchmentPairs {
    let network: ReverseNetwork
    let attached: CSR<AttachedPoint>
    let points: [SnappedPoint?]
    let practices: [SnappedPoint?]
    let limit: Double
    let scale: Double
    /// Internal point k is point `originalIndex[k]` of the caller.
    let originalIndex: [Int32]

    var pointCount: Int { points.count }
    var original: [Int32]? { originalIndex }
    var practiceCount: Int { practices.count }

    func makeWorker() -> BoundedSearch { BoundedSearch(nodeCount: network.graph.nodeCount, pointCount: points.count) }

    func forEachPair(of j: Int, worker search: inout BoundedSearch, _ body: (Int32, Double) -> Void) {
        guard let p = practices[j] else { return }
        search.forEachPair(from: p, network: network, attached: attached, points: points, limit: limit, inPointOrder: false) { i, c in
            body(i, c / scale)
        }
    }
}

/// The reversed CSR of one mode with Float64 costs in the graph's unit (s or m).
struct ReverseNetwork: Sendable, ArcMeasures {
    let graph: RoadGraph
    /// Float64 cost per graph arc (`.infinity`: the mode may not travel it).
    let arcCost: [Double]
    /// For node v, the arcs u → v the mode may travel: (u, cost).
    let steps: CSR<Step>

    struct Step: Sendable {
        var from: NodeID
        var cost: Double
    }

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
        steps = graph.incoming { arcCost[$0].isFinite }.map { Step(from: $0.from, cost: arcCost[Int($0.arc)]) }
    }

    /// Cost of the whole arc `a` (nil: the mode may not travel it).
    @inline(__always)
    func whole(_ a: Int) -> Double? {
        let c = arcCost[a]
        return c.isFinite ? c : nil
    }

    /// Per node, the points that leave the network through it, with the
    /// cost from the point to the node.
    func attach(_ points: [SnappedPoint?]) -> CSR<AttachedPoint> {
        CSR(rows: graph.nodeCount) { emit in
            for (i, sp) in points.enumerated() {
                guard let sp, let at = EdgePosition(sp, in: graph) else { continue }
                for end in at.exits {
                    if let c = end.part.measure(self) { emit(end.node.index, AttachedPoint(point: Int32(i), extra: c)) }
                }
            }
        }
    }
}

/// A point attached to a node: the point and its cost to (or from) the node.
struct AttachedPoint: Sendable {
    var point: Int32
    var extra: Double
}
