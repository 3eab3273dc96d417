/// The best two labels with distinct sources, ordered by cost, then by
/// source index (`LabelOrder`), so equal costs go to the lower source
/// whatever order they arrive in. `TwoLabels` keeps them per node during the
/// search (lengths and times in Float), `FacilityAssignment` per point (in
/// Double); both update through the one `offer`.
public protocol TwoBestLabels {
    associatedtype Measure: BinaryFloatingPoint
    var nearestSource: Int32 { get set }
    var nearestCost: Double { get set }
    var nearestLengthM: Measure { get set }
    var nearestTimeS: Measure { get set }
    var secondSource: Int32 { get set }
    var secondCost: Double { get set }
    var secondLengthM: Measure { get set }
    var secondTimeS: Measure { get set }
}

extension TwoBestLabels {
    /// Offers label (cost c, length l, time t, source s); keeps the best two
    /// with distinct sources. Returns whether a label changed.
    @inline(__always)
    mutating func offer(_ c: Double, _ l: Measure, _ t: Measure, _ s: Int32) -> Bool {
        if s == nearestSource {
            guard c < nearestCost else { return false }
            nearestCost = c; nearestLengthM = l; nearestTimeS = t
            return true
        }
        if s == secondSource {
            guard c < secondCost else { return false }
            if LabelOrder.before(c, s, nearestCost, nearestSource) {
                demoteNearest()
                nearestSource = s; nearestCost = c; nearestLengthM = l; nearestTimeS = t
            } else {
                secondCost = c; secondLengthM = l; secondTimeS = t
            }
            return true
        }
        if LabelOrder.before(c, s, nearestCost, nearestSource) {
            demoteNearest()
            nearestSource = s; nearestCost = c; nearestLengthM = l; nearestTimeS = t
            return true
        }
        if LabelOrder.before(c, s, secondCost, secondSource) {
            secondSource = s; secondCost = c; secondLengthM = l; secondTimeS = t
            return true
        }
        return false
    }

    @inline(__always)
    private mutating func demoteNearest() {
        secondSource = nearestSource; secondCost = nearestCost; secondLengthM = nearestLengthM; secondTimeS = nearestTimeS
    }

    /// The nearest source, nil when none.
    public var nearest: PracticeIndex? {
        get { PracticeIndex(orNone: nearestSource) }
        set { nearestSource = newValue.raw }
    }
    /// The second-nearest distinct source, nil when none.
    public var second: PracticeIndex? {
        get { PracticeIndex(orNone: secondSource) }
        set { secondSource = newValue.raw }
    }
}

/// The order of labels: by cost, then by source index (-1, no label, last).
enum LabelOrder {
    @inline(__always)
    static func before(_ c: Double, _ s: Int32, _ c2: Double, _ s2: Int32) -> Bool {
        c < c2 || (c == c2 && s2 >= 0 && s < s2) || (c == c2 && s2 < 0)
    }
}
