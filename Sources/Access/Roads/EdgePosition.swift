/// A snapped point's place on its edge seen from the edge's two end nodes:
/// which arc, and what fraction of it, lies between the point and each end,
/// or between it and another position on the same edge. The one place that
/// turns a `SnappedPoint` into part-edge costs: the router's seeds and
/// assignment, the capacity searches' seeds and attached points, the
/// eligible routing's searches and the serve query all read it, each with
/// its own measure of a whole arc (`ArcMeasures`).
struct EdgePosition {
    let edge: EdgeID
    /// `edgeFrom` and `edgeTo` of the edge.
    let from: NodeID, to: NodeID
    /// 0 at `from`, 1 at `to`.
    let fraction: Double
    /// Arcs `from → to` and `to → from`.
    private let forwardArc: ArcID?, backwardArc: ArcID?

    /// Nil when the point's edge is not one of `graph`'s.
    @inline(__always)
    init?(_ p: SnappedPoint, in graph: RoadGraph) {
        let e = p.edge.index
        guard e >= 0, e < graph.edgeCount else { return nil }
        edge = p.edge
        from = graph.edgeFrom[e]; to = graph.edgeTo[e]
        fraction = p.fraction
        forwardArc = graph.edgeForwardArc[e]; backwardArc = graph.edgeBackwardArc[e]
    }

    /// Strictly inside the edge (not at one of its end nodes).
    var isInside: Bool { fraction > 0 && fraction < 1 }

    /// The ends from which the position is reached (end → point): at an end,
    /// that end with no travel; inside, `from` along the forward arc and `to`
    /// along the backward arc, each when the arc exists. In that order.
    @inline(__always)
    var entries: EdgeEnds {
        if fraction <= 0 { return EdgeEnds(EdgeEnd(node: from, part: .none), nil) }
        if fraction >= 1 { return EdgeEnds(EdgeEnd(node: to, part: .none), nil) }
        return EdgeEnds(forwardArc.map { EdgeEnd(node: from, part: PartArc($0, fraction)) },
                        backwardArc.map { EdgeEnd(node: to, part: PartArc($0, 1 - fraction)) })
    }

    /// The ends the position leaves through (point → end): at an end, that
    /// end with no travel; inside, `to` along the forward arc and `from`
    /// along the backward arc, each when the arc exists. In that order.
    @inline(__always)
    var exits: EdgeEnds {
        if fraction <= 0 { return EdgeEnds(EdgeEnd(node: from, part: .none), nil) }
        if fraction >= 1 { return EdgeEnds(EdgeEnd(node: to, part: .none), nil) }
        return EdgeEnds(forwardArc.map { EdgeEnd(node: to, part: PartArc($0, 1 - fraction)) },
                        backwardArc.map { EdgeEnd(node: from, part: PartArc($0, fraction)) })
    }

    /// The part of the edge from this position to the one at fraction `g`
    /// of the same edge (nil: the arc in that direction is absent).
    func along(to g: Double) -> PartArc? { part(from: fraction, to: g) }

    /// The part of the edge from the position at fraction `g` of the same
    /// edge to this one (nil: the arc in that direction is absent).
    func along(from g: Double) -> PartArc? { part(from: g, to: fraction) }

    private func part(from f: Double, to g: Double) -> PartArc? {
        Self.way(from: f, to: g, forward: forwardArc, backward: backwardArc, none: PartArc.none) { PartArc($0, $1) }
    }

    /// The one rule of a way along an edge from fraction `f` to fraction
    /// `g`: no travel when they are equal, else `part` of the whole forward
    /// (g − f) or backward (f − g); nil where the way in that direction is absent.
    @inline(__always)
    private static func way<Whole, Part>(from f: Double, to g: Double, forward: Whole?, backward: Whole?, none: Part,
                                         _ part: (Whole, Double) -> Part) -> Part? {
        if g == f { return none }
        if g > f { return forward.map { part($0, g - f) } }
        if g < f { return backward.map { part($0, f - g) } }
        return nil
    }
}

extension EdgePosition {
    /// The cost from a position at fraction `f` of an edge onto the network
    /// through its exits (as `exits`), from the costs `da`, `db` at the
    /// edge's `from` and `to` and the whole edge's cost forward (`cf`) and
    /// backward (`cb`; `.infinity` where the mode may not travel); nil
    /// inside an edge the mode travels neither way. For loops over the many
    /// points of one edge, which read the edge once rather than per point.
    @inline(__always)
    static func exitCost(at f: Double, fromEnd da: Double, toEnd db: Double, forward cf: Double, backward cb: Double) -> Double? {
        if f <= 0 { return da }
        if f >= 1 { return db }
        guard cf.isFinite || cb.isFinite else { return nil }
        var c = Double.infinity
        if cf.isFinite { c = db + cf * (1 - f) }
        if cb.isFinite { c = Swift.min(c, da + cb * f) }
        return c
    }

    /// The cost along an edge from fraction `f` to fraction `g` (as
    /// `along`), with the whole edge's costs as in `exitCost`; nil where the
    /// arc in that direction is absent.
    @inline(__always)
    static func alongCost(from f: Double, to g: Double, forward cf: Double, backward cb: Double) -> Double? {
        way(from: f, to: g, forward: cf.isFinite ? cf : nil, backward: cb.isFinite ? cb : nil, none: 0) { $0.scaled(by: $1) }
    }
}

/// An end node of an edge with the part of the edge between it and a position.
struct EdgeEnd {
    let node: NodeID
    let part: PartArc
}

/// At most two `EdgeEnd`s, in order; a sequence of values (no closure, so
/// a caller's state stays on its stack in per-point loops).
struct EdgeEnds: Sequence, IteratorProtocol {
    private var first: EdgeEnd?, second: EdgeEnd?

    @inline(__always) init(_ first: EdgeEnd?, _ second: EdgeEnd?) { self.first = first; self.second = second }

    @inline(__always)
    mutating func next() -> EdgeEnd? {
        if let f = first { first = nil; return f }
        if let s = second { second = nil; return s }
        return nil
    }
}

/// `fraction` of one arc, or no travel at all (`.none`).
struct PartArc: Sendable {
    /// The arc's raw id, -1 for no travel (kept raw: 16 bytes with the
    /// fraction, where `ArcID?` would make it 24).
    private let rawArc: Int32
    let fraction: Double

    @inline(__always) init(_ arc: ArcID, _ fraction: Double) { rawArc = arc.raw; self.fraction = fraction }
    private init(noTravel: ()) { rawArc = -1; fraction = 0 }

    /// No travel: the position is at the node (or at the other position).
    static var none: PartArc { PartArc(noTravel: ()) }

    /// The arc travelled, nil for no travel.
    var arc: ArcID? { ArcID(orNone: rawArc) }

    /// The measure of the part: the whole arc's in `arcs` scaled by the
    /// fraction, zero for no travel; nil when the whole arc's is (the mode
    /// may not travel it).
    @inline(__always)
    func measure<A: ArcMeasures>(_ arcs: A) -> A.Measure? {
        guard rawArc >= 0 else { return A.Measure.zero }   // (RouteMeasure.zero is computed: no lazy global)
        guard let w = arcs.whole(Int(rawArc)) else { return nil }
        return w.scaled(by: fraction)
    }
}

/// What a whole arc measures for one mode and weight (nil: the mode may
/// not travel it). A protocol rather than a closure: the router and the
/// networks pass themselves, which costs no copy of their arrays per point.
protocol ArcMeasures {
    associatedtype Measure: PartialMeasure
    func whole(_ arc: Int) -> Measure?
}

/// What a part of an arc takes in proportion to the whole arc.
protocol PartialMeasure {
    static var zero: Self { get }
    func scaled(by fraction: Double) -> Self
}

extension Double: PartialMeasure {
    @inline(__always) func scaled(by fraction: Double) -> Double { self * fraction }
}
