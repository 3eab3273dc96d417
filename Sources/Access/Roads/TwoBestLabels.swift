/// The best two labels with distinct sources, ordered by cost, then by
/// source index (`LabelOrder`), so equal costs go to the lower source
/// whatever order they arrive in. `TwoLabels` keeps them per node during the
/// search (lengths and times in Float), `FacilityAssignment` per point (in
/// Double), `NearestPair` per point with the cost alone; all update through
/// the one `offer`.
public protocol TwoBestLabels {
    /// What a label carries besides its cost and source: the route's length
    /// and time (`RouteFigures`), or nothing (`Void`).
    associatedtype Payload
    var nearestSource: Int32 { get set }
    var nearestCost: Double { get set }
    var nearestPayload: Payload { get set }
    var secondSource: Int32 { get set }
    var secondCost: Double { get set }
    var secondPayload: Payload { get set }
}

/// The length in metres and time in seconds a label carries.
public struct RouteFigures<Measure: BinaryFloatingPoint> {
    public var lengthM: Measure
    public var timeS: Measure
    @inline(__always) public init(_ lengthM: Measure, _ timeS: Measure) { self.lengthM = lengthM; self.timeS = timeS }
}

extension TwoBestLabels {
    /// Offers label (cost c, source s, with `payload`); keeps the best two
    /// with distinct sources. Returns whether a label changed.
    @inline(__always)
    mutating func offer(_ c: Double, _ s: Int32, _ payload: Payload) -> Bool {
        if s == nearestSource {
            guard c < nearestCost else { return false }
            nearestCost = c; nearestPayload = payload
            return true
        }
        if s == secondSource {
            guard c < secondCost else { return false }
            if LabelOrder.before(c, s, nearestCost, nearestSource) {
                demoteNearest()
                nearestSource = s; nearestCost = c; nearestPayload = payload
            } else {
                secondCost = c; secondPayload = payload
            }
            return true
        }
        if LabelOrder.before(c, s, nearestCost, nearestSource) {
            demoteNearest()
            nearestSource = s; nearestCost = c; nearestPayload = payload
            return true
        }
        if LabelOrder.before(c, s, secondCost, secondSource) {
            secondSource = s; secondCost = c; secondPayload = payload
            return true
        }
        return false
    }

    @inline(__always)
    private mutating func demoteNearest() {
        secondSource = nearestSource; secondCost = nearestCost; secondPayload = nearestPayload
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

/// Length and time as the payload of the labels that store them apart.
public protocol RouteFigureFields: TwoBestLabels where Payload == RouteFigures<Measure> {
    associatedtype Measure: BinaryFloatingPoint
    var nearestLengthM: Measure { get set }
    var nearestTimeS: Measure { get set }
    var secondLengthM: Measure { get set }
    var secondTimeS: Measure { get set }
}

extension RouteFigureFields {
    public var nearestPayload: RouteFigures<Measure> {
        @inline(__always) get { RouteFigures(nearestLengthM, nearestTimeS) }
        @inline(__always) set { nearestLengthM = newValue.lengthM; nearestTimeS = newValue.timeS }
    }
    public var secondPayload: RouteFigures<Measure> {
        @inline(__always) get { RouteFigures(secondLengthM, secondTimeS) }
        @inline(__always) set { secondLengthM = newValue.lengthM; secondTimeS = newValue.timeS }
    }
}
