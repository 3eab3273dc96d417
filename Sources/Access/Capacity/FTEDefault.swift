/// The FTE assumed for a practice whose list gives none: the median FTE of
/// the practices that have one, or 1.0 when none has.
public enum FTEDefault {
    public static func value(_ practices: [Practice]) -> Double {
        let known = practices.compactMap(\.gpFTE).sorted()
        guard !known.isEmpty else { return 1.0 }
        let n = known.count
        return n % 2 == 1 ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2
    }
}
