/// One reversed arc u → v, stored at v: 16 bytes, read in one load. `Node`
/// is the numbering its tail `from` is in: `NodeID` in the whole reversed
/// graph and along the degree-2 chains, `CoreNodeID` in a router's core —
/// so an arc of one is never searched with the labels of the other.
struct ReverseArc<Node: DenseID> {
    var from: Node
    var cost: Float
    var length: Float
    var time: Float

    /// An arc the mode may not travel (cost `.infinity`); its tail is no node.
    static var blocked: ReverseArc<Node> { ReverseArc(from: Node(raw: -1), cost: .infinity, length: .infinity, time: .infinity) }

    /// The same arc with its tail in another numbering (a chain's end in the core).
    @inline(__always) func withTail<Other: DenseID>(_ tail: Other) -> ReverseArc<Other> {
        ReverseArc<Other>(from: tail, cost: cost, length: length, time: time)
    }
}
