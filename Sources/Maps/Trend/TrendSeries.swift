import Access
import Foundation

/// `trend.csv` read back for drawing: one series per region (the study-area
/// total apart), in the file's order. Reads both CSV dialects (comma with a
/// decimal point, or semicolon with a decimal comma and a byte order mark).
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
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let headerLine = lines.first else { throw MapsError.unreadable(file: path, reason: "empty trend table") }
        let semicolon = headerLine.contains(";") && !headerLine.contains(",")
        let header = split(headerLine, separator: semicolon ? ";" : ",")
        var order: [String] = [], byID: [String: Region] = [:], dates = Set<CalendarDay>(), basis = TrendDistanceBasis.straight
        for (n, line) in lines.dropFirst().enumerated() {
            var row: [String: String] = [:]
            for (k, v) in zip(header, split(line, separator: semicolon ? ";" : ",")) {
                // excel-nl: decimal comma; an apostrophe guards text that looked like a formula.
                row[k] = semicolon && Self.isDecimalComma(v) ? v.replacingOccurrences(of: ",", with: ".") : v
            }
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

    /// "-12,5" or "0,8734": a number written with a decimal comma.
    static func isDecimalComma(_ v: String) -> Bool {
        let parts = v.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
            && parts[0].drop(while: { $0 == "-" }).allSatisfy(\.isNumber) && !parts[0].isEmpty
    }

    static func split(_ line: String, separator: Character) -> [String] {
        var out: [String] = [], current = "", quoted = false
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                out.append(current); current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        out.append(current)
        return out
    }
}
