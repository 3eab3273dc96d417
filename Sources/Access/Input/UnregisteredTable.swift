import Geo

/// A table of people without a GP per region (e.g. from an insurer or the
/// GGD), joined to the regions by id like `DesignationTable`: the key is the
/// column whose values match the most region ids.
public enum UnregisteredTable {
    static let valueCandidates = ["unregistered", "without_gp", "zonder_huisarts", "niet_ingeschreven", "aantal", "count"]

    public static func apply(path: String, to regions: [Region]) throws -> ([Region], [String]) {
        let table = try RegionKeyedTable(path: path, regions: regions)
        let (names, rows, key) = (table.names, table.rows, table.key)
        let ids = Set(regions.map(\.id))
        let value = try table.resolver.resolve(FieldRole(role: "people without a GP", option: "--unregistered", candidates: valueCandidates),
                                         override: nil, required: true)!
        var byID: [String: Double] = [:]
        for (n, row) in rows.enumerated() {
            guard let id = row[key].text, ids.contains(id) else { continue }
            guard let v = ValueParsing.number(row[value]), v >= 0 else {
                throw InputError.invalidValue(path: path, feature: n + 1, field: names[value], expected: "a number ≥ 0", found: row[value].text ?? "")
            }
            byID[id] = v
        }
        var notes: [String] = []
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
