/// The nearest two distinct practices of one point (nil when none) with
/// their cost: straight-line or road metres, or seconds.
public struct NearestPair: Sendable, Equatable {
    public var first: PracticeIndex?
    public var firstM: Double = .infinity
    public var second: PracticeIndex?
    public var secondM: Double = .infinity

    public init() {}

    public init(first: PracticeIndex?, firstM: Double, second: PracticeIndex?, secondM: Double) {
        self.first = first; self.firstM = firstM; self.second = second; self.secondM = secondM
    }

    /// Keeps the best two distinct practices (`TwoBestLabels.offer`): equal
    /// costs go to the lower practice index (`LabelOrder`, as the KD-tree
    /// and the router do), so the order of the offers does not matter.
    /// - Returns: whether the pair changed.
    @discardableResult
    public mutating func offer(_ cost: Double, _ practice: PracticeIndex) -> Bool {
        guard !cost.isNaN, cost < .infinity else { return false }
        return offer(cost, practice.raw, ())
    }
}

/// The pair's fields as the two labels of `TwoBestLabels`.
extension NearestPair: TwoBestLabels {
    public var nearestSource: Int32 { get { first.raw } set { first = PracticeIndex(orNone: newValue) } }
    public var nearestCost: Double { get { firstM } set { firstM = newValue } }
    public var secondSource: Int32 { get { second.raw } set { second = PracticeIndex(orNone: newValue) } }
    public var secondCost: Double { get { secondM } set { secondM = newValue } }
    public var nearestPayload: Void { get { () } set {} }
    public var secondPayload: Void { get { () } set {} }
}

/// "The nearest practice that will take you" in a straight line (issue 13):
/// after the KD-tree pass over the fully open practices, every restricted
/// practice (a partial stop with an eligibility area, ascending index) is
/// offered to the points of its area only. Exact: a point's candidates are
/// the fully open practices (whose best two the KD-tree gave) and the
/// restricted practices that accept it (each offered here).
enum EligibleNearest {
    /// Updates the open fields of `points` to the eligible ones and returns
    /// the fully open pair of every point as it was before.
    static func apply(_ points: inout [PointAccess], population: [PopulationPoint], practices: [Practice],
                      eligible: EligibleSets) -> [NearestPair] {
        let fullyOpen = points.map(\.open)
        var pairs = fullyOpen
        for p in eligible.restrictedPractices {
            let at = practices[Int(p)].location
            for i in eligible.pointsByPractice[p] ?? [] {
                // The KD-tree's arithmetic: node minus query, squared, root.
                let q = population[Int(i)].location
                let dx = at.x - q.x, dy = at.y - q.y
                pairs[Int(i)].offer((dx * dx + dy * dy).squareRoot(), PracticeIndex(raw: p))
            }
        }
        for i in points.indices { points[i].open = pairs[i] }
        return fullyOpen
    }
}
