/// One value per travel mode, indexed by `TravelMode` (instead of an array
/// indexed by `mode.rawValue` or a flat `speed[k * 3 + m]`).
public struct PerMode<Value> {
    public var car: Value
    public var bicycle: Value
    public var foot: Value

    public init(car: Value, bicycle: Value, foot: Value) {
        self.car = car
        self.bicycle = bicycle
        self.foot = foot
    }

    public init(repeating value: Value) { self.init(car: value, bicycle: value, foot: value) }

    /// The value `make(mode)` for each mode.
    public init(_ make: (TravelMode) throws -> Value) rethrows {
        self.init(car: try make(.car), bicycle: try make(.bicycle), foot: try make(.foot))
    }

    /// (`_modify` yields the stored value in place, so `arcTime[mode][a] = t`
    /// does not copy the array.)
    @inline(__always)
    public subscript(mode: TravelMode) -> Value {
        get {
            switch mode {
            case .car: return car
            case .bicycle: return bicycle
            case .foot: return foot
            }
        }
        _modify {
            switch mode {
            case .car: yield &car
            case .bicycle: yield &bicycle
            case .foot: yield &foot
            }
        }
    }
}

extension PerMode: Sendable where Value: Sendable {}
extension PerMode: Equatable where Value: Equatable {}
extension PerMode: Hashable where Value: Hashable {}

/// Which modes may travel a road segment in each direction, relative to its
/// from → to order. Raw layout: bits 0–2 the `ModeSet` allowed from → to,
/// bits 3–5 the one allowed to → from (so ordering by `rawValue` is stable).
struct Direction: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(forward: ModeSet, backward: ModeSet) { rawValue = forward.rawValue | (backward.rawValue << 3) }

    /// Modes allowed from → to.
    var forward: ModeSet { ModeSet(rawValue: rawValue & 7) }
    /// Modes allowed to → from.
    var backward: ModeSet { ModeSet(rawValue: rawValue >> 3) }
    /// The same permissions seen with from and to swapped.
    var reversed: Direction { Direction(forward: backward, backward: forward) }
}
