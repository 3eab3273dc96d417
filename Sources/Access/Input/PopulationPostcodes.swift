/// The postcode of each population point (issue 13), which decides whether a
/// practice with a postcode-list eligibility accepts it: from a postcode
/// column (`--population-postcode-field`, else postcode, pc6, pc4, …), else
/// from the id when every id reads as a postcode (PC4 tables, PC6 points).
/// Points still without one may get it from `--postcode-areas` later.
struct PopulationPostcodes {
    static let role = FieldRole(role: "postcode", option: "--population-postcode-field", candidates: [
        "postcode", "pc6", "pc4", "postcode6", "postcode_6", "postcode4", "postcode_4", "postal_code", "post_code", "pc"])

    enum Source { case none, field(String), id(String) }
    private(set) var source = Source.none
    private var slot = 0
    private var fromFieldOrID = 0, unreadable = 0, empty = 0
    private var examples: [String] = []
    private var idsNotPostcodes = 0

    /// The postcode column (nil: none, or the id is tried).
    mutating func pick(_ r: FieldResolver, override: String?, idField: Int?, slot: Int) throws -> Int? {
        self.slot = slot
        if let k = try r.resolve(Self.role, override: override, required: false) {
            source = .field(r.fieldNames[k])
            return k
        }
        if let idField { source = .id(r.fieldNames[idField]) }
        return nil
    }

    mutating func read(_ row: ReadRow, id: String, path: String, strict: Bool, log: SkipLog) throws -> Postcode? {
        switch source {
        case .none: return nil
        case .id:
            // One id that is no postcode settles it: none of them is used.
            if idsNotPostcodes > 0 { return nil }
            guard let code = Postcode(text: id) else {
                idsNotPostcodes += 1
                if examples.isEmpty { examples.append(id) }
                return nil
            }
            fromFieldOrID += 1
            return code
        case .field(let name):
            guard let text = row.text(slot) else { empty += 1; return nil }
            guard let code = Postcode(text: text) else {
                if strict {
                    throw InputError.invalidValue(path: path, feature: row.position, field: name, expected: "a postcode such as 9401AB, 9401 AB or 9401", found: text)
                }
                unreadable += 1
                if examples.count < 5 { examples.append(text) }
                return nil
            }
            fromFieldOrID += 1
            return code
        }
    }

    /// Drops id postcodes when not every id is one (then the ids are no
    /// postcodes, whatever some of them look like); the report.
    func finish(_ points: inout [PopulationPoint], path: String) -> (report: PostcodeReport, warnings: [String], field: String?) {
        switch source {
        case .none:
            return (PostcodeReport(source: "none"), [], nil)
        case .id(let name):
            if idsNotPostcodes > 0 {
                // Only the points read before the first id that is no
                // postcode have one: writing every point would copy the array.
                for i in points.indices where points[i].postcode != nil { points[i].postcode = nil }
                return (PostcodeReport(source: "none (the ids in '\(name)' are not all postcodes, e.g. '\(examples.first ?? "")')"), [], nil)
            }
            var r = PostcodeReport(source: "id (\(name))")
            r.fromFieldOrID = fromFieldOrID
            return (r, [], nil)
        case .field(let name):
            var r = PostcodeReport(source: "field \(name)")
            r.fromFieldOrID = fromFieldOrID
            r.unreadable = unreadable
            r.unreadableExamples = examples
            r.empty = empty
            var warnings: [String] = []
            if unreadable > 0 {
                warnings.append("\(path): \(unreadable) values of '\(name)' are not postcodes (e.g. \(examples.map { "'\($0)'" }.joined(separator: ", "))); those points have no postcode (use --strict to stop instead).")
            }
            return (r, warnings, name)
        }
    }
}
