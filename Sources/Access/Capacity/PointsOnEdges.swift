/// The snapped population points grouped by the edge they lie on, for the
/// catchment searches: a search reads each group once, from the cost of the
/// edge's two end nodes, so no per-point scratch is needed to keep the
/// cheaper of a point's two ways onto the network.
///
/// Points are renumbered in group order (internal point k is the caller's
/// point `original[k]`); groups run in order of their edge's first node
/// (nodes are in Morton order), so nearby points sit near in memory.
/// Points that did not snap come last, in no group.
struct PointsOnEdges: Sendable {
    /// The points on one edge and what a search needs to read them, in one
    /// record (one cache line for two groups).
    struct Group: Sendable {
        /// The edge's ends (`edgeFrom`, `edgeTo`).
        var from: Int32
        var to: Int32
        /// Internal points `start ..< end`.
        var start: Int32
        var end: Int32
        /// Cost of the whole edge forward (to `to`) and backward (to `from`)
        /// in the network's unit; `.infinity` where the mode may not travel.
        var forwardCost: Double
        var backwardCost: Double
    }

    /// Internal point k is the caller's point `original[k]`.
    let original: [Int32]
    /// Position along the edge of internal point k (`SnappedPoint.fraction`).
    let fraction: [Double]
    let groups: [Group]
    /// The edge of each group.
    let edge: [Int32]
    /// Per node, the groups on the edges it ends (a group once at each distinct end).
    let atNode: CSR<Int32>

    init(_ points: [SnappedPoint?], network: ReverseNetwork) {
        let graph = network.graph, edgeCount = graph.edgeCount
        func edgeOf(_ p: SnappedPoint?) -> Int? {
            guard let p, p.edge.index >= 0, p.edge.index < edgeCount else { return nil }
            return p.edge.index
        }
        let byEdge = CSR<Int32>(rows: edgeCount) { emit in
            for (i, p) in points.enumerated() { if let e = edgeOf(p) { emit(e, Int32(i)) } }
        }
        let edgeOrder = CSR<Int32>(rows: graph.nodeCount) { emit in
            for e in 0..<edgeCount where !byEdge.range(e).isEmpty { emit(graph.edgeFrom[e].index, Int32(e)) }
        }.arcs
        func cost(_ arc: ArcID?) -> Double { arc.map { network.arcCost[$0.index] } ?? .infinity }
        var original = [Int32](), fraction = [Double](), groups = [Group]()
        original.reserveCapacity(points.count); fraction.reserveCapacity(byEdge.arcCount); groups.reserveCapacity(edgeOrder.count)
        for e in edgeOrder {
            let start = Int32(original.count)
            for i in byEdge.arcs(from: Int(e)) { original.append(i); fraction.append(points[Int(i)]!.fraction) }
            groups.append(Group(from: graph.edgeFrom[Int(e)].raw, to: graph.edgeTo[Int(e)].raw, start: start, end: Int32(original.count),
                                forwardCost: cost(graph.edgeForwardArc[Int(e)]), backwardCost: cost(graph.edgeBackwardArc[Int(e)])))
        }
        for (i, p) in points.enumerated() where edgeOf(p) == nil { original.append(Int32(i)) }
        atNode = CSR<Int32>(rows: graph.nodeCount) { emit in
            for (g, group) in groups.enumerated() {
                emit(Int(group.from), Int32(g))
                if group.to != group.from { emit(Int(group.to), Int32(g)) }
            }
        }
        self.original = original
        self.fraction = fraction
        self.groups = groups
        edge = edgeOrder
    }

    /// The group of the points on edge `e`, nil when none lies on it.
    func group(onEdge e: Int, from a: Int) -> Int? {
        for g in atNode.arcs(from: a) where Int(edge[Int(g)]) == e { return Int(g) }
        return nil
    }
}
