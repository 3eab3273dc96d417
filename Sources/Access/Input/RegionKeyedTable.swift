import Geo

/// A table joined to the regions by id (designations, people without a GP):
/// all rows, with the key column found as the one whose values match the
/// most region ids.
struct RegionKeyedTable {
    let path: String
    let names: [String]
    let rows: [[FieldValue]]
    let key: Int

    init(path: String, regions: [Region]) throws {
        let layer = try VectorSource(path: path, coordinateColumns: false).layer()
        var rows: [[FieldValue]] = []
        try layer.forEach(fields: Array(layer.fields.indices)) { _, _, values, _ in rows.append(values) }
        guard !rows.isEmpty else { throw InputError.emptyLayer(path: path, layer: layer.name) }
        let names = layer.fields.map(\.name)
        let ids = Set(regions.map(\.id))
        let matches = names.indices.map { c in rows.filter { ids.contains($0[c].text ?? "") }.count }
        guard let key = matches.indices.max(by: { matches[$0] < matches[$1] }), matches[key] > 0 else {
            throw InputError.invalidValue(path: path, feature: 1, field: names.joined(separator: "/"),
                                          expected: "a column with the region ids (e.g. \(regions.prefix(3).map(\.id).joined(separator: ", ")))",
                                          found: "no column whose values match a region id")
        }
        // A region id twice would let the last row win silently.
        var first: [String: Int] = [:]
        for (n, row) in rows.enumerated() {
            guard let id = row[key].text, ids.contains(id) else { continue }
            if let earlier = first[id] {
                throw InputError.duplicateKey(path: path, field: names[key], key: id, features: [earlier + 1, n + 1])
            }
            first[id] = n
        }
        self.path = path
        self.names = names
        self.rows = rows
        self.key = key
    }

    var resolver: FieldResolver { FieldResolver(path: path, fieldNames: names) }
}
