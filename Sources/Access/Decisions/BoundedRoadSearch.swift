/// Road distance (metres, shortest by length over the roads `mode` may use,
/// oneways respected in the direction point → facility) from every node
/// within `limitM` to one facility position: a Dijkstra over the reversed
/// graph that stops at the limit. Used to find who a candidate practice
/// would serve; the metric matches `road_m` from `NearestFacilityRouter`.
struct BoundedRoadSearch: Sendable {
    let graph: RoadGraph
    let mode: TravelMode
    private let rOffsets: [Int32]
    private let rFrom: [Int32]
    private let rLength: [Float]

    init(graph: RoadGraph, mode: TravelMode) {
        self.graph = graph
        self.mode = mode
        let n = graph.nodeCount, times = graph.arcTimeS[mode.rawValue]
        var start = [Int32](repeating: 0, count: n + 1)
        for a in 0..<graph.arcCount where times[a].isFinite { start[Int(graph.targets[a]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var cursor = start
        var from = [Int32](repeating: 0, count: Int(start[n])), length = [Float](repeating: 0, count: Int(start[n]))
        for u in 0..<n {
            for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where times[a].isFinite {
                let v = Int(graph.targets[a]), k = Int(cursor[v])
                cursor[v] += 1
                from[k] = Int32(u); length[k] = graph.arcLengthM[a]
            }
        }
        rOffsets = start; rFrom = from; rLength = length
    }

    /// Length of arc `a` for this mode, nil when the mode may not use it.
    func arcLength(_ a: Int32) -> Double? {
        guard a >= 0, graph.arcTimeS[mode.rawValue][Int(a)].isFinite else { return nil }
        return Double(graph.arcLengthM[Int(a)])
    }

    /// Fills `dist` (size nodeCount, all infinity on entry) for the nodes
    /// within `limitM` of `target`; lists them in `touched` so the caller can
    /// reset them.
    func run(to target: SnappedPoint, limitM: Double, dist: inout [Double], touched: inout [Int32]) {
        var heap = MinHeap()
        let e = Int(target.edge), g = target.fraction
        func seed(_ v: Int, _ d: Double) {
            guard d <= limitM, d < dist[v] else { return }
            if !dist[v].isFinite { touched.append(Int32(v)) }
            dist[v] = d
            heap.push(d, Int32(v))
        }
        if let l = arcLength(graph.edgeForwardArc[e]) { seed(Int(graph.edgeFrom[e]), g * l) }
        if let l = arcLength(graph.edgeBackwardArc[e]) { seed(Int(graph.edgeTo[e]), (1 - g) * l) }
        while let (d, v) = heap.pop() {
            guard d <= dist[Int(v)] else { continue }
            for k in Int(rOffsets[Int(v)])..<Int(rOffsets[Int(v) + 1]) {
                let u = Int(rFrom[k]), nd = d + Double(rLength[k])
                if nd <= limitM && nd < dist[u] {
                    if !dist[u].isFinite { touched.append(Int32(u)) }
                    dist[u] = nd
                    heap.push(nd, Int32(u))
                }
            }
        }
    }

    /// Distance from a snapped point to the target, given `dist` from `run`.
    func distance(from p: SnappedPoint, to target: SnappedPoint, dist: [Double]) -> Double {
        let e = Int(p.edge), f = p.fraction
        var best = Double.infinity
        if let l = arcLength(graph.edgeForwardArc[e]) { best = min(best, (1 - f) * l + dist[Int(graph.edgeTo[e])]) }
        if let l = arcLength(graph.edgeBackwardArc[e]) { best = min(best, f * l + dist[Int(graph.edgeFrom[e])]) }
        if p.edge == target.edge {
            let g = target.fraction
            if g >= f, let l = arcLength(graph.edgeForwardArc[e]) { best = min(best, (g - f) * l) }
            if g <= f, let l = arcLength(graph.edgeBackwardArc[e]) { best = min(best, (f - g) * l) }
        }
        return best
    }
}

/// Binary min-heap of (cost, node).
struct MinHeap {
    private var items: [(Double, Int32)] = []

    mutating func push(_ c: Double, _ v: Int32) {
        items.append((c, v))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard items[p].0 > items[i].0 else { break }
            items.swapAt(p, i); i = p
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m); i = m
            }
        }
        return top
    }
}
