import Geo

/// Population ids that occur on more than one row. Each row stays a point
/// of its own (address points may share a postcode id, and a block of flats
/// is many addresses at one place), but a PC4, buurt or grid table that
/// lists an area twice counts its inhabitants twice — so they are counted
/// and warned about, never passed silently. Counted on the points in
/// `PopulationOrder`, which puts equal ids side by side.
struct RepeatedPopulationIDs {
    /// Distinct ids on more than one row.
    var ids = 0
    /// Rows beyond the first of each id.
    var extraRows = 0
    /// Of those, rows equal to an earlier one of the same id in place,
    /// inhabitants and 65+ (a row listed twice).
    var identicalRows = 0
    /// The first few repeated ids with their number of rows.
    var examples: [String] = []

    init(sorted points: [PopulationPoint]) {
        var start = 0
        while start < points.count {
            var end = start + 1
            while end < points.count && points[end].id == points[start].id { end += 1 }
            if end - start > 1 {
                ids += 1
                extraRows += end - start - 1
                if examples.count < 3 { examples.append("'\(points[start].id)' on \(end - start) rows") }
                // Equal rows of one id lie side by side too (the order's ties are place, inhabitants, 65+).
                for k in (start + 1)..<end where Self.same(points[k], points[k - 1]) { identicalRows += 1 }
            }
            start = end
        }
    }

    static func same(_ a: PopulationPoint, _ b: PopulationPoint) -> Bool {
        a.location == b.location && a.inhabitants == b.inhabitants && a.inhabitants65plus == b.inhabitants65plus
    }

    /// The warning for the summary and run.json (nil when every id is unique).
    func warning(path: String, idField: String?) -> String? {
        guard ids > 0 else { return nil }
        let identical = identicalRows > 0
            ? " \(identicalRows) of these rows repeat an earlier row exactly (same id, place and inhabitants): a row listed twice counts its inhabitants twice — remove the repeats."
            : ""
        return "\(path): \(ids) ids of \(idField.map { "'\($0)'" } ?? "the population") occur on more than one row (\(extraRows) rows more than ids; e.g. \(examples.joined(separator: ", "))); each row counts as a point of its own and their inhabitants are added.\(identical) Give --id-field a column that is unique per point if this one is not."
    }
}
