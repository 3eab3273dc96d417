import Access
import Foundation

/// `trend.csv` read back for drawing: one series per region (the study-area
/// total apart), in the file's order, through Access's `CSVTableReader`
/// (both CSV dialects) and the names of `TrendColumn`.
struct TrendSeries {
    struct Point {
        var date: CalendarDay
        var row: [String: String]

        func text(_ column: ColumnName) -> String? { row[column.text] }

        func number(_ column: ColumnName) -> Double? {
            guard let t = text(column), !t.isEmpty else { return nil }
            return Double(t)
        }
        var flagged: Bool { text(TrendColumn.flagged) == "1" || text(TrendColumn.flagged)?.lowercased() == "true" }
    }

    struct Region {
        var id: String
        var name: String
        var isTotal: Bool
        var points: [Point]

        var everFlagged: Bool { points.contains(where: \.flagged) }
    }

    var regions: [Region]
    var dates: [CalendarDay]
    var distanceBasis: TrendDistanceBasis

    var total: Region? { regions.first(where: \.isTotal) }
    var areas: [Region] { regions.filter { !$0.isTotal } }

    static func read(_ path: String, totalIDs: Set<String>) throws -> TrendSeries {
        guard let rows = try CSVTableReader.rows(path) else { throw MapsError.unreadable(file: path, reason: "empty trend table") }
        var order: [String] = [], byID: [String: Region] = [:], dates = Set<CalendarDay>(), basis = TrendDistanceBasis.straight
        for (n, row) in rows.enumerated() {
            guard let id = row[TrendColumn.regionID.text], let d = row[TrendColumn.date.text].flatMap({ CalendarDay(iso: $0) }) else {
                throw MapsError.unreadable(file: path, reason: "line \(n + 2): no \(TrendColumn.regionID) or no \(TrendColumn.date) YYYY-MM-DD")
            }
            // Any word but `road` was drawn as a straight-line basis.
            basis = row[TrendColumn.distanceBasis.text].map { TrendDistanceBasis(rawValue: $0) ?? .straight } ?? basis
            dates.insert(d)
            if byID[id] == nil {
                order.append(id)
                byID[id] = Region(id: id, name: row[TrendColumn.name.text] ?? id, isTotal: totalIDs.contains(id), points: [])
            }
            byID[id]!.points.append(Point(date: d, row: row))
        }
        let regions = order.map { id -> Region in
            var r = byID[id]!
            r.points.sort { $0.date < $1.date }
            return r
        }
        return TrendSeries(regions: regions, dates: dates.sorted(), distanceBasis: basis)
    }
}
