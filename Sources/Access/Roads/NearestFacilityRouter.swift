/// For every node: the nearest and second-nearest distinct source
/// (facility index) by road, with cost, length and travel time from the node
/// to the source. Produced by `NearestFacilityRouter.labelNodes`.
public struct NodeLabels: Sendable {
    /// Source index, -1 when none is reachable.
    public var nearest: [Int32]
    public var nearestCost: [Double]
    public var nearestLengthM: [Double]
    public var nearestTimeS: [Double]
    public var second: [Int32]
    public var secondCost: [Double]
    public var secondLengthM: [Double]
    public var secondTimeS: [Double]
    /// Sources lying strictly inside an edge, by edge, with their fraction.
    var sourcesOnEdge: [Int32: [(source: Int32, fraction: Double)]]
    /// Heap pops that settled a label (for reports and benchmarks).
    public var settledLabels: Int
}

/// Road distance from a point to its nearest and second-nearest facility.
public struct FacilityAssignment: Sendable, Hashable {
    /// Facility (source) index, -1 when unreachable.
    public var nearest: Int32 = -1
    /// The minimised cost: seconds for `.time`, metres for `.length`.
    public var nearestCost: Double = .infinity
    /// Road length of that route, metres (excluding `snapM`).
    public var nearestLengthM: Double = .infinity
    /// Travel time of that route for the mode, seconds (excluding `snapM`).
    public var nearestTimeS: Double = .infinity
    public var second: Int32 = -1
    public var secondCost: Double = .infinity
    public var secondLengthM: Double = .infinity
    public var secondTimeS: Double = .infinity
    /// Straight-line distance from the point to the road, metres; reported
    /// apart from the road figures. `.infinity` when the point did not snap.
    public var snapM: Double = .infinity

    public init() {}

    public var isReachable: Bool { nearest >= 0 }
    public var nearestMinutes: Double { nearestTimeS / 60 }
    public var secondMinutes: Double { secondTimeS / 60 }
}

/// Nearest-facility routing for one mode: ONE multi-source Dijkstra pass
/// over the reversed graph (so oneway restrictions count in the direction
/// point → facility), seeded at the snapped positions of all facilities,
/// keeps the best two labels with distinct sources per node. Points are then
/// answered in O(1) each from their snapped edge's end nodes.
///
/// The pass uses flat arrays and an array-backed binary heap: no per-node
/// allocation. Labels are independent of the points, so one pass serves any
/// number of points.
public struct NearestFacilityRouter: Sendable {
    public let graph: RoadGraph
    public let mode: TravelMode
    public let weight: RouteWeight
    // Reversed CSR over the arcs `mode` may travel: for node v, the arcs
    // u → v as (u, cost, length, time).
    private let rOffsets: [Int32]
    private let rSources: [Int32]
    private let rCost: [Float]
    private let rLength: [Float]
    private let rTime: [Float]

    public init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight = .time) {
        self.graph = graph
        self.mode = mode
        self.weight = weight
        let n = graph.nodeCount
        let times = graph.arcTimeS[mode.rawValue]
        var indegree = [Int32](repeating: 0, count: n + 1)
        for u in 0..<n {
            for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where times[a].isFinite {
                indegree[Int(graph.targets[a]) + 1] += 1
            }
        }
        for v in 0..<n { indegree[v + 1] += indegree[v] }
        let m = Int(indegree[n])
        var cursor = indegree
        var src = [Int32](repeating: 0, count: m)
        var cost = [Float](repeating: 0, count: m), len = [Float](repeating: 0, count: m), time = [Float](repeating: 0, count: m)
        for u in 0..<n {
            for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where times[a].isFinite {
                let v = Int(graph.targets[a])
                let k = Int(cursor[v]); cursor[v] += 1
                src[k] = Int32(u)
                len[k] = graph.arcLengthM[a]
                time[k] = times[a]
                cost[k] = weight == .time ? times[a] : graph.arcLengthM[a]
            }
        }
        rOffsets = indegree; rSources = src; rCost = cost; rLength = len; rTime = time
    }

    /// Partial cost of an arc for the weight in use.
    private func partial(_ arc: Int32, _ fraction: Double) -> (cost: Double, length: Double, time: Double)? {
        guard arc >= 0 else { return nil }
        let t = graph.arcTimeS[mode.rawValue][Int(arc)]
        guard t.isFinite else { return nil }
        let l = Double(graph.arcLengthM[Int(arc)])
        let c = weight == .time ? Double(t) : l
        return (c * fraction, l * fraction, Double(t) * fraction)
    }

    /// Runs the search. `sources[i]` is facility `i`'s snapped position, nil
    /// for facilities that do not take part (closed, or not snapped); labels
    /// refer to these indexes.
    public func labelNodes(sources: [SnappedPoint?]) -> NodeLabels {
        let n = graph.nodeCount
        var src1 = [Int32](repeating: -1, count: n), src2 = [Int32](repeating: -1, count: n)
        var cost1 = [Double](repeating: .infinity, count: n), cost2 = [Double](repeating: .infinity, count: n)
        var len1 = [Double](repeating: .infinity, count: n), len2 = [Double](repeating: .infinity, count: n)
        var time1 = [Double](repeating: .infinity, count: n), time2 = [Double](repeating: .infinity, count: n)
        var onEdge = [Int32: [(source: Int32, fraction: Double)]]()
        var heap = LabelHeap(capacity: Swift.max(1024, n / 4))
        defer { heap.release() }
        var settled = 0

        src1.withUnsafeMutableBufferPointer { s1 in
        src2.withUnsafeMutableBufferPointer { s2 in
        cost1.withUnsafeMutableBufferPointer { c1 in
        cost2.withUnsafeMutableBufferPointer { c2 in
        len1.withUnsafeMutableBufferPointer { l1 in
        len2.withUnsafeMutableBufferPointer { l2 in
        time1.withUnsafeMutableBufferPointer { t1 in
        time2.withUnsafeMutableBufferPointer { t2 in
        rOffsets.withUnsafeBufferPointer { ro in
        rSources.withUnsafeBufferPointer { rs in
        rCost.withUnsafeBufferPointer { rc in
        rLength.withUnsafeBufferPointer { rl in
        rTime.withUnsafeBufferPointer { rt in

            @inline(__always)
            func relax(_ u: Int, _ c: Double, _ l: Double, _ t: Double, _ s: Int32) {
                if s == s1[u] {
                    if c < c1[u] { c1[u] = c; l1[u] = l; t1[u] = t; heap.push(c, Int32(u), s) }
                    return
                }
                if s == s2[u] {
                    guard c < c2[u] else { return }
                    if c < c1[u] {
                        s2[u] = s1[u]; c2[u] = c1[u]; l2[u] = l1[u]; t2[u] = t1[u]
                        s1[u] = s; c1[u] = c; l1[u] = l; t1[u] = t
                    } else {
                        c2[u] = c; l2[u] = l; t2[u] = t
                    }
                    heap.push(c, Int32(u), s)
                    return
                }
                if c < c1[u] {
                    s2[u] = s1[u]; c2[u] = c1[u]; l2[u] = l1[u]; t2[u] = t1[u]
                    s1[u] = s; c1[u] = c; l1[u] = l; t1[u] = t
                    heap.push(c, Int32(u), s)
                } else if c < c2[u] {
                    s2[u] = s; c2[u] = c; l2[u] = l; t2[u] = t
                    heap.push(c, Int32(u), s)
                }
            }

            for (i, sp) in sources.enumerated() {
                guard let sp, sp.edge >= 0, Int(sp.edge) < graph.edgeCount else { continue }
                let s = Int32(i)
                let e = Int(sp.edge)
                let from = Int(graph.edgeFrom[e]), to = Int(graph.edgeTo[e])
                if sp.fraction <= 0 { relax(from, 0, 0, 0, s); continue }
                if sp.fraction >= 1 { relax(to, 0, 0, 0, s); continue }
                onEdge[sp.edge, default: []].append((s, sp.fraction))
                // From `from`, reach the source going forward along the edge.
                if let p = partial(graph.edgeForwardArc[e], sp.fraction) { relax(from, p.cost, p.length, p.time, s) }
                // From `to`, reach it going backward.
                if let p = partial(graph.edgeBackwardArc[e], 1 - sp.fraction) { relax(to, p.cost, p.length, p.time, s) }
            }

            while let (c, v32, s) = heap.pop() {
                let v = Int(v32)
                let l: Double, t: Double
                if s1[v] == s && c1[v] == c { l = l1[v]; t = t1[v] }
                else if s2[v] == s && c2[v] == c { l = l2[v]; t = t2[v] }
                else { continue }
                settled += 1
                for k in Int(ro[v])..<Int(ro[v + 1]) {
                    let u = Int(rs[k])
                    let nc = c + Double(rc[k])
                    // Cheap reject before the full label update.
                    if nc >= c2[u] && s != s1[u] { continue }
                    relax(u, nc, l + Double(rl[k]), t + Double(rt[k]), s)
                }
            }
        }}}}}}}}}}}}}
        return NodeLabels(nearest: src1, nearestCost: cost1, nearestLengthM: len1, nearestTimeS: time1,
                          second: src2, secondCost: cost2, secondLengthM: len2, secondTimeS: time2,
                          sourcesOnEdge: onEdge, settledLabels: settled)
    }

    /// Nearest and second-nearest facility for one snapped point (nil =
    /// did not snap → unreachable).
    public func assign(_ point: SnappedPoint?, labels: NodeLabels) -> FacilityAssignment {
        var result = FacilityAssignment()
        guard let point, point.edge >= 0, Int(point.edge) < graph.edgeCount else { return result }
        result.snapM = point.distanceM
        let e = Int(point.edge)
        let f = point.fraction
        let from = Int(graph.edgeFrom[e]), to = Int(graph.edgeTo[e])

        func offer(_ s: Int32, _ c: Double, _ l: Double, _ t: Double) {
            guard s >= 0, c.isFinite else { return }
            if s == result.nearest {
                if c < result.nearestCost { result.nearestCost = c; result.nearestLengthM = l; result.nearestTimeS = t }
            } else if s == result.second {
                guard c < result.secondCost else { return }
                if c < result.nearestCost {
                    result.second = result.nearest; result.secondCost = result.nearestCost
                    result.secondLengthM = result.nearestLengthM; result.secondTimeS = result.nearestTimeS
                    result.nearest = s; result.nearestCost = c; result.nearestLengthM = l; result.nearestTimeS = t
                } else {
                    result.secondCost = c; result.secondLengthM = l; result.secondTimeS = t
                }
            } else if c < result.nearestCost {
                result.second = result.nearest; result.secondCost = result.nearestCost
                result.secondLengthM = result.nearestLengthM; result.secondTimeS = result.nearestTimeS
                result.nearest = s; result.nearestCost = c; result.nearestLengthM = l; result.nearestTimeS = t
            } else if c < result.secondCost {
                result.second = s; result.secondCost = c; result.secondLengthM = l; result.secondTimeS = t
            }
        }
        func offerNode(_ v: Int, _ pc: Double, _ pl: Double, _ pt: Double) {
            offer(labels.nearest[v], labels.nearestCost[v] + pc, labels.nearestLengthM[v] + pl, labels.nearestTimeS[v] + pt)
            offer(labels.second[v], labels.secondCost[v] + pc, labels.secondLengthM[v] + pl, labels.secondTimeS[v] + pt)
        }

        if f <= 0 {
            offerNode(from, 0, 0, 0)
        } else if f >= 1 {
            offerNode(to, 0, 0, 0)
        } else {
            let fwd = partial(graph.edgeForwardArc[e], 1 - f)
            let bwd = partial(graph.edgeBackwardArc[e], f)
            if let p = fwd { offerNode(to, p.cost, p.length, p.time) }
            if let p = bwd { offerNode(from, p.cost, p.length, p.time) }
            if let here = labels.sourcesOnEdge[point.edge] {
                for (s, g) in here {
                    if g == f { offer(s, 0, 0, 0) }
                    else if g > f, let p = partial(graph.edgeForwardArc[e], g - f) { offer(s, p.cost, p.length, p.time) }
                    else if g < f, let p = partial(graph.edgeBackwardArc[e], f - g) { offer(s, p.cost, p.length, p.time) }
                }
            }
        }
        return result
    }

    public func assign(points: [SnappedPoint?], labels: NodeLabels) -> [FacilityAssignment] {
        points.map { assign($0, labels: labels) }
    }
}

/// A binary min-heap of (cost, node, source) in one manually managed buffer.
struct LabelHeap {
    struct Entry { var cost: Double; var node: Int32; var source: Int32 }
    private var storage: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    func release() { storage.deallocate() }

    @inline(__always)
    mutating func push(_ cost: Double, _ node: Int32, _ source: Int32) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = storage[parent]
            if p.cost <= cost { break }
            storage[i] = p
            i = parent
        }
        storage[i] = Entry(cost: cost, node: node, source: source)
    }

    @inline(__always)
    mutating func pop() -> (Double, Int32, Int32)? {
        guard count > 0 else { return nil }
        let top = storage[0]
        count -= 1
        if count > 0 {
            let last = storage[count]
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= count { break }
                if child + 1 < count && storage[child + 1].cost < storage[child].cost { child += 1 }
                if storage[child].cost >= last.cost { break }
                storage[i] = storage[child]
                i = child
            }
            storage[i] = last
        }
        return (top.cost, top.node, top.source)
    }
}
