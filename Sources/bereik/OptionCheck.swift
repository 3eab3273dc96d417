import ArgumentParser
import Access

/// Range checks and list parsing for option values: every number an option
/// takes is finite and inside a documented range, so nothing downstream
/// (column names, snapping, run.json) meets an absurd value.
enum OptionCheck {
    /// A closed or half-open range with its unit, for messages.
    struct Bounds {
        var min: Double
        var minIncluded: Bool
        var max: Double
        var unit: String

        static func above(_ min: Double, upTo max: Double, _ unit: String = "") -> Bounds { Bounds(min: min, minIncluded: false, max: max, unit: unit) }
        static func from(_ min: Double, upTo max: Double, _ unit: String = "") -> Bounds { Bounds(min: min, minIncluded: true, max: max, unit: unit) }

        func contains(_ x: Double) -> Bool { x.isFinite && (minIncluded ? x >= min : x > min) && x <= max }

        var text: String {
            let u = unit.isEmpty ? "" : " \(unit)"
            return "a number \(minIncluded ? "from" : "greater than") \(OptionCheck.number(min)) \(minIncluded ? "to" : "and at most") \(OptionCheck.number(max))\(u)"
        }
    }

    /// Distances in km: the Netherlands is about 300 km across.
    static let km = Bounds.above(0, upTo: 1_000, "km")
    /// Minutes of travel: at most a day.
    static let minutes = Bounds.above(0, upTo: 1_440, "minutes")

    /// 5, 0.9, 1e+300, inf: short and exact enough to recognise what was typed.
    static func number(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%g", x)
    }

    static func check(_ value: Double, _ option: String, _ bounds: Bounds) throws {
        guard bounds.contains(value) else {
            // A share typed as a percentage (90 for 90 %).
            let percent = bounds.min == 0 && bounds.max == 1 && value > 1 && value <= 100
                ? " (a share: 0.9 is 90 %; for \(OptionCheck.number(value)) % give \(OptionCheck.number(value / 100)))" : ""
            throw ValidationError("\(option) expects \(bounds.text); got \(OptionCheck.number(value))\(percent)")
        }
    }

    static func check(_ value: Int, _ option: String, from min: Int, to max: Int) throws {
        guard value >= min && value <= max else {
            throw ValidationError("\(option) expects a whole number from \(min) to \(max); got \(value)")
        }
    }

    /// "1,3,5": numbers inside `bounds`, sorted, each distinct (each names an
    /// output column, so two equal values would make two equal columns).
    static func list(_ text: String, _ option: String, _ bounds: Bounds, example: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Double] = []
        for part in parts {
            guard let v = Double(part) else {
                throw ValidationError("\(option) expects numbers separated by commas, e.g. \(example); '\(part)' in '\(text)' is not a number")
            }
            try check(v, option, bounds)
            values.append(v)
        }
        let sorted = values.sorted()
        for k in sorted.indices.dropFirst() where sorted[k] == sorted[k - 1] {
            throw ValidationError("\(option) lists \(OptionCheck.number(sorted[k])) twice; give each value once")
        }
        return sorted
    }

    /// Per-mode values, one syntax for every option: `car=5,10,15` or
    /// `car=5,10,bicycle=15,30` (a value without a mode continues the mode
    /// before it; a leading one belongs to `firstMode`), repeatable.
    static func perMode(_ texts: [String], _ option: String, firstMode: TravelMode, example: String) throws -> [(TravelMode, [String])] {
        var result: [(TravelMode, [String])] = []
        for text in texts {
            var current: TravelMode? = nil
            for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
                let part = raw.trimmingCharacters(in: .whitespaces)
                var value = part
                if let eq = part.firstIndex(of: "=") {
                    let name = String(part[..<eq]).trimmingCharacters(in: .whitespaces)
                    guard let mode = TravelMode(name: name) else {
                        throw ValidationError("\(option): unknown mode '\(name)' in '\(text)'; modes are car, bicycle and foot, e.g. \(example)")
                    }
                    guard !result.contains(where: { $0.0 == mode }) else {
                        throw ValidationError("\(option) gives \(mode.name) more than once; give each mode once, e.g. \(example)")
                    }
                    current = mode
                    result.append((mode, []))
                    value = String(part[part.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
                } else if current == nil {
                    guard !result.contains(where: { $0.0 == firstMode }) else {
                        throw ValidationError("\(option) gives \(firstMode.name) more than once; give each mode once, e.g. \(example)")
                    }
                    current = firstMode
                    result.append((firstMode, []))
                }
                result[result.count - 1].1.append(value)
            }
        }
        return result
    }
}
