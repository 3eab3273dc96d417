import Foundation
import Geo

/// `trend.csv`: one row per region and date (dates ascending within each
/// region, regions in the analysis's order, the study-area total last).
public enum TrendTable {
    public static let fileName = "trend.csv"

    /// The columns of `trend.csv`, declared once for its header and its rows.
    static func columns(bandsKm: [Double], byRoad: Bool) -> [OutputColumn<TrendRow>] {
        typealias C = TrendColumn
        typealias Column = OutputColumn<TrendRow>
        var columns: [Column] = [
            .text(C.regionID) { $0.regionID },
            .text(C.name) { $0.name },
            .text(C.date) { $0.date.description },
            .number(C.inhabitants, .inhabitants, decimals: 0) { $0.inhabitants },
            .count(C.practices) { $0.practices },
            .count(C.openPractices) { $0.openPractices },
            .count(C.partialWithAreaPractices) { $0.partialWithArea },
            .count(C.takingNewPatients) { $0.takingNewPatients },
            .text(C.distanceBasis) { ($0.byRoad ? TrendDistanceBasis.road : .straight).rawValue },
            .number(C.meanM, .metres, decimals: 1) { $0.meanM },
            .number(C.p90M, .metres, decimals: 1) { $0.p90M },
        ]
        columns += bandsKm.indices.map { b in .number(C.shareWithin(km: bandsKm[b]), .share, decimals: 4) { b < $0.shareWithin.count ? $0.shareWithin[b] : nil } }
        columns += [
            .number(C.accessShare, .share, decimals: 4) { $0.shareWithinFlagKm },
            .number(C.inhabitantsBeyondFlagKm, .inhabitants, decimals: 0) { $0.inhabitantsBeyondFlagKm },
        ]
        if byRoad { columns.append(.number(C.roadUnreachableInhabitants, .inhabitants, decimals: 0) { $0.roadUnreachableInhabitants }) }
        columns += [
            .flag(C.flagged) { $0.flagged },
            .text(C.light) { $0.light },
            .flag(C.suppressed) { $0.suppressed },
            .count(C.practicesFromHistory) { $0.practicesFromHistory },
        ]
        return columns
    }

    /// Rows grouped per region (first-seen order), dates ascending.
    static func ordered(_ rows: [TrendRow]) -> [TrendRow] {
        var order: [String: Int] = [:]
        for r in rows where order[r.regionID] == nil { order[r.regionID] = order.count }
        return rows.sorted { (order[$0.regionID]!, $0.date) < (order[$1.regionID]!, $1.date) }
    }

    static func write(_ rows: [TrendRow], bandsKm: [Double], byRoad: Bool, dialect: CSVDialect, to path: String) throws {
        let columns = columns(bandsKm: bandsKm, byRoad: byRoad)
        let writer = try CSVWriter(path: path, fields: columns.map(\.field), dialect: dialect)
        for r in ordered(rows) { try writer.write(columns.map { $0.value(r) }) }
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
