import XCTest
@testable import bereik
@testable import Access

/// The trend's terminal summary stays short with many regions: at most
/// `regionCap` region lines, flagged and lowest shares first, then a line
/// naming how many more there are.
final class TrendSummaryTests: XCTestCase {
    func row(_ id: Int, share: Double, flagged: Bool, day: Int, total: Bool = false) -> TrendRow {
        TrendRow(regionID: total ? "total" : "r\(id)", name: total ? "Total" : "Region \(id)", date: CalendarDay(year: 2026, month: 1, day: day)!,
                 inhabitants: 100, practices: 1, openPractices: 1, partialWithArea: 0, takingNewPatients: 1, byRoad: false,
                 meanM: nil, p90M: nil, shareWithin: [], shareWithinFlagKm: share, inhabitantsBeyondFlagKm: nil,
                 roadUnreachableInhabitants: nil, flagged: flagged, light: nil, suppressed: false, practicesFromHistory: 0, isTotal: total)
    }

    func testManyRegionsAreCappedFlaggedAndLowestFirst() {
        // 40 regions; shares 0.50 + id/100 on the last date; regions 30 and 35 flagged on the first date only.
        let series = (0..<40).map { id in
            [row(id, share: 0.99, flagged: id == 30 || id == 35, day: 1), row(id, share: 0.5 + Double(id) / 100, flagged: false, day: 2)]
        }
        let (shown, hidden) = TrendSummary.shownRegions(series)
        XCTAssertEqual(shown.count, TrendSummary.regionCap)
        XCTAssertEqual(hidden, 40 - TrendSummary.regionCap)
        XCTAssertEqual(shown.map { $0[0].regionID }, ["r30", "r35"] + (0..<(TrendSummary.regionCap - 2)).map { "r\($0)" })
    }

    func testFewRegionsKeepTheirOrder() {
        let series = [3, 1, 2].map { id in [row(id, share: Double(id) / 10, flagged: id == 2, day: 1)] }
        let (shown, hidden) = TrendSummary.shownRegions(series)
        XCTAssertEqual(shown.map { $0[0].regionID }, ["r3", "r1", "r2"])
        XCTAssertEqual(hidden, 0)
    }
}
