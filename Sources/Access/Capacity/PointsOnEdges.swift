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
    /// Internal point k is the caller's point `original[k]`.
    let original: [Int32]
    /// Position along the edge of internal point k (`SnappedPoint.fraction`).
    let fraction: [Double]
    /// Group g holds internal points `start[g] ..< start[g + 1]`, all on edge `edge[g]`.
    let start: [Int32]
    let edge: [Int32]
    /// Per node, the groups on the edges it ends (a group once at each distinct end).
    let atNode: CSR<Int32>

    var groupCount: Int { edge.count }

    init(_ points: [SnappedPoint?], graph: RoadGraph) {
        let edgeCount = graph.edgeCount
        func edgeOf(_ p: SnappedPoint?) -> Int? {
            guard let p, p.edge >= 0, Int(p.edge) < edgeCount else { return nil }
            return Int(p.edge)
        }
        let byEdge = CSR<Int32>(rows: edgeCount) { emit in
            for (i, p) in points.enumerated() { if let e = edgeOf(p) { emit(e, Int32(i)) } }
        }
        let edgeOrder = CSR<Int32>(rows: graph.nodeCount) { emit in
            for e in 0..<edgeCount where !byEdge.range(e).isEmpty { emit(Int(graph.edgeFrom[e]), Int32(e)) }
        }.arcs
        var original = [Int32](), fraction = [Double](), start = [Int32](), edge = [Int32]()
        original.reserveCapacity(points.count); fraction.reserveCapacity(byEdge.arcCount)
        start.reserveCapacity(edgeOrder.count + 1); edge.reserveCapacity(edgeOrder.count)
        for e in edgeOrder {
            start.append(Int32(original.count))
            edge.append(e)
            for i in byEdge.arcs(from: Int(e)) { original.append(i); fraction.append(points[Int(i)]!.fraction) }
        }
        start.append(Int32(original.count))
        for (i, p) in points.enumerated() where edgeOf(p) == nil { original.append(Int32(i)) }
        atNode = CSR<Int32>(rows: graph.nodeCount) { emit in
            for (g, e) in edge.enumerated() {
                let a = Int(graph.edgeFrom[Int(e)]), b = Int(graph.edgeTo[Int(e)])
                emit(a, Int32(g))
                if b != a { emit(b, Int32(g)) }
            }
        }
        self.original = original
        self.fraction = fraction
        self.start = start
        self.edge = edge
    }

    /// The group of the points on edge `e`, nil when none lies on it.
    func group(onEdge e: Int, from a: Int) -> Int? {
        for g in atNode.arcs(from: a) where Int(edge[Int(g)]) == e { return Int(g) }
        return nil
    }
}
