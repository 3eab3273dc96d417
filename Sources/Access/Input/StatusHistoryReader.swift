import Foundation
import Geo

/// Reads `--status-history FILE` (CSV, XLSX, ODS or any OGR table): one row
/// per practice and date from which a status holds — columns practice id,
/// date from, status (the practice list's words), optionally an eligibility
/// postcode list and a source.
///
/// Dates are `YYYY-MM-DD` (also `YYYY/MM/DD`, as GDAL gives date cells) or
/// the Dutch `DD-MM-YYYY`; a slash with the year last (`03/04/2025`) is
/// refused, because day and month cannot be told apart. Named errors: an
/// unreadable date, a date after `today`, an unreadable or empty status, two
/// rows for one practice and date that differ (identical rows are counted
/// and dropped). Rows for a practice id not in the practice list are counted
/// with examples (`--strict`: an error).
public enum StatusHistoryReader {
    static let practiceID = FieldRole(role: "practice id", option: "--status-history", candidates: [
        "practice_id", "praktijk_id", "id", "agb", "agb_code", "agbcode", "code"])
    static let dateFrom = FieldRole(role: "date from", option: "--status-history", candidates: [
        "date_from", "from", "valid_from", "datum_vanaf", "vanaf", "van", "ingangsdatum", "geldig_vanaf", "start_date",
        "startdatum", "date", "datum", "peildatum"])
    static let source = FieldRole(role: "source", option: "--status-history", candidates: ["source", "bron", "status_source"])

    public static func read(path: String, practiceIDs: Set<String>, options: InputOptions,
                            today: CalendarDay = .today(), progress: Progress? = nil) throws -> (StatusHistory, InputReport) {
        let reader = LayerReader(role: "status history", path: path, layerName: nil, options: options)
        let log = reader.log
        var names: [String: String] = [:]
        var meansStop = false
        var rows: [StatusChange] = []
        var positions: [Int] = []
        var eligibility = EligibilityReport()
        var unknown: [String: Int] = [:]
        var ignoredLists = 0
        let raw = try reader.stream(pick: { r in
            func required(_ role: FieldRole) throws -> Int {
                if let k = try r.resolve(role, override: nil, required: false) { return k }
                throw InputError.invalidValue(path: path, feature: 1, field: "(columns)",
                                              expected: "a \(role.role) column (one of \(role.candidates.joined(separator: ", ")))",
                                              found: r.fieldNames.joined(separator: ", "))
            }
            let picks = [try required(practiceID), try required(dateFrom), try required(.status),
                         try r.resolve(.eligibility, override: nil, required: false), try r.resolve(source, override: nil, required: false)]
            for (role, k) in zip(["practice_id", "date_from", "status", "eligibility", "source"], picks) {
                if let k { names[role] = r.fieldNames[k] }
            }
            meansStop = ValueParsing.fieldMeansStop(names["status"]!)
            return picks.map { .text($0) }
        }, place: .none, progress: progress) { row in
            let n = row.position
            guard let id = row.text(0) else {
                try log.skip("no practice id", feature: n, detail: "\(names["practice_id"]!) is empty",
                             error: .invalidValue(path: path, feature: n, field: names["practice_id"]!, expected: "a practice id", found: ""))
                return
            }
            let dateText = row.text(1) ?? ""
            guard let day = day(dateText) else {
                throw InputError.invalidValue(path: path, feature: n, field: names["date_from"]!,
                                              expected: "a date YYYY-MM-DD (or DD-MM-YYYY): \(CalendarDay.requirement)", found: dateText)
            }
            guard day <= today else {
                throw InputError.invalidValue(path: path, feature: n, field: names["date_from"]!,
                                              expected: "a date on or before today (\(today)); a history records statuses that held", found: dateText)
            }
            guard let statusText = row.text(2), let status = ValueParsing.status(.string(statusText), fieldMeansStop: meansStop) else {
                throw InputError.invalidValue(path: path, feature: n, field: names["status"]!,
                                              expected: "a status: open/ja/yes, partial/gedeeltelijk/beperkt, closed/nee/no/stop/volledig, or onbekend",
                                              found: row.text(2) ?? "")
            }
            guard practiceIDs.contains(id) else {
                if options.strict {
                    throw InputError.invalidValue(path: path, feature: n, field: names["practice_id"]!, expected: "the id of a practice in the practice list", found: id)
                }
                unknown[id, default: 0] += 1
                return
            }
            var area: EligibilityArea?
            if let text = row.text(3) {
                if status == .partial {
                    area = try EligibilityField.read(text, path: path, feature: n, field: names["eligibility"]!, strict: options.strict,
                                                     log: log, report: &eligibility)
                } else {
                    ignoredLists += 1
                }
            }
            rows.append(StatusChange(practiceID: id, from: day, status: status, eligibility: area, source: row.text(4),
                                     origin: "\(path), feature \(n)"))
            positions.append(n)
        }

        // One row per practice and date: identical ones merged (their sources joined), differing ones an error.
        var byKey: [String: [Int]] = [:]
        for (k, c) in rows.enumerated() { byKey["\(c.practiceID)\u{0}\(c.from)", default: []].append(k) }
        var changes: [StatusChange] = []
        var duplicates = 0
        for key in byKey.keys.sorted() {
            let ks = byKey[key]!.sorted { positions[$0] < positions[$1] }
            let first = rows[ks[0]]
            for k in ks.dropFirst() where rows[k].status != first.status || rows[k].eligibility != first.eligibility {
                let what = rows[k].status != first.status ? rows[k].status.rawValue : "another eligibility list"
                throw InputError.invalidValue(path: path, feature: positions[k], field: names["status"]!,
                                              expected: "one status per practice and date (feature \(positions[ks[0]]) gives practice \(first.practiceID) status '\(first.status.rawValue)'\(first.eligibility == nil ? "" : " with an eligibility list") from \(first.from))",
                                              found: what)
            }
            var merged = first
            let sources = Set(ks.compactMap { rows[$0].source }).sorted()
            merged.source = sources.isEmpty ? nil : sources.joined(separator: "; ")
            duplicates += ks.count - 1
            changes.append(merged)
        }
        if changes.isEmpty {
            let reason = unknown.isEmpty ? (log.examples.first ?? "-") : "no practice id is in the practice list (e.g. \(unknown.keys.sorted().prefix(3).joined(separator: ", ")))"
            throw InputError.noUsableFeatures(path: path, skipped: raw.total, firstReason: reason)
        }
        let history = StatusHistory(changes: changes)
        var report = raw.report(role: "status history", used: changes.count, fields: names)
        var summary = StatusHistoryReport(asOf: "", asOfSource: "")
        summary.rows = raw.total
        summary.rowsUsed = changes.count
        summary.duplicatesDropped = duplicates
        let unknownIDs = unknown.keys.sorted()
        summary.unknownPracticeIDs = unknown.values.reduce(0, +)
        summary.unknownPracticeIDExamples = Array(unknownIDs.prefix(5))
        summary.earliest = history.dates.first?.description
        summary.latest = history.dates.last?.description
        report.statusHistory = summary
        if duplicates > 0 {
            report.skipped["identical row dropped"] = duplicates
            report.warnings.append("\(path): \(duplicates) rows repeat another row for the same practice and date and are dropped.")
        }
        if !unknown.isEmpty {
            report.skipped["practice id not in the practice list"] = summary.unknownPracticeIDs
            report.warnings.append("\(path): \(summary.unknownPracticeIDs) rows are for \(unknownIDs.count) practice ids that are not in the practice list (e.g. \(unknownIDs.prefix(5).joined(separator: ", "))); they are skipped (use --strict to stop instead).")
        }
        if ignoredLists > 0 {
            report.warnings.append("\(path): \(ignoredLists) rows give an eligibility list with a status other than partial; the list is ignored there.")
        }
        if eligibility.unreadableLists > 0 {
            report.skipped["eligibility list unreadable (list left out, row kept)"] = eligibility.unreadableLists
            report.warnings.append("\(path): \(eligibility.unreadableLists) eligibility lists cannot be read and are left out (use --strict to stop instead; examples in run.json).")
        }
        if names["eligibility"] != nil {
            eligibility.field = names["eligibility"]
            report.eligibility = eligibility
        }
        return (history, report)
    }

    /// A date as a history gives it: YYYY-MM-DD, YYYY/MM/DD (GDAL's form of
    /// a date cell, possibly with a midnight time), or Dutch DD-MM-YYYY.
    /// Nil for anything else, also for DD/MM/YYYY (day or month first?).
    public static func day(_ text: String) -> CalendarDay? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if let space = t.firstIndex(of: " ") ?? t.firstIndex(of: "T") {
            let time = t[t.index(after: space)...]
            guard time.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }), time.contains(":") else { return nil }
            t = String(t[..<space])
        }
        for separator: Character in ["-", "/"] {
            let parts = t.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { continue }
            if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
                return CalendarDay(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
            }
            if separator == "-", parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
                return CalendarDay(year: Int(parts[2])!, month: Int(parts[1])!, day: Int(parts[0])!)
            }
        }
        return nil
    }
}
