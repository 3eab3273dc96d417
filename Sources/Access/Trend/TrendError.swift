/// Why a trend cannot be computed, in words that name the option and what it expects.
public enum TrendError: Error, CustomStringConvertible, Equatable {
    case badDate(option: String, found: String)
    case badStep(found: String)
    case fromAfterTo(from: CalendarDay, to: CalendarDay)
    case tooManyDates(count: Int, limit: Int, step: String)
    case noStatusHistory
    case emptyStatusHistory(path: String)
    case beforeHistory(from: CalendarDay, first: CalendarDay, path: String)
    case inFuture(option: String, date: CalendarDay, today: CalendarDay)

    public var description: String {
        switch self {
        case .badDate(let option, let found):
            return "\(option): expected a month YYYY-MM (its first day) or a day YYYY-MM-DD (\(CalendarDay.requirement)), found \"\(found)\""
        case .badStep(let found):
            return "--step: expected month, quarter or year, found \"\(found)\""
        case .fromAfterTo(let from, let to):
            return "--from \(from) lies after --to \(to); give the earlier date first"
        case .tooManyDates(let count, let limit, let step):
            return "the trend would have \(count) dates (one per \(step)); at most \(limit) are allowed: shorten --from/--to or take a longer --step"
        case .noStatusHistory:
            return "a trend needs the practices' status through time: give --status-history FILE (rows: practice id, date from, status, optional eligibility, source)"
        case .emptyStatusHistory(let path):
            return "\(path): the status history holds no rows, so every date of the trend would be the same"
        case .beforeHistory(let from, let first, let path):
            return "--from \(from) lies before the first row of \(path) (\(first)); the status of the practices before it is not known. Start at --from \(first) or later"
        case .inFuture(let option, let date, let today):
            return "\(option) \(date) lies after today (\(today)); a status history says nothing about the future"
        }
    }
}
