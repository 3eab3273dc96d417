/// Which practices take new patients, and from whom, under the rules of an
/// analysis and the eligibility sets (issue 13): a practice that is a key of
/// `EligibleSets` takes only the points listed for it (whatever its status
/// counts as otherwise); every other practice takes everyone when its status
/// counts as open and nobody when not.
struct PracticeAvailability: Sendable {
    /// Per practice: takes at least someone (open, or restricted to an area).
    let takesSomeone: [Bool]
    /// Per practice: takes only the points of its eligibility area.
    let restricted: [Bool]
    let eligible: EligibleSets?

    init(practices: [Practice], parameters: AnalysisParameters, eligible: EligibleSets?) {
        let keys = eligible?.pointsByPractice
        let restricted = practices.indices.map { keys?[Int32($0)] != nil }
        takesSomeone = practices.indices.map { j in restricted[j] || parameters.isOpen(practices[j].status) }
        self.restricted = restricted
        self.eligible = eligible
    }

    /// Whether practice `j` takes a new patient living at point `i`.
    func accepts(practice j: Int, point i: Int) -> Bool {
        guard takesSomeone[j] else { return false }
        guard restricted[j], let eligible else { return true }
        return eligible.accepts(practice: Int32(j), point: Int32(i))
    }
}
