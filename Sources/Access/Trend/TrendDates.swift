import Foundation

/// How far apart the dates of a trend lie.
public enum TrendStep: String, Sendable, CaseIterable, Codable {
    case month, quarter, year

    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }
}

/// The dates of a trend: `from`, then every step after it while not after
/// `to`; `to` itself is always the last date (added when the steps miss it).
/// A step from the 31st lands on the last day of a shorter month.
public enum TrendDates {
    /// More dates than this is a named error (each date is one routing pass).
    public static let limit = 120

    /// "YYYY-MM" (its first day) or "YYYY-MM-DD".
    public static func parseDay(_ text: String, option: String) throws -> CalendarDay {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDay(iso: t) { return day }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2,
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let y = Int(parts[0]), let m = Int(parts[1]), let day = CalendarDay(year: y, month: m, day: 1) {
            return day
        }
        throw TrendError.badDate(option: option, found: text)
    }

    public static func parseStep(_ text: String) throws -> TrendStep {
        guard let step = TrendStep(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw TrendError.badStep(found: text)
        }
        return step
    }

    public static func dates(from: CalendarDay, to: CalendarDay, step: TrendStep, limit: Int = TrendDates.limit) throws -> [CalendarDay] {
        guard from <= to else { throw TrendError.fromAfterTo(from: from, to: to) }
        var out: [CalendarDay] = []
        var k = 0
        while true {
            let d = adding(months: k * step.months, to: from)
            guard d <= to else { break }
            out.append(d)
            k += 1
            // Count before building a huge list from a typo such as --from 1900-01.
            if out.count > limit { throw TrendError.tooManyDates(count: count(from: from, to: to, step: step), limit: limit, step: step.rawValue) }
        }
        if out.last != to { out.append(to) }
        if out.count > limit { throw TrendError.tooManyDates(count: out.count, limit: limit, step: step.rawValue) }
        return out
    }

    /// The number of dates `dates` would give, without listing them.
    static func count(from: CalendarDay, to: CalendarDay, step: TrendStep) -> Int {
        let months = (to.year - from.year) * 12 + (to.month - from.month)
        let steps = months / step.months
        let last = adding(months: steps * step.months, to: from)
        let onGrid = last <= to ? steps + 1 : steps
        return onGrid + (adding(months: (onGrid - 1) * step.months, to: from) == to ? 0 : 1)
    }

    /// `day` moved by whole months; the day of the month is kept or clamped to the month's last day.
    public static func adding(months: Int, to day: CalendarDay) -> CalendarDay {
        let index = day.year * 12 + (day.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        return CalendarDay(year: year, month: month, day: min(day.day, CalendarDay.days(in: month, of: year)))!
    }
}
