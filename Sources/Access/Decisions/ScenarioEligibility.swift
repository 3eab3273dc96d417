/// Postcode lists and eligible sets in a scenario (issue 13).
enum ScenarioEligibility {
    /// The postcodes of a list written in a changes file (read by the one
    /// postcode-list reader, `PostcodeSet.parse`), or a named error.
    static func postcodes(_ text: String, source: String) throws -> PostcodeSet {
        do {
            return try PostcodeSet.parse(text)
        } catch let e as PostcodeListError {
            throw ScenarioError.badChange(source: source, detail: "expected \(e.expected), found '\(text)'")
        }
    }

    /// The inputs for analysing a changed practice list: who each restricted
    /// practice accepts is built again from the changed list (a change may
    /// set a practice partial with postcodes, or lift a partial stop).
    static func inputs(_ inputs: AnalyzeJob.Inputs, changed practices: [Practice]) throws -> AnalyzeJob.Inputs {
        var out = inputs
        let restricted = practices.contains { $0.status == .partial && $0.eligibility != nil }
        out.eligible = restricted ? try EligibleSets.build(population: inputs.population, practices: practices) : nil
        return out
    }
}
