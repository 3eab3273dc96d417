/// Room a practice has for new patients: capacity (FTE × normpraktijk)
/// minus its list size when known, else minus the inhabitants assigned to it
/// (for whom it is the nearest open practice). A practice without FTE
/// counts with `defaultFTE` (the analysis' `--default-fte` or median);
/// nil when that is unknown too.
public struct PracticeHeadroom: Sendable {
    public var capacity: Double?
    public var places: Double?
    public var basis: String

    public init(practice: Practice, norm: Double, assigned: Double, defaultFTE: Double? = nil) {
        guard let fte = practice.gpFTE ?? defaultFTE else {
            capacity = nil; places = nil; basis = "unknown (\(FTEDefault.noFTEReason))"
            return
        }
        let c = fte * norm
        capacity = c
        if let list = practice.listSize {
            places = c - Double(list); basis = "list size"
        } else {
            places = c - assigned; basis = "assigned inhabitants"
        }
    }
}
