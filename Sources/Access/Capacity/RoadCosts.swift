import Foundation

/// Pairs within a road catchment: one Dijkstra per practice over the
/// REVERSED graph of a mode (so the cost is home → practice and oneway roads
/// count in that direction), stopped at the catchment, from the practice's
/// snapped position; points are read off their snapped edge's end nodes.
/// Costs exclude the walk from a point (or practice) to its road, as
/// `road_m` does. Practices are spread over all cores, one search state per
/// worker.
public enum RoadCosts {
    /// - Parameters:
    ///   - weight: `.length` (catchment and costs in metres) or `.time`
    ///     (catchment and costs in minutes).
    ///   - points, practices: snapped positions (nil: not on the network, no pairs).
    public static func matrix(graph: RoadGraph, mode: TravelMode, weight: RouteWeight,
                              points: [SnappedPoint?], practices: [SnappedPoint?], catchment: Double) -> CostMatrix {
        let network = ReverseNetwork(graph: graph, mode: mode, weight: weight)
        let scale = weight == .time ? 60.0 : 1.0            // catchment unit → graph unit (s or m)
        let limit = catchment * scale
        let attached = network.attach(points)
        let n = practices.count
        var lists = [[(point: Int32, cost: Double)]](repeating: [], count: n)
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, n))
        lists.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var search = BoundedSearch(nodeCount: graph.nodeCount, pointCount: points.count)
                var j = w
                while j < n {
                    if let p = practices[j] {
                        out[j] = search.pairs(from: p, network: network, attached: attached, points: points, limit: limit)
                            .map { (point: $0.point, cost: $0.cost / scale) }
                    }
                    j += workers
                }
            }
        }
        return CostMatrix(pointCount: points.count, perPractice: lists)
    }
}

/// The reversed CSR of one mode with costs in the graph's unit (s or m).
struct ReverseNetwork: Sendable {
    let graph: RoadGraph
    let mode: TravelMode
    let weight: RouteWeight
    /// For node v, the arcs u → v the mode may travel: `from[k]`, `cost[k]`.
    let offsets: [Int32]
    let from: [Int32]
    let cost: [Double]

    init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight) {
        self.graph = graph; self.mode = mode; self.weight = weight
        let n = graph.nodeCount
        var offsets = [Int32](repeating: 0, count: n + 1)
        for u in 0..<n {
            for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where graph.arcCost(a, mode: mode, weight: weight).isFinite {
                offsets[Int(graph.targets[a]) + 1] += 1
            }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var from = [Int32](repeating: 0, count: Int(offsets[n])), cost = [Double](repeating: 0, count: Int(offsets[n]))
        for u in 0..<n {
            for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                let c = graph.arcCost(a, mode: mode, weight: weight)
                guard c.isFinite else { continue }
                let v = Int(graph.targets[a]), k = Int(cursor[v])
                cursor[v] += 1
                from[k] = Int32(u); cost[k] = c
            }
        }
        self.offsets = offsets; self.from = from; self.cost = cost
    }

    /// Cost of travelling `fraction` of arc `arc` (nil: no such arc or not allowed).
    func partial(_ arc: Int32, _ fraction: Double) -> Double? {
        guard arc >= 0 else { return nil }
        let c = graph.arcCost(Int(arc), mode: mode, weight: weight)
        return c.isFinite ? c * fraction : nil
    }

    /// Per node, the points that leave the network through it: (point, cost
    /// from the point to the node), as CSR.
    func attach(_ points: [SnappedPoint?]) -> (offsets: [Int32], point: [Int32], extra: [Double]) {
        var entries: [(node: Int32, point: Int32, extra: Double)] = []
        entries.reserveCapacity(points.count * 2)
        for (i, sp) in points.enumerated() {
            guard let sp, sp.edge >= 0 else { continue }
            let e = Int(sp.edge), a = graph.edgeFrom[e], b = graph.edgeTo[e]
            if sp.fraction <= 0 { entries.append((a, Int32(i), 0)); continue }
            if sp.fraction >= 1 { entries.append((b, Int32(i), 0)); continue }
            // From the point forward to `edgeTo`, or backward to `edgeFrom`.
            if let c = partial(graph.edgeForwardArc[e], 1 - sp.fraction) { entries.append((b, Int32(i), c)) }
            if let c = partial(graph.edgeBackwardArc[e], sp.fraction) { entries.append((a, Int32(i), c)) }
        }
        var offsets = [Int32](repeating: 0, count: graph.nodeCount + 1)
        for x in entries { offsets[Int(x.node) + 1] += 1 }
        for v in 0..<graph.nodeCount { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var point = [Int32](repeating: 0, count: entries.count), extra = [Double](repeating: 0, count: entries.count)
        for x in entries {
            let k = Int(cursor[Int(x.node)]); cursor[Int(x.node)] += 1
            point[k] = x.point; extra[k] = x.extra
        }
        return (offsets, point, extra)
    }
}
