import Foundation
import Geo

/// `trend.csv`: one row per region and date (dates ascending within each
/// region, regions in the analysis's order, the study-area total last).
public enum TrendTable {
    public static let fileName = "trend.csv"

    static func fields(bandsKm: [Double], byRoad: Bool) -> [FieldDefinition] {
        var f = [FieldDefinition("region_id", .string), FieldDefinition("name", .string), FieldDefinition("date", .string),
                 FieldDefinition("inhabitants", .real), FieldDefinition("practices", .integer),
                 FieldDefinition("open_practices", .integer), FieldDefinition("partial_with_area_practices", .integer),
                 FieldDefinition("taking_new_patients", .integer), FieldDefinition("distance_basis", .string),
                 FieldDefinition("mean_m", .real), FieldDefinition("p90_m", .real)]
        f += bandsKm.map { FieldDefinition("share_within_\(OutputTables.km($0))km", .real) }
        f += [FieldDefinition("access_share", .real), FieldDefinition("inhabitants_beyond_flag_km", .real)]
        if byRoad { f.append(FieldDefinition("road_unreachable_inhabitants", .real)) }
        f += [FieldDefinition("flagged", .boolean), FieldDefinition("light", .string), FieldDefinition("suppressed", .boolean),
              FieldDefinition("practices_from_history", .integer)]
        return f
    }

    static func values(_ r: TrendRow, byRoad: Bool) -> [FieldValue] {
        func real(_ d: Double?, _ digits: Double) -> FieldValue { d.map { .real(($0 * digits).rounded() / digits) } ?? .null }
        var v: [FieldValue] = [.string(r.regionID), .string(r.name), .string(r.date.description), .real(r.inhabitants.rounded()),
                               .integer(Int64(r.practices)), .integer(Int64(r.openPractices)), .integer(Int64(r.partialWithArea)),
                               .integer(Int64(r.takingNewPatients)), .string(r.byRoad ? "road" : "straight"),
                               real(r.meanM, 10), real(r.p90M, 10)]
        v += r.shareWithin.map { real($0, 10_000) }
        v += [real(r.shareWithinFlagKm, 10_000), real(r.inhabitantsBeyondFlagKm, 1)]
        if byRoad { v.append(real(r.roadUnreachableInhabitants, 1)) }
        v += [.boolean(r.flagged), r.light.map { .string($0) } ?? .null, .boolean(r.suppressed), .integer(Int64(r.practicesFromHistory))]
        return v
    }

    /// Rows grouped per region (first-seen order), dates ascending.
    static func ordered(_ rows: [TrendRow]) -> [TrendRow] {
        var order: [String: Int] = [:]
        for r in rows where order[r.regionID] == nil { order[r.regionID] = order.count }
        return rows.sorted { (order[$0.regionID]!, $0.date) < (order[$1.regionID]!, $1.date) }
    }

    static func write(_ rows: [TrendRow], bandsKm: [Double], byRoad: Bool, dialect: CSVDialect, to path: String) throws {
        let writer = try CSVWriter(path: path, fields: fields(bandsKm: bandsKm, byRoad: byRoad), dialect: dialect)
        for r in ordered(rows) { try writer.write(values(r, byRoad: byRoad)) }
        try writer.close()
    }

    /// Regions (not the total) flagged on at least one date, in first-seen order.
    static func flaggedRegionIDs(_ rows: [TrendRow]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for r in rows where r.flagged && !r.isTotal && !seen.contains(r.regionID) {
            seen.insert(r.regionID)
            out.append(r.regionID)
        }
        return out
    }
}
