import Foundation

/// A calendar date without a time or zone (a status "from" date, `--as-of`).
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public static let years = 1900...2200
    /// What a date must be, for error messages: 2025-02-30 and 9999-01-01
    /// have the right shape and are still refused.
    public static let requirement = "a day that exists in the calendar, \(years.lowerBound)-01-01 to \(years.upperBound)-12-31"

    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// "YYYY-MM-DD" only (ISO 8601 calendar date).
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in the Europe/Amsterdam calendar.
    public static func today(now: Date = Date()) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }

    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// One row of a status history: from `from` on, the practice has `status`
/// (and, for a partial stop, possibly an eligibility area).
public struct StatusChange: Sendable, Hashable {
    public var practiceID: String
    public var from: CalendarDay
    public var status: PracticeStatus
    public var eligibility: EligibilityArea?
    public var source: String?
    /// Where the row came from, for messages ("history.csv line 12").
    public var origin: String

    public init(practiceID: String, from: CalendarDay, status: PracticeStatus,
                eligibility: EligibilityArea? = nil, source: String? = nil, origin: String = "") {
        self.practiceID = practiceID; self.from = from; self.status = status
        self.eligibility = eligibility; self.source = source; self.origin = origin
    }
}

/// The status of practices through time (`--status-history`). Validated
/// when read (Input/StatusHistoryReader.swift): one row per practice and
/// date, known practice ids. `applied(to:asOf:)` gives the practice list
/// as it stood on a date.
public struct StatusHistory: Sendable, Hashable {
    /// Sorted by practice id, then date.
    public private(set) var changes: [StatusChange]

    public init(changes: [StatusChange]) {
        self.changes = changes.sorted { ($0.practiceID, $0.from) < ($1.practiceID, $1.from) }
    }

    /// Every date on which some status changes, ascending.
    public var dates: [CalendarDay] { Array(Set(changes.map(\.from))).sorted() }

    /// The row in force for each practice on `day`: its latest row dated on
    /// or before it; practices the history says nothing about yet are absent.
    public func inForce(asOf day: CalendarDay) -> [String: StatusChange] {
        var inForce: [String: StatusChange] = [:]
        for c in changes where c.from <= day { inForce[c.practiceID] = c }   // sorted: the last one wins
        return inForce
    }

    /// The practices as they stood on `day`: the status (and eligibility and
    /// source) in force from the history; practices the history says nothing
    /// about by then keep the list's status. Also how many came from history.
    public func applied(to practices: [Practice], asOf day: CalendarDay) -> (practices: [Practice], fromHistory: Int) {
        let inForce = inForce(asOf: day)
        var out = practices, count = 0
        for i in out.indices {
            guard let c = inForce[out[i].id] else { continue }
            out[i].status = c.status
            out[i].eligibility = c.status == .partial ? (c.eligibility ?? out[i].eligibility) : nil
            out[i].statusDate = c.from.description
            if let s = c.source { out[i].statusSource = s }
            count += 1
        }
        return (out, count)
    }
}
