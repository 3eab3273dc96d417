import XCTest
@testable import Access

final class TrendDatesTests: XCTestCase {
    func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }

    func testMonthMeansItsFirstDayAndDaysAreKept() throws {
        XCTAssertEqual(try TrendDates.parseDay("2025-01", option: "--from"), day("2025-01-01"))
        XCTAssertEqual(try TrendDates.parseDay("2026-10-15", option: "--to"), day("2026-10-15"))
    }

    func testBadDatesAndStepsAreNamedErrors() {
        for bad in ["2025-1", "2025-13", "2025-02-30", "25-01", "januari", "", "2025/01", "2025-01-01T00:00"] {
            XCTAssertThrowsError(try TrendDates.parseDay(bad, option: "--from"), bad) { error in
                XCTAssertEqual(error as? TrendError, .badDate(option: "--from", found: bad))
                XCTAssertTrue("\(error)".contains("--from") && "\(error)".contains("YYYY-MM"), "\(error)")
            }
        }
        XCTAssertThrowsError(try TrendDates.parseStep("week")) { XCTAssertEqual($0 as? TrendError, .badStep(found: "week")) }
        XCTAssertEqual(try TrendDates.parseStep("Quarter"), .quarter)
        XCTAssertThrowsError(try TrendDates.dates(from: day("2026-01-01"), to: day("2025-01-01"), step: .month)) {
            XCTAssertEqual($0 as? TrendError, .fromAfterTo(from: self.day("2026-01-01"), to: self.day("2025-01-01")))
        }
    }

    func testStepsAndTheLastDate() throws {
        // Quarters from January to October: on the grid, so October is not added twice.
        XCTAssertEqual(try TrendDates.dates(from: day("2025-01-01"), to: day("2026-10-01"), step: .quarter).map(\.description),
                       ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"])
        // Off the grid: --to is the last date.
        XCTAssertEqual(try TrendDates.dates(from: day("2025-01-01"), to: day("2026-06-15"), step: .year).map(\.description),
                       ["2025-01-01", "2026-01-01", "2026-06-15"])
        // From the 31st: the last day of shorter months, counted from the start (not drifting to the 28th).
        XCTAssertEqual(try TrendDates.dates(from: day("2024-01-31"), to: day("2024-04-30"), step: .month).map(\.description),
                       ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"])
        XCTAssertEqual(try TrendDates.dates(from: day("2025-03-01"), to: day("2025-03-01"), step: .month).map(\.description), ["2025-03-01"])
    }

    func testTooManyDatesIsAnErrorWithTheCount() {
        // 2000-01 … 2026-10 monthly: 26 years × 12 + 10 = 322 dates.
        XCTAssertThrowsError(try TrendDates.dates(from: day("2000-01-01"), to: day("2026-10-01"), step: .month)) {
            XCTAssertEqual($0 as? TrendError, .tooManyDates(count: 322, limit: 120, step: "month"))
        }
        // The count without listing equals the list's length (limit lifted), on and off the grid.
        for (a, b, s) in [("2000-01-01", "2026-10-01", TrendStep.month), ("2000-01-31", "2026-10-15", .month), ("2001-02-01", "2030-01-01", .quarter)] {
            let listed = try? TrendDates.dates(from: day(a), to: day(b), step: s, limit: 100_000)
            XCTAssertEqual(TrendDates.count(from: day(a), to: day(b), step: s), listed?.count, "\(a) \(b) \(s)")
        }
        XCTAssertNoThrow(try TrendDates.dates(from: day("2017-01-01"), to: day("2026-12-01"), step: .month), "120 dates are allowed")
    }

    func testHistoryBoundsAndFutureDates() throws {
        var job = TrendJob(job: AnalyzeJob(populationPath: "p", practicesPath: "q", regionsPath: nil, outputFolder: "o"), history: nil, historyPath: nil)
        XCTAssertThrowsError(try job.dates()) { XCTAssertEqual($0 as? TrendError, .noStatusHistory) }
        job.history = StatusHistory(changes: [StatusChange(practiceID: "A", from: day("2025-02-01"), status: .closed),
                                              StatusChange(practiceID: "B", from: day("2025-06-10"), status: .open)])
        job.historyPath = "h.csv"
        job.today = day("2025-12-31")
        XCTAssertEqual(try job.dates().map(\.description), ["2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", "2025-06-10"],
                       "default: the history's first date to its last")
        job.from = day("2025-01-01")
        XCTAssertThrowsError(try job.dates()) {
            XCTAssertEqual($0 as? TrendError, .beforeHistory(from: self.day("2025-01-01"), first: self.day("2025-02-01"), path: "h.csv"))
        }
        job.from = day("2025-03-01"); job.to = day("2026-01-01")
        XCTAssertThrowsError(try job.dates()) {
            XCTAssertEqual($0 as? TrendError, .inFuture(option: "--to", date: self.day("2026-01-01"), today: self.day("2025-12-31")))
        }
        job.history = StatusHistory(changes: [])
        XCTAssertThrowsError(try job.dates()) { XCTAssertEqual($0 as? TrendError, .emptyStatusHistory(path: "h.csv")) }
    }
}
