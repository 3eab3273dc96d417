import Geo

/// Reads a scenario's changes from a file a planner keeps (CSV, GeoJSON,
/// GeoPackage, ...): one row per change with `action` (close, status, fte,
/// add; also open/partial as shorthand for a status), `practice_id` and
/// `value`; rows that add a practice carry a point geometry (or x/y, lon/lat
/// columns in a CSV) and optionally `name` and `fte`. A row that sets a
/// partial stop may carry the postcodes the practice still accepts new
/// patients from (`eligible_postcodes` or `postcodes`, issue 13).
public enum ChangeFileReader {
    static let actionNames = ["action", "actie", "change", "wijziging"]
    static let idNames = ["practice_id", "id", "praktijk_id", "agb", "agb_code", "code"]
    static let valueNames = ["value", "waarde", "status", "fte"]
    static let nameNames = ["name", "naam", "praktijknaam"]
    static let fteNames = ["fte", "gp_fte"]
    static let postcodeNames = ["eligible_postcodes", "postcodes", "alleen_postcodes", "postcode_list"]

    /// The CRS a changes file's added practices are read in, and from where:
    /// `--crs`, the file's own, or detected per row from the values (RD New
    /// metres or WGS84 lon/lat inside the Netherlands).
    public struct CRSBasis: Sendable {
        public var crs: String
        public var source: String
    }

    /// The changes a file lists, and the CRS its added practices were read in.
    public struct ChangesFile {
        public var changes: [PracticeChange]
        public var crs: CRSBasis
    }

    public static func read(path: String, crs: String? = nil) throws -> ChangesFile {
        let source = try VectorSource(path: path)
        let layer = try source.layer(0)
        let names = layer.fields.map(\.name)
        let resolver = FieldResolver(path: path, fieldNames: names)
        func field(_ role: String, _ candidates: [String], required: Bool) throws -> Int? {
            try resolver.resolve(FieldRole(role: role, option: "a column named \(candidates[0])", candidates: candidates),
                                 override: nil, required: required)
        }
        let action = try field("action", actionNames, required: true)!
        let id = try field("practice id", idNames, required: false)
        let value = try field("value", valueNames, required: false)
        let name = try field("name", nameNames, required: false)
        let fte = try field("fte", fteNames, required: false)
        let postcodes = try field("eligible postcodes", postcodeNames, required: false)
        let crsUsed = crs ?? layer.crs
        let basis = crs.map { CRSBasis(crs: $0, source: "--crs") } ?? layer.crs.map { CRSBasis(crs: $0, source: "file") }
            ?? CRSBasis(crs: "EPSG:28992 or EPSG:4326, detected per row", source: "detected")
        var changes: [PracticeChange] = []
        var added = 0
        try layer.forEach(fields: Array(names.indices)) { position, _, values, geometry in
            let row = "\(path), row \(position + 1)"
            func text(_ i: Int?) -> String? {
                i.flatMap { values[$0].text?.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let verb = text(action)?.lowercased() else {
                throw ScenarioError.badChange(source: row, detail: "empty action (expected close, status, fte or add)")
            }
            func practiceID() throws -> String {
                guard let v = text(id) else { throw ScenarioError.badChange(source: row, detail: "\(verb) needs a practice_id") }
                return v
            }
            func required(_ what: String) throws -> String {
                guard let v = text(value) else { throw ScenarioError.badChange(source: row, detail: "\(verb) needs a value (\(what))") }
                return v
            }
            // Postcodes only make sense with a partial stop set in the same row.
            func eligibility(_ status: PracticeStatus, _ id: String) throws {
                guard let list = text(postcodes) else { return }
                guard status == .partial else {
                    throw ScenarioError.badChange(source: row, detail: "column \(names[postcodes!]) ('\(list)') applies only to a row that sets a partial stop; this row sets \(status.rawValue)")
                }
                let set = try ScenarioEligibility.postcodes(list, source: "\(row), column \(names[postcodes!])")
                changes.append(.setEligibility(id: id, postcodes: set, text: list))
            }
            switch verb {
            case "close", "sluit", "sluiten":
                let p = try practiceID()
                changes.append(.close(id: p))
                try eligibility(.closed, p)
            case "open", "partial", "closed":
                let p = try practiceID(), s = try PracticeChangeParser.status(verb, source: row)
                changes.append(.setStatus(id: p, status: s))
                try eligibility(s, p)
            case "status":
                let p = try practiceID(), s = try PracticeChangeParser.status(try required("a status"), source: row)
                changes.append(.setStatus(id: p, status: s))
                try eligibility(s, p)
            case "fte" where text(postcodes) != nil, "add" where text(postcodes) != nil, "new" where text(postcodes) != nil,
                 "nieuw" where text(postcodes) != nil:
                throw ScenarioError.badChange(source: row, detail: "column \(names[postcodes!]) applies only to a row that sets a partial stop (action partial, or status with value partial)")
            case "fte":
                changes.append(.setFTE(id: try practiceID(), fte: try PracticeChangeParser.fte(try required("a number of FTE"), source: row)))
            case "add", "new", "nieuw":
                guard case .success(let g?) = geometry, case .point(let c) = g else {
                    throw ScenarioError.badChange(source: row, detail: "add needs a point geometry (or x/y, lon/lat columns in a CSV)")
                }
                added += 1
                let location = try ChangeCoordinates.toRD(c, crs: crsUsed, source: row)
                let newID = text(id) ?? "new\(added)"
                let fteValue = try (text(fte) ?? (fte == nil ? nil : nil)).map { try PracticeChangeParser.fte($0, source: row) }
                changes.append(.add(Practice(id: newID, name: text(name) ?? newID, location: location, status: .open,
                                             statusSource: "scenario", gpFTE: fteValue)))
            default:
                throw ScenarioError.badChange(source: row, detail: "action '\(verb)' is not one of close, status, fte, add")
            }
        }
        return ChangesFile(changes: changes, crs: basis)
    }
}
