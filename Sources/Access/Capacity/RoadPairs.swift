/// Road pairs of `RoadCosts.pairs`: per practice, the points in reach (by
/// internal number, see `original`) with their cost in the catchment's unit.
///
/// One bounded Dijkstra per practice over the reversed network, its shape
/// points passed without the heap (`HeapBypass`); then every group of
/// points on an edge with a reached end is read once (`PointsOnEdges`): a
/// point's cost is the cheaper of its edge's two ends plus its way along the
/// edge, or the way along the practice's own edge straight to it.
public struct RoadPairs: CatchmentPairs {
    let network: ReverseNetwork
    let bypass: HeapBypass
    let onEdges: PointsOnEdges
    /// The caller's snapped points (same storage, not a copy).
    let points: [SnappedPoint?]
    let practices: [SnappedPoint?]
    let limit: Double
    let scale: Double

    init(network: ReverseNetwork, points: [SnappedPoint?], practices: [SnappedPoint?], limit: Double, scale: Double) {
        self.network = network
        bypass = HeapBypass(network)
        onEdges = PointsOnEdges(points, network: network)
        self.points = points
        self.practices = practices
        self.limit = limit
        self.scale = scale
    }

    /// Internal point k is point `originalIndex[k]` of the caller.
    var originalIndex: [Int32] { onEdges.original }
    var pointCount: Int { points.count }
    var original: [Int32]? { onEdges.original }
    var practiceCount: Int { practices.count }

    struct Worker {
        var search: BoundedSearch<NodeID>
        var pending: [BypassedNode] = []
    }

    func makeWorker() -> Worker { Worker(search: BoundedSearch(nodeCount: network.graph.nodeCount)) }

    func pairs(of j: Int, worker: inout Worker, into list: inout PairList) {
        list.removeAll()
        guard let p = practices[j], let at = EdgePosition(p, in: network.graph) else { return }
        let e = at.edge.index, a = at.from.index, b = at.to.index
        // Seeds: the ends the practice is reached from.
        for end in at.entries {
            if let c = end.part.measure(network) { worker.search.push(end.node, c, limit) }
        }
        while let (v, c) = worker.search.next() {
            worker.search.relax(v, c, over: network, bypassing: bypass, limit: limit, pending: &worker.pending)
        }
        // A practice inside an edge also reaches the points on it without a node.
        let own = p.fraction > 0 && p.fraction < 1 ? onEdges.group(onEdge: e, from: a) : nil
        do {
            // (A scope of its own: `finish` below must not copy the costs.)
            let dist = worker.search.dist
            for v in worker.search.touchedNodes {
                for g in onEdges.atNode.arcs(from: v.index) where Int(g) != own ?? -1 {
                    let group = onEdges.groups[Int(g)]
                    let da = dist[Int(group.from)]
                    // Read once: at its first end when that was reached.
                    if v.raw != group.from && da < .infinity { continue }
                    read(group, da, dist[Int(group.to)], into: &list)
                }
            }
            if let own { read(onEdges.groups[own], dist[a], dist[b], into: &list, practiceAt: p.fraction) }
        }
        worker.search.finish()
    }

    /// Appends each point of `group` within the limit to `list`, from the
    /// costs `da`, `db` of its edge's ends (and, on the practice's own edge,
    /// the way along it straight to the practice at `practiceAt`).
    @inline(__always)
    private func read(_ group: PointsOnEdges.Group, _ da: Double, _ db: Double, into list: inout PairList, practiceAt: Double? = nil) {
        let cf = group.forwardCost, cb = group.backwardCost
        for k in Int(group.start)..<Int(group.end) {
            let f = onEdges.fraction[k]
            // The point's way onto the network, as `SnappedPoint` and `EdgePosition.exits` say.
            guard var c = EdgePosition.exitCost(at: f, fromEnd: da, toEnd: db, forward: cf, backward: cb) else { continue }
            if let at = practiceAt, let direct = EdgePosition.alongCost(from: f, to: at, forward: cf, backward: cb) {
                // At the practice's own position: no travel (as the router's assign).
                c = Swift.min(c, direct)
            }
            if c <= limit { list.append(Int32(k), c / scale) }
        }
    }
}
