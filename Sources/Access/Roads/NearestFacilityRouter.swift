/// The two best labels of one node: nearest and second-nearest distinct
/// source, each with the minimised cost (Double) and the route's length in
/// metres and time in seconds (Float, to keep a node in 40 bytes).
public struct TwoLabels: RouteFigureFields, Sendable, Hashable {
    public var nearestCost: Double = .infinity
    public var secondCost: Double = .infinity
    /// Source (practice) index, -1 when none: the search's raw form (see
    /// `nearest`, `second`).
    public var nearestSource: Int32 = -1
    public var secondSource: Int32 = -1
    public var nearestLengthM: Float = .infinity
    public var secondLengthM: Float = .infinity
    public var nearestTimeS: Float = .infinity
    public var secondTimeS: Float = .infinity
    public init() {}
}

/// For every node: the nearest and second-nearest distinct source
/// (facility index) by road, with cost, length and travel time from the node
/// to the source. Produced by `NearestFacilityRouter.labelNodes`.
public struct NodeLabels: Sendable {
    /// Indexed by node.
    public var nodes: [TwoLabels]
    /// Sources lying strictly inside an edge, by edge, with their fraction.
    var sourcesOnEdge: [EdgeID: [(source: PracticeIndex, fraction: Double)]]
    /// One bit per edge: set when `sourcesOnEdge` has the edge, so that
    /// assigning a point rarely needs the dictionary.
    var edgesWithSources = [UInt64]()
    /// Heap pops that settled a label (for reports and benchmarks).
    public var settledLabels: Int
    /// Heap pushes (for reports and benchmarks).
    public var queuedLabels: Int
}

/// Road distance from a point to its nearest and second-nearest facility.
public struct FacilityAssignment: RouteFigureFields, Sendable, Hashable {
    /// Facility (source) index, -1 when unreachable: the raw form of `nearest`.
    public var nearestSource: Int32 = -1
    /// The minimised cost: seconds for `.time`, metres for `.length`.
    public var nearestCost: Double = .infinity
    /// Road length of that route, metres (excluding `snapM`).
    public var nearestLengthM: Double = .infinity
    /// Travel time of that route for the mode, seconds (excluding `snapM`).
    public var nearestTimeS: Double = .infinity
    /// Raw form of `second`, -1 when none.
    public var secondSource: Int32 = -1
    public var secondCost: Double = .infinity
    public var secondLengthM: Double = .infinity
    public var secondTimeS: Double = .infinity
    /// Straight-line distance from the point to the road, metres; reported
    /// apart from the road figures. `.infinity` when the point did not snap.
    public var snapM: Double = .infinity

    public init() {}

    public var isReachable: Bool { nearestSource >= 0 }
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
/// allocation. Chains of degree-2 nodes are contracted out of the search
/// (see `DegreeTwoChains`) and labelled afterwards; the heap works on the
/// remaining core only. Labels are independent of the points, so one pass
/// serves any number of points.
public struct NearestFacilityRouter: Sendable, ArcMeasures {
    public let graph: RoadGraph
    public let mode: TravelMode
    public let weight: RouteWeight
    /// Reversed CSR of the core (see `DegreeTwoChains`) over the arcs `mode`
    /// may travel, by core number: for core node v, the arcs u → v as (u,
    /// cost, length, time).
    let core: CSR<RouteArc<CoreNodeID>>
    /// The cost of each core arc in Float64: a shortcut's is the sum of its
    /// chain's arcs, not rounded to Float (for `EligibleRouting`, whose
    /// costs are those of a search over the whole graph).
    let rCost: [Double]
    let chains: DegreeTwoChains
    /// Core number of each node (nil inside a chain), and the node of each core number.
    let coreId: OptionalIDs<CoreNodeID>
    let coreNodes: [NodeID]
    /// `graph.arcTimeS[mode]`, held directly for the per-point work.
    private let times: [Float]

    public init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight = .time) {
        self.graph = graph
        self.mode = mode
        self.weight = weight
        let n = graph.nodeCount
        let times = graph.arcTimeS[mode]
        let lengths = graph.arcLengthM
        let full = graph.reversed { a -> ArcCosts? in
            let t = times[a]
            guard t.isFinite else { return nil }
            return ArcCosts(cost: weight == .time ? t : lengths[a], length: lengths[a], time: t)
        }
        let chains = DegreeTwoChains(nodeCount: n, out: graph.out, usable: { times[$0].isFinite }, incoming: full)
        // The core, numbered 0..<coreNodes.count in node order: arcs between
        // core nodes plus the chains' shortcuts. Dense numbering keeps the
        // labels the search touches in a third of the memory.
        var coreId = OptionalIDs<CoreNodeID>(repeating: nil, count: n)
        var coreNodes = [NodeID]()
        for v in 0..<n where chains.chainOf[v] == nil { coreId[v] = CoreNodeID(coreNodes.count); coreNodes.append(NodeID(v)) }
        var shortcuts = [(head: NodeID, arc: RouteArc<NodeID>, exactCost: Double)]()
        for c in 0..<chains.count { chains.appendShortcuts(c, to: &shortcuts) }
        let withCost = CSR<CoreArc>(rows: coreNodes.count) { emit in
            // Both ends are core nodes: a core arc's, and a shortcut's (a chain's ends).
            func add(_ head: NodeID, _ arc: RouteArc<NodeID>, _ exactCost: Double) {
                emit(coreId[head]!.index, CoreArc(arc: arc.withTail(coreId[arc.from]!), exactCost: exactCost))
            }
            for v in coreNodes {
                for a in full.arcs(from: v.index) where coreId[a.from] != nil { add(v, a, Double(a.cost)) }
            }
            for s in shortcuts { add(s.head, s.arc, s.exactCost) }
        }
        core = withCost.map(\.arc)
        rCost = withCost.arcs.map(\.exactCost)
        self.coreId = coreId
        self.coreNodes = coreNodes
        self.chains = chains
        self.times = times
    }

    /// Cost, length and time of the whole arc `a` (nil: the mode may not travel it).
    @inline(__always)
    func whole(_ a: Int) -> RouteMeasure? {
        let t = times[a]
        guard t.isFinite else { return nil }
        let l = Double(graph.arcLengthM[a])
        return RouteMeasure(cost: weight == .time ? Double(t) : l, length: l, time: Double(t))
    }

    /// Runs the search. `sources[i]` is facility `i`'s snapped position, nil
    /// for facilities that do not take part (closed, or not snapped); labels
    /// refer to these indexes.
    public func labelNodes(sources: [SnappedPoint?]) -> NodeLabels {
        let n = graph.nodeCount
        var nodes = [TwoLabels](repeating: TwoLabels(), count: n)
        var onEdge = [EdgeID: [(source: PracticeIndex, fraction: Double)]]()
        guard n > 0 else { return NodeLabels(nodes: [], sourcesOnEdge: [:], settledLabels: 0, queuedLabels: 0) }
        // Seeds: for each source, the end nodes of its edge with the partial cost.
        var seeds = [(node: NodeID, cost: Double, length: Double, time: Double, source: PracticeIndex)]()
        for (i, sp) in sources.enumerated() {
            guard let sp, let at = EdgePosition(sp, in: graph) else { continue }
            let s = PracticeIndex(i)
            if at.isInside { onEdge[at.edge, default: []].append((s, sp.fraction)) }
            for end in at.entries {
                if let p = end.part.measure(self) { seeds.append((end.node, p.cost, p.length, p.time, s)) }
            }
        }
        var coreNodeLabels = [TwoLabels](repeating: TwoLabels(), count: coreNodes.count)
        var settled = 0, queued = 0
        nodes.withUnsafeMutableBufferPointer { labels in
            coreNodeLabels.withUnsafeMutableBufferPointer { coreLabels in
                core.offsets.withUnsafeBufferPointer { ro in
                    // (One blocked arc stands in for none, so the pointer exists.)
                    (core.arcs.isEmpty ? [.blocked] : core.arcs).withUnsafeBufferPointer { ra in
                        var search = TwoLabelSearch<CoreNodeID>(labels: coreLabels.baseAddress!, heap: MinHeap(capacity: Swift.max(1024, n / 16)))
                        // Sweeps along chains never queue.
                        var chainSearch = TwoLabelSearch<NodeID>(labels: labels.baseAddress!, heap: MinHeap())
                        var seededChains = Set<ChainID>()
                        for seed in seeds {
                            if let c = coreId[seed.node] {
                                search.offer(c, seed.cost, Float(seed.length), Float(seed.time), seed.source.raw, queue: true)
                            } else {
                                seededChains.insert(chains.chainOf[seed.node]!)
                                chainSearch.offer(seed.node, seed.cost, Float(seed.length), Float(seed.time), seed.source.raw, queue: false)
                            }
                        }
                        for c in seededChains.sorted() {
                            chains.sweep(c.index, &chainSearch)
                            for end in chains.ends(c.index) {
                                let atEnd = coreId[end.node]!
                                search.offerLabels(labels[end.inner.index], to: atEnd, via: end.arc.withTail(atEnd), queue: true)
                            }
                        }
                        settled = search.run(offsets: ro.baseAddress!, arcs: ra.baseAddress!)
                        for (i, v) in coreNodes.enumerated() { labels[v.index] = coreLabels[i] }
                        for c in 0..<chains.count { chains.sweep(c, &chainSearch) }
                        queued = search.heap.pushes
                    }
                }
            }
        }
        var result = NodeLabels(nodes: nodes, sourcesOnEdge: onEdge, settledLabels: settled, queuedLabels: queued)
        result.edgesWithSources = [UInt64](repeating: 0, count: graph.edgeCount / 64 + 1)
        for e in onEdge.keys { result.edgesWithSources[e.index >> 6] |= 1 << UInt64(e.index & 63) }
        return result
    }

    /// Nearest and second-nearest facility for one snapped point (nil =
    /// did not snap → unreachable).
    public func assign(_ point: SnappedPoint?, labels: NodeLabels) -> FacilityAssignment {
        var result = FacilityAssignment()
        guard let point, let at = EdgePosition(point, in: graph) else { return result }
        result.snapM = point.distanceM

        func offer(_ s: Int32, _ p: RouteMeasure) {
            guard s >= 0, p.cost.isFinite else { return }
            _ = result.offer(p.cost, s, RouteFigures(p.length, p.time))
        }
        func offerNode(_ v: Int, _ p: RouteMeasure) {
            let x = labels.nodes[v]
            offer(x.nearestSource, RouteMeasure(cost: x.nearestCost + p.cost, length: Double(x.nearestLengthM) + p.length,
                                          time: Double(x.nearestTimeS) + p.time))
            offer(x.secondSource, RouteMeasure(cost: x.secondCost + p.cost, length: Double(x.secondLengthM) + p.length,
                                         time: Double(x.secondTimeS) + p.time))
        }

        for end in at.exits {
            if let p = end.part.measure(self) { offerNode(end.node.index, p) }
        }
        if at.isInside {
            let e = at.edge.index
            let bits = labels.edgesWithSources
            let maybe = bits.isEmpty || bits[e >> 6] & (1 << UInt64(e & 63)) != 0
            if maybe, let here = labels.sourcesOnEdge[at.edge] {
                for (s, g) in here {
                    if let p = at.along(to: g)?.measure(self) { offer(s.raw, p) }
                }
            }
        }
        return result
    }

    /// Points per worker at the least when points are assigned or snapped on all workers.
    static let minPointsPerWorker = 20_000

    /// `assign(_:labels:)` of every point, in their order, on all workers
    /// (`parallelMap`): the one batch assignment, for the analysis, the
    /// eligible rule's rework, the server and the benchmarks.
    public func assign(points: [SnappedPoint?], labels: NodeLabels) -> [FacilityAssignment] {
        parallelMap(count: points.count, minPerWorker: Self.minPointsPerWorker) { assign(points[$0], labels: labels) }
    }
}

/// Cost, length and time of a route or a part of one.
struct RouteMeasure: PartialMeasure {
    var cost: Double
    var length: Double
    var time: Double

    static var zero: RouteMeasure { RouteMeasure(cost: 0, length: 0, time: 0) }

    @inline(__always)
    func scaled(by fraction: Double) -> RouteMeasure {
        RouteMeasure(cost: cost * fraction, length: length * fraction, time: time * fraction)
    }
}

/// A core arc with its cost summed in Float64 (while the core is built).
private struct CoreArc {
    var arc: RouteArc<CoreNodeID>
    var exactCost: Double
}
