import Geo

/// A table of people without a GP per region (e.g. from an insurer or the
/// GGD), joined to the regions by id like `DesignationTable`: the key is the
/// column whose values match the most region ids.
public enum UnregisteredTable {
    static let valueCandidates = ["unregistered", "without_gp", "zonder_huisarts", "niet_ingeschreven", "aantal", "count"]

    public static func apply(path: String, to regions: [Region]) throws -> ([Region], [String]) {
        let layer = try VectorSource(path: path).layer()
        let names = layer.fields.map(\.name)
        var rows: [[FieldValue]] = []
        try layer.forEach(fields: Array(names.indices)) { _, _, values, _ in rows.append(values) }
        guard !rows.isEmpty else { throw InputError.emptyLayer(path: path, layer: layer.name) }
        let ids = Set(regions.map(\.id))
        let keyMatches = names.indices.map { c in rows.filter { ids.contains($0[c].text ?? "") }.count }
        guard let key = keyMatches.indices.max(by: { keyMatches[$0] < keyMatches[$1] }), keyMatches[key] > 0 else {
            throw InputError.invalidValue(path: path, feature: 1, field: names.joined(separator: "/"),
                                          expected: "a column with the region ids (e.g. \(regions.prefix(3).map(\.id).joined(separator: ", ")))",
                                          found: "no column whose values match a region id")
        }
        let resolver = FieldResolver(path: path, fieldNames: names)
        let value = try resolver.resolve(FieldRole(role: "people without a GP", option: "--unregistered", candidates: valueCandidates),
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
