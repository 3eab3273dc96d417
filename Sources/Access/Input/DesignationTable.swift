import Geo

/// A table of policy designations per region (krimpregio, anticipeerregio),
/// such as a CSV with a municipality code and a status column. It is joined
/// to the regions by id; the designation is reported beside the measured
/// access, never instead of it.
public enum DesignationTable {
    static let valueCandidates = ["designation", "status", "aanwijzing", "krimpstatus", "type"]
    static let groupCandidates = ["regio", "region", "regio_naam", "krimpregio"]

    /// Returns the regions with their designation filled in, and a report.
    public static func apply(path: String, to regions: [Region]) throws -> ([Region], [String]) {
        let table = try RegionKeyedTable(path: path, regions: regions)
        let (rows, resolver) = (table.rows, table.resolver)
        guard let value = try resolver.resolve(FieldRole(role: "designation", option: "--designations", candidates: valueCandidates),
                                               override: nil, required: true) else { return (regions, []) }
        let group = try resolver.resolve(FieldRole(role: "group", option: "", candidates: groupCandidates), override: nil, required: false)
        var byID: [String: String] = [:]
        for (row, region) in zip(rows, table.regionOfRow) {
            guard let id = region, var text = row[value].text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            if text.lowercased().hasPrefix("geen") || text.lowercased() == "none" { continue }
            if let g = group.flatMap({ row[$0].text }), !g.isEmpty { text += " (\(g))" }
            byID[id] = text
        }
        let notes = table.notes
        let updated = regions.map { r -> Region in
            var r = r
            if let d = byID[r.id] { r.designation = d }
            return r
        }
        return (updated, notes)
    }
}
