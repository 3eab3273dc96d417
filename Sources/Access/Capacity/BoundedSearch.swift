/// The arcs a `BoundedSearch` walks, in the direction of the search: from
/// node v, each neighbour w with the cost of the step. Walking the arcs
/// u → v backwards (`ReverseNetwork`) gives each node its cost
/// node → source ("how far is the practice from here"); walking them forwards
/// (`ForwardArcs`) gives source → node ("how far is everything from this
/// point").
protocol SearchArcs {
    /// The numbering of the nodes the arcs join.
    associatedtype Node: DenseID
    /// Calls `body(w, cost)` for each step out of `v` the mode may take.
    func forEachStep(from v: Node, _ body: (_ w: Node, _ cost: Double) -> Void)
}

/// The forward arcs of the whole graph for one mode and weight (costs
/// metres for `.length`, seconds for `.time`), read from the graph itself:
/// nothing to prepare.
struct ForwardArcs: SearchArcs, ArcMeasures {
    let graph: RoadGraph
    let times: [Float]
    let weight: RouteWeight

    init(graph: RoadGraph, mode: TravelMode, weight: RouteWeight) {
        self.init(graph: graph, times: graph.arcTimeS[mode], weight: weight)
    }

    /// With the mode's arc times `times` (`graph.arcTimeS[mode]`) already at hand.
    init(graph: RoadGraph, times: [Float], weight: RouteWeight) {
        self.graph = graph
        self.times = times
        self.weight = weight
    }

    /// Cost of arc `a` (`.infinity`: the mode may not travel it).
    @inline(__always)
    func cost(_ a: Int) -> Double {
        let t = times[a]
        guard t.isFinite else { return .infinity }
        return weight == .time ? Double(t) : Double(graph.arcLengthM[a])
    }

    /// Cost of the whole arc `a` (nil: the mode may not travel it).
    @inline(__always)
    func whole(_ a: Int) -> Double? {
        let c = cost(a)
        return c.isFinite ? c : nil
    }

    @inline(__always)
    func forEachStep(from v: NodeID, _ body: (NodeID, Double) -> Void) {
        for a in graph.out.range(v.index) {
            let c = cost(a)
            if c.isFinite { body(graph.out.arcs[a], c) }
        }
    }
}

/// The one bounded Dijkstra kernel of the road searches that start from a
/// single position: the catchment pairs of capacity and plan coverage
/// (`RoadPairs`, over a `ReverseNetwork`, shape points passed without the heap:
/// `HeapBypass`), the searches of the restricted
/// practices of `EligibleRouting` (over the router's core, its steps read inline)
/// and its forward searches from points (`ForwardArcs`). The direction is
/// that of the arcs it is given.
///
/// Per-worker state: arrays sized once and reset through the list of what
/// was touched, so a search costs what it visits, not the size of the graph.
/// A search: `push` its seeds, take nodes in order of cost with `next`,
/// `relax` those to go on from, `finish`. `Node` is the numbering searched:
/// the graph's (`NodeID`) or the router's core (`CoreNodeID`).
struct BoundedSearch<Node: DenseID> {
    /// Cost of each node so far (`.infinity`: not reached), indexed by `Node`.
    var dist: [Double]
    var touchedNodes: [Node] = []
    var heap = MinHeap<Node>()
    /// Nodes settled since creation (for reports and benchmarks).
    private(set) var settledNodes = 0

    /// - Parameter nodeCount: nodes of the graph searched.
    init(nodeCount: Int) {
        dist = [Double](repeating: .infinity, count: nodeCount)
    }

    /// Offers cost `c` to node `v` (a seed, or a step): kept and queued when
    /// lower than v's and within `limit`.
    @inline(__always)
    mutating func push(_ v: Node, _ c: Double, _ limit: Double) {
        guard c <= limit, c < dist[v] else { return }
        if dist[v] == .infinity { touchedNodes.append(v) }
        dist[v] = c
        heap.push(c, v)
    }

    /// The next node to settle with its cost (nil when none is left within
    /// the limit). The caller then relaxes its arcs with `relax`, or not.
    @inline(__always)
    mutating func next() -> (node: Node, cost: Double)? {
        while let top = heap.pop() {
            let v = top.payload
            if top.cost == dist[v] { settledNodes += 1; return (v, top.cost) }   // else a stale entry
        }
        return nil
    }

    /// Pushes the neighbours of `v`, settled at cost `c`.
    @inline(__always)
    mutating func relax<Arcs: SearchArcs>(_ v: Node, _ c: Double, over arcs: Arcs, limit: Double) where Arcs.Node == Node {
        arcs.forEachStep(from: v) { w, step in push(w, c + step, limit) }
    }

    /// Ends a search (also one stopped early): resets the node state.
    mutating func finish() {
        heap.removeAll()
        for v in touchedNodes { dist[v] = .infinity }
        touchedNodes.removeAll(keepingCapacity: true)
    }
}

extension ReverseNetwork: SearchArcs {
    @inline(__always)
    func forEachStep(from v: NodeID, _ body: (NodeID, Double) -> Void) {
        for k in steps.range(v.index) {
            let step = steps.arcs[k]
            body(step.from, step.cost)
        }
    }
}
