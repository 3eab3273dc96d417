/// A snapped point's place on its edge seen from the edge's two end nodes:
/// which arc, and what fraction of it, lies between the point and each end,
/// or between it and another position on the same edge. The one place that
/// turns a `SnappedPoint` into part-edge costs: the router's seeds and
/// assignment, the capacity searches' seeds and attached points, the
/// eligible routing's searches and the serve query all read it, each with
/// its own cost per whole arc (`PartArc.measure`).
struct EdgePosition {
    let edge: Int
    /// `edgeFrom` and `edgeTo` of the edge.
    let from: Int, to: Int
    /// 0 at `from`, 1 at `to`.
    let fraction: Double
    /// Arcs `from → to` and `to → from` (-1: absent).
    private let forwardArc: Int32, backwardArc: Int32

    /// Nil when the point's edge is not one of `graph`'s.
    @inline(__always)
    init?(_ p: SnappedPoint, in graph: RoadGraph) {
        let e = Int(p.edge)
        guard e >= 0, e < graph.edgeCount else { return nil }
        edge = e
        from = Int(graph.edgeFrom[e]); to = Int(graph.edgeTo[e])
        fraction = p.fraction
        forwardArc = graph.edgeForwardArc[e]; backwardArc = graph.edgeBackwardArc[e]
    }

    /// Strictly inside the edge (not at one of its end nodes).
    var isInside: Bool { fraction > 0 && fraction < 1 }

    /// The ends from which the position is reached (end → point): at an end,
    /// that end with no travel; inside, `from` along the forward arc and `to`
    /// along the backward arc, each when the arc exists. In that order.
    @inline(__always)
    func forEachEntry(_ body: (_ node: Int, _ part: PartArc) -> Void) {
        if fraction <= 0 { body(from, .none); return }
        if fraction >= 1 { body(to, .none); return }
        if forwardArc >= 0 { body(from, PartArc(forwardArc, fraction)) }
        if backwardArc >= 0 { body(to, PartArc(backwardArc, 1 - fraction)) }
    }

    /// The ends the position leaves through (point → end): at an end, that
    /// end with no travel; inside, `to` along the forward arc and `from`
    /// along the backward arc, each when the arc exists. In that order.
    @inline(__always)
    func forEachExit(_ body: (_ node: Int, _ part: PartArc) -> Void) {
        if fraction <= 0 { body(from, .none); return }
        if fraction >= 1 { body(to, .none); return }
        if forwardArc >= 0 { body(to, PartArc(forwardArc, 1 - fraction)) }
        if backwardArc >= 0 { body(from, PartArc(backwardArc, fraction)) }
    }

    /// The part of the edge from this position to the one at fraction `g`
    /// of the same edge (nil: the arc in that direction is absent).
    func along(to g: Double) -> PartArc? { part(from: fraction, to: g) }

    /// The part of the edge from the position at fraction `g` of the same
    /// edge to this one (nil: the arc in that direction is absent).
    func along(from g: Double) -> PartArc? { part(from: g, to: fraction) }

    private func part(from f: Double, to g: Double) -> PartArc? {
        if g == f { return PartArc.none }
        if g > f { return forwardArc >= 0 ? PartArc(forwardArc, g - f) : nil }
        if g < f { return backwardArc >= 0 ? PartArc(backwardArc, f - g) : nil }
        return nil
    }
}

/// `fraction` of one arc, or no travel at all (`.none`).
struct PartArc: Sendable {
    /// -1: no travel.
    private let rawArc: Int32
    let fraction: Double

    @inline(__always) init(_ arc: Int32, _ fraction: Double) { rawArc = arc; self.fraction = fraction }

    /// No travel: the position is at the node (or at the other position).
    static let none = PartArc(-1, 0)

    /// The arc travelled, nil for no travel.
    var arc: Int32? { rawArc >= 0 ? rawArc : nil }

    /// The measure of the part: `whole(arc)` scaled by the fraction, zero
    /// for no travel; nil when `whole` is (the mode may not travel the arc).
    @inline(__always)
    func measure<M: PartialMeasure>(_ whole: (Int) -> M?) -> M? {
        guard rawArc >= 0 else { return M.zero }
        guard let w = whole(Int(rawArc)) else { return nil }
        return w.scaled(by: fraction)
    }

    /// The cost of the part given each arc's whole cost (`.infinity`: the
    /// mode may not travel it); nil when not allowed.
    @inline(__always)
    func cost(_ arcCost: (Int) -> Double) -> Double? {
        measure { a -> Double? in
            let c = arcCost(a)
            return c.isFinite ? c : nil
        }
    }
}

/// What a part of an arc takes in proportion to the whole arc.
protocol PartialMeasure {
    static var zero: Self { get }
    func scaled(by fraction: Double) -> Self
}

extension Double: PartialMeasure {
    @inline(__always) func scaled(by fraction: Double) -> Double { self * fraction }
}
