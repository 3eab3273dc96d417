/// Room a practice has for new patients: capacity (FTE × normpraktijk)
/// minus its list size when known, else minus the inhabitants assigned to it
/// (for whom it is the nearest open practice). Nil without FTE.
public struct PracticeHeadroom: Sendable {
    public var capacity: Double?
    public var places: Double?
    public var basis: String

    public init(practice: Practice, norm: Double, assigned: Double) {
        guard let fte = practice.gpFTE else {
            capacity = nil; places = nil; basis = "unknown (no FTE)"
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
