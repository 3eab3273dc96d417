extension FieldRole {
    /// The practice list's postcode-list eligibility (issue 13).
    public static let eligibility = FieldRole(role: "eligibility postcodes", option: "--eligibility-field", candidates: [
        "eligible_postcodes", "eligibility_postcodes", "eligibility", "eligible_pc4", "accepted_postcodes", "accepts_postcodes",
        "postcodes", "alleen_postcodes", "alleen_uit_postcodes", "postcodegebied", "postcodegebieden", "inschrijfgebied",
        "inschrijvingsgebied", "inschrijfpostcodes"])
}

/// A postcode-list eligibility value of one row (practice list or status
/// history). The area is kept whatever the row's status: the status in force
/// on the analysed date decides whether it applies (`EligibilityRules`).
enum EligibilityField {
    /// The area of a non-empty list; an unreadable list is a named error with
    /// `strict`, else left out (nil), counted and shown as an example.
    static func read(_ text: String, path: String, feature: Int, field: String, strict: Bool,
                     log: SkipLog, report: inout EligibilityReport) throws -> EligibilityArea? {
        do {
            let set = try PostcodeSet.parse(text)
            report.fromField += 1
            return .postcodes(set)
        } catch let e as PostcodeListError {
            if strict {
                throw InputError.invalidValue(path: path, feature: feature, field: field, expected: e.expected, found: text)
            }
            report.unreadableLists += 1
            log.note(feature: feature, detail: "\(field) = '\(text)': \(e.problem) ('\(e.piece)'); the list is left out")
            return nil
        }
    }
}
