import Foundation

/// When a practice's GP is expected to leave: the retirement year when the
/// list gives one, else the year the GP turns 68 (birth year + 68, or this
/// year + 68 − age). So a GP aged 63 or over now leaves within 5 years.
public enum RetirementRule {
    public static let retirementAge = 68.0
    public static let horizonYears = 5

    static func year(age: Double?, birthYear: Double?, retirementYear: Double?,
                     now: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) -> Int? {
        // Values outside a lifetime are no year at all (the readers name them);
        // never a trap on the conversion.
        func year(_ x: Double) -> Int? { x.isFinite && x > 1800 && x < 2300 ? Int(x.rounded()) : nil }
        if let r = retirementYear { return year(r) }
        if let b = birthYear { return year(b + retirementAge) }
        if let a = age, a.isFinite, a >= 0, a < 150 { return now + Int((retirementAge - a).rounded()) }
        return nil
    }

    /// True when the GP leaves within `horizonYears` of `referenceYear`.
    static func leavesSoon(_ year: Int?, referenceYear: Int) -> Bool {
        year.map { $0 <= referenceYear + horizonYears } ?? false
    }
}
