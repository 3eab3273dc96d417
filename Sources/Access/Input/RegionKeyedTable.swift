import Geo

/// A table joined to the regions by id (designations, people without a GP):
/// all rows, with the key column found as the one whose values match the
/// most region ids. Ids match as `PopulationJoin` matches keys (spaces and
/// case ignored, leading zeros of all-digit ids too), so ' gm0106' and
/// 'GM0106 ' find GM0106; an id that misses is counted, never dropped
/// silently.
struct RegionKeyedTable {
    let path: String
    let names: [String]
    let rows: [[FieldValue]]
    let key: Int
    /// Per row, the id of the region it joins to (nil: none).
    let regionOfRow: [String?]
    /// Rows whose id matched a region only by the loose rule, and the first few ('raw' → id).
    let looseMatches: Int
    let looseExamples: [String]
    /// Rows whose id matches no region, and the first few ids.
    let unmatchedRows: Int
    let unmatchedExamples: [String]
    let regionExamples: [String]

    init(path: String, regions: [Region]) throws {
        let layer = try VectorSource(path: path, coordinateColumns: false).layer()
        var rows: [[FieldValue]] = []
        try layer.forEach(fields: Array(layer.fields.indices)) { _, _, values, _ in rows.append(values) }
        guard !rows.isEmpty else { throw InputError.emptyLayer(path: path, layer: layer.name) }
        let names = layer.fields.map(\.name)
        let matcher = RegionIDMatcher(regions: regions)
        let matches = names.indices.map { c in rows.filter { matcher.match($0[c].text) != nil }.count }
        guard let key = matches.indices.max(by: { matches[$0] < matches[$1] }), matches[key] > 0 else {
            throw InputError.invalidValue(path: path, feature: 1, field: names.joined(separator: "/"),
                                          expected: "a column with the region ids (e.g. \(regions.prefix(3).map(\.id).joined(separator: ", ")))",
                                          found: "no column whose values match a region id (first row: \(zip(names, rows[0]).prefix(4).map { "\($0.0) = '\($0.1.text ?? "")'" }.joined(separator: ", ")))")
        }
        // A region id twice would let the last row win silently.
        var first: [String: Int] = [:]
        var regionOfRow: [String?] = []
        var loose = 0, looseExamples: [String] = [], unmatched = 0, unmatchedExamples: [String] = []
        for (n, row) in rows.enumerated() {
            let raw = row[key].text ?? ""
            guard let (id, exact) = matcher.match(raw) else {
                regionOfRow.append(nil)
                unmatched += 1
                if unmatchedExamples.count < 5 { unmatchedExamples.append("'\(raw)'") }
                continue
            }
            if let earlier = first[id] {
                throw InputError.duplicateKey(path: path, field: names[key], key: id, features: [earlier + 1, n + 1])
            }
            first[id] = n
            regionOfRow.append(id)
            if !exact {
                loose += 1
                if looseExamples.count < 3 { looseExamples.append("'\(raw)' → \(id)") }
            }
        }
        self.path = path
        self.names = names
        self.rows = rows
        self.key = key
        self.regionOfRow = regionOfRow
        self.looseMatches = loose
        self.looseExamples = looseExamples
        self.unmatchedRows = unmatched
        self.unmatchedExamples = unmatchedExamples
        self.regionExamples = regions.prefix(3).map(\.id)
    }

    var resolver: FieldResolver { FieldResolver(path: path, fieldNames: names) }

    /// What the join did, for the summary and run.json: ids matched only by
    /// the loose rule, and rows that match no region.
    var notes: [String] {
        var notes: [String] = []
        if looseMatches > 0 {
            notes.append("\(path): \(looseMatches) rows match a region id in column '\(names[key])' only with spaces, case or leading zeros ignored (e.g. \(looseExamples.joined(separator: ", "))).")
        }
        if unmatchedRows > 0 {
            notes.append("\(path): \(unmatchedRows) rows match no region id in column '\(names[key])' (e.g. \(unmatchedExamples.joined(separator: ", ")); region ids look like \(regionExamples.joined(separator: ", "))); they are not used.")
        }
        return notes
    }
}

/// Finds the region of a table's id: the exact id first, else the id by
/// `PopulationJoin.normalise` when exactly one region has that form.
struct RegionIDMatcher {
    let exact: Set<String>
    let loose: [String: String]

    init(regions: [Region]) {
        exact = Set(regions.map(\.id))
        var byForm: [String: [String]] = [:]
        for r in regions { if let k = PopulationJoin.normalise(r.id) { byForm[k, default: []].append(r.id) } }
        loose = byForm.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// The region id and whether it matched exactly; nil when none.
    func match(_ raw: String?) -> (String, Bool)? {
        guard let raw else { return nil }
        if exact.contains(raw) { return (raw, true) }
        guard let k = PopulationJoin.normalise(raw), let id = loose[k] else { return nil }
        return (id, false)
    }
}
