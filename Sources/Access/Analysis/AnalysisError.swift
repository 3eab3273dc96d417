/// Errors in the data or options an analysis is given, in words a user can
/// act on: what, where, expected and found.
public enum AnalysisError: Error, CustomStringConvertible, Equatable {
    case negativeDefaultFTE(Double)
    /// Nothing reachable by road for a mode: per reason, how many points;
    /// `openPractices`: the practices taking new patients (open, or partial
    /// for their eligibility area), of which `practicesNotSnapped` lie beyond the snap limit.
    case noUsableRoadNearPoints(path: String, mode: String, points: Int, notSnapped: Int, noPracticeReachable: Int,
                                openPractices: Int, practicesNotSnapped: Int, maxSnapM: Double)
    /// A value outside its physical range.
    case implausible(path: String, feature: String, field: String, expected: String, found: String)
    /// `--partial eligible` while no partial practice has an eligibility area.
    case noEligibilityData(partialPractices: Int)
    /// A partial practice carries an eligibility area but no set of points was built for it.
    case eligibilityNotResolved(practiceID: String)

    /// Largest GP FTE one practice may have: the readers' bound (`Plausibility.fte`).
    public static var maxPracticeFTE: Double { Plausibility.fte.upperBound }

    public var description: String {
        switch self {
        case .negativeDefaultFTE(let x):
            return "--default-fte must be a number of GP FTE from 0 to \(Int(Self.maxPracticeFTE)), got \(x)"
        case let .noUsableRoadNearPoints(path, mode, points, notSnapped, noPractice, open, practicesNotSnapped, maxSnap):
            return "\(path): no usable road near the points for \(mode): none of the \(points) population points reaches a practice open to new patients "
                + "(\(notSnapped) points farther than \(SafeNumber.text(maxSnap)) m from a road usable by \(mode); \(noPractice) points on a road from which no open practice is reachable; "
                + "\(practicesNotSnapped) of \(open) practices taking new patients farther than \(SafeNumber.text(maxSnap)) m from such a road). "
                + "Check that the road file covers the study area (and its CRS, --roads-crs), that it holds more than motorways, and that the travel profile allows some road classes for \(mode)."
        case let .implausible(path, feature, field, expected, found):
            return "\(path), \(feature), field '\(field)': expected \(expected), found \(found)"
        case .noEligibilityData(let partial):
            return "--partial eligible: no partial practice has an eligibility area (\(partial) partial practices); give the areas (an eligibility field on the practice list or --eligibility FILE) or choose --partial open or closed"
        case .eligibilityNotResolved(let id):
            return "practice \(id): partial with an eligibility area, but the population points it accepts were not determined (the eligible sets were not built for it)"
        }
    }
}

/// Numbers from files or options turned into text or integers without a
/// trap, however absurd they are.
public enum SafeNumber {
    /// `Int(x)` when x is finite and fits comfortably, else nil.
    public static func int(_ x: Double) -> Int? {
        guard x.isFinite, abs(x) < 9.0e15 else { return nil }
        return Int(x)
    }

    /// A whole number as text ("12345"), or in exponent form when too large.
    public static func whole(_ x: Double) -> String {
        if let i = int(x.rounded()) { return String(i) }
        return x.isFinite ? String(format: "%.4g", x) : String(x)
    }

    /// A number as short text: whole numbers without decimals.
    public static func text(_ x: Double) -> String {
        if let i = int(x), Double(i) == x { return String(i) }
        return x.isFinite && abs(x) < 1e15 ? String(x) : String(format: "%.4g", x)
    }
}
