import Geo

/// A table of people without a GP per region (e.g. from an insurer or the
/// GGD), joined to the regions by id like `DesignationTable`: the key is the
/// column whose values match the most region ids.
public enum UnregisteredTable {
    static let valueCandidates = ["unregistered", "without_gp", "zonder_huisarts", "niet_ingeschreven", "aantal", "count"]

    public static func apply(path: String, to regions: [Region], decimalSeparator: DecimalSeparator? = nil) throws -> ([Region], [String]) {
        let table = try RegionKeyedTable(path: path, regions: regions)
        let (names, rows) = (table.names, table.rows)
        let value = try table.resolver.resolve(FieldRole(role: "people without a GP", option: "--unregistered", candidates: valueCandidates),
                                         override: nil, required: true)!
        // The value column's number format, from all its values.
        var evidence = NumberEvidence(field: names[value], kind: .count)
        for row in rows { if case .string(let s) = row[value] { evidence.add(s) } }
        let (format, _) = try evidence.decide(path: path, option: decimalSeparator)
        var byID: [String: Double] = [:]
        for (n, row) in rows.enumerated() {
            guard let id = table.regionOfRow[n] else { continue }
            let parsed: Double?
            if case .string(let s) = row[value] { parsed = NumberText(s)?.value(decimal: format) } else { parsed = ValueParsing.number(row[value]) }
            guard let v = parsed, v >= 0, v <= Plausibility.inhabitants.upperBound else {
                throw InputError.invalidValue(path: path, feature: n + 1, field: names[value], expected: "a number of people from 0 to 20000000", found: row[value].text ?? "")
            }
            byID[id] = v
        }
        var notes = table.notes
        let missing = regions.filter { byID[$0.id] == nil }.count
        if missing > 0 { notes.append("\(path): \(missing) regions have no row of people without a GP; their unregistered figure is empty.") }
        let updated = regions.map { r -> Region in
            var r = r
            r.unregistered = byID[r.id]
            return r
        }
        return (updated, notes)
    }
}
