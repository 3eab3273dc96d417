import XCTest
@testable import Access

/// Trend warnings: once each, in first-appearance order, with the dates of
/// those that did not hold on every date (hand-written expectations).
final class TrendWarningsTests: XCTestCase {
    func testWarningsThatHoldOnSomeDatesNameThemAndRunsAreJoined() {
        let merged = TrendWarnings.merged([
            ("2025-01-01", ["always", "37 partial", "early"]),
            ("2025-02-01", ["always", "37 partial", "early"]),
            ("2025-03-01", ["38 partial", "always"]),
            ("2025-04-01", ["always", "37 partial", "always"]),
        ])
        XCTAssertEqual(merged, [
            "always",
            "2025-01-01 to 2025-02-01, 2025-04-01: 37 partial",
            "2025-01-01 to 2025-02-01: early",
            "2025-03-01: 38 partial",
        ])
    }

    func testOneDateKeepsEveryWarningPlain() {
        XCTAssertEqual(TrendWarnings.merged([("2025-01-01", ["b", "a"])]), ["b", "a"])
        XCTAssertEqual(TrendWarnings.merged([]), [])
    }
}
