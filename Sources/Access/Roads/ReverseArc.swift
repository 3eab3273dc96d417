/// One reversed arc u → v, stored at v, with what a search adds over it
/// (`Measure`): the router's Float cost, length and time (`ArcCosts`, 16
/// bytes read in one load), the capacity searches' Float64 cost (`Double`).
/// `Node` is the numbering its tail `from` is in: `NodeID` in the whole
/// reversed graph and along the degree-2 chains, `CoreNodeID` in a router's
/// core — so an arc of one is never searched with the labels of the other.
struct ReverseArc<Node: DenseID, Measure> {
    var from: Node
    var measure: Measure

    /// The same arc with its tail in another numbering (a chain's end in the core).
    @inline(__always) func withTail<Other: DenseID>(_ tail: Other) -> ReverseArc<Other, Measure> {
        ReverseArc<Other, Measure>(from: tail, measure: measure)
    }
}

extension ReverseArc: Sendable where Node: Sendable, Measure: Sendable {}

/// The router's figures of one arc, in Float: the minimised cost (seconds or
/// metres), the length in metres and the time in seconds.
struct ArcCosts: Sendable {
    var cost: Float
    var length: Float
    var time: Float
}

/// The router's reversed arc (`ArcCosts`).
typealias RouteArc<Node: DenseID> = ReverseArc<Node, ArcCosts>

extension ReverseArc where Measure == ArcCosts {
    @inline(__always) init(from: Node, cost: Float, length: Float, time: Float) {
        self.init(from: from, measure: ArcCosts(cost: cost, length: length, time: time))
    }
    @inline(__always) var cost: Float { measure.cost }
    @inline(__always) var length: Float { measure.length }
    @inline(__always) var time: Float { measure.time }

    /// An arc the mode may not travel (cost `.infinity`); its tail is no node.
    static var blocked: ReverseArc { ReverseArc(from: Node(raw: -1), cost: .infinity, length: .infinity, time: .infinity) }
}

extension ReverseArc where Measure == Double {
    /// The Float64 cost of the arc (capacity searches).
    @inline(__always) var cost: Double { measure }
}

extension RoadGraph {
    /// The graph's one reverse: for each node v, the arcs u → v for which
    /// `measure(arc)` is not nil (those the mode may travel), with that
    /// measure, in order of u, then of arc id. The router's core and chains
    /// and the capacity searches all read it, each with its own measure.
    func reversed<Measure>(_ measure: (Int) -> Measure?) -> CSR<ReverseArc<NodeID, Measure>> {
        CSR(rows: nodeCount) { emit in
            for u in 0..<nodeCount {
                let tail = NodeID(u)
                for a in out.range(u) {
                    if let m = measure(a) { emit(out.arcs[a].index, ReverseArc(from: tail, measure: m)) }
                }
            }
        }
    }
}
