/// The FTE assumed for a practice whose list gives none. With
/// `--default-fte X` that X (an explicit assumption, reported); otherwise the
/// median FTE of the practices that have one; when no practice has an FTE,
/// none at all: every FTE-based figure is then left empty ("no FTE in the
/// practice list") instead of resting on an invented value.
public enum FTEDefault {
    /// Why FTE-based figures are empty when no practice has an FTE.
    public static let noFTEReason = "no FTE in the practice list"

    public enum Rule: String, Codable, Sendable {
        /// Every practice has an FTE: nothing is imputed.
        case allKnown = "every practice has an FTE"
        /// Practices without FTE count with the median of the known FTE.
        case median = "median of the known FTE"
        /// Practices without FTE count with `--default-fte`.
        case option = "--default-fte"
        /// No practice has an FTE and no `--default-fte`: FTE figures are empty.
        case none = "no FTE in the practice list"
    }

    /// The FTE used for practices without one (nil: none) and the rule.
    public static func resolve(_ practices: [Practice], explicit: Double?) -> (value: Double?, rule: Rule) {
        let known = practices.compactMap(\.gpFTE).sorted()
        if known.count == practices.count && !practices.isEmpty { return (explicit ?? median(known), .allKnown) }
        if let explicit { return (explicit, .option) }
        guard !known.isEmpty else { return (nil, .none) }
        return (median(known), .median)
    }

    /// The median FTE of the practices that have one, or 1.0 when none has
    /// (kept for callers that need a number; the analysis uses `resolve`).
    public static func value(_ practices: [Practice]) -> Double {
        median(practices.compactMap(\.gpFTE).sorted()) ?? 1.0
    }

    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// The FTE a practice counts with, and whether it was imputed.
    static func fte(_ p: Practice, _ parameters: AnalysisParameters) -> (value: Double, imputed: Bool)? {
        if let f = p.gpFTE { return (f, false) }
        return parameters.defaultFTE.map { ($0, true) }
    }
}
