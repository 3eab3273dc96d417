import Foundation

/// When a practice's GP is expected to leave: the retirement year when the
/// list gives one, else the year the GP turns 68 (birth year + 68, or this
/// year + 68 − age). So a GP aged 63 or over now leaves within 5 years.
public enum RetirementRule {
    public static let retirementAge = 68.0
    public static let horizonYears = 5

    static func year(age: Double?, birthYear: Double?, retirementYear: Double?,
                     now: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) -> Int? {
        // Checked conversions: a year or age far outside any calendar is no year.
        func year(_ y: Double) -> Int? { y.isFinite && abs(y) < 100_000 ? Int(y.rounded()) : nil }
        if let r = retirementYear { return year(r) }
        if let b = birthYear { return year(b + retirementAge) }
        if let a = age { return year(Double(now) + retirementAge - a) }
        return nil
    }

    /// True when the GP leaves within `horizonYears` of `referenceYear`.
    static func leavesSoon(_ year: Int?, referenceYear: Int) -> Bool {
        year.map { $0 <= referenceYear + horizonYears } ?? false
    }
}
