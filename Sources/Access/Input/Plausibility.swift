import Foundation

/// The physical range of values read from files. A value outside it is a
/// data error (a CBS secrecy code, a unit mix-up, a typo), never a figure:
/// population values are skipped and counted (errors with `--strict`),
/// practice values stop the run with a named error. The README lists them.
enum Plausibility {
    /// Inhabitants of one population feature: at most more than the whole
    /// Netherlands has (about 18 million).
    static let inhabitants = 0.0...20_000_000
    /// `--inhabitants-per-point`.
    static let inhabitantsPerPoint = 0.0...10_000
    /// GP FTE of one practice (the largest health centres have about 20).
    static let fte = 0.0...50
    /// Registered patients of one practice (the largest have about 30,000).
    static let listSize = 0.0...200_000
    /// Age of a working GP.
    static let gpAge = 18.0...100
    static var thisYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
    /// Birth year of a working GP.
    static var birthYear: ClosedRange<Double> { 1900...Double(thisYear - 18) }
    /// Expected retirement year.
    static var retirementYear: ClosedRange<Double> { 1950...Double(thisYear + 60) }

    static func describe(_ r: ClosedRange<Double>) -> String {
        "a number from \(show(r.lowerBound)) to \(show(r.upperBound))"
    }

    static func show(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
