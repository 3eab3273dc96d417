@testable import Access
import Geo
import XCTest

/// `trend.csv`'s column spec against the README's list of its columns
/// (written by hand there): names, order, types and units.
final class TrendColumnsTests: XCTestCase {
    func testColumnsAreTheREADMEsInOrderWithTheirTypes() {
        let columns = TrendTable.columns(bandsKm: [1, 2.5], byRoad: true)
        XCTAssertEqual(columns.map(\.name.text), [
            "region_id", "name", "date", "inhabitants", "practices", "open_practices", "partial_with_area_practices",
            "taking_new_patients", "distance_basis", "mean_m", "p90_m", "share_within_1km", "share_within_2_5km",
            "access_share", "inhabitants_beyond_flag_km", "road_unreachable_inhabitants", "flagged", "light", "suppressed",
            "practices_from_history",
        ])
        let byName = Dictionary(uniqueKeysWithValues: columns.map { ($0.name.text, $0) })
        XCTAssertEqual(byName["inhabitants"]?.type, .real)
        XCTAssertEqual(byName["practices"]?.type, .integer)
        XCTAssertEqual(byName["flagged"]?.type, .boolean)
        XCTAssertEqual(byName["mean_m"]?.unit, .metres)
        XCTAssertEqual(byName["access_share"]?.unit, .share)
        XCTAssertFalse(TrendTable.columns(bandsKm: [1], byRoad: false).map(\.name.text).contains("road_unreachable_inhabitants"))
    }

    func testValuesAreRoundedAsTheContractSays() {
        let row = TrendRow(regionID: "GM0001", name: "A", date: CalendarDay(iso: "2025-01-01")!, inhabitants: 1234.6, practices: 3,
                           openPractices: 2, partialWithArea: 1, takingNewPatients: 3, byRoad: false, meanM: 1234.56, p90M: nil,
                           shareWithin: [0.123456], shareWithinFlagKm: 0.98766, inhabitantsBeyondFlagKm: 12.4,
                           roadUnreachableInhabitants: nil, flagged: true, light: nil, suppressed: false, practicesFromHistory: 0)
        let values = TrendTable.columns(bandsKm: [1], byRoad: false).map { $0.value(row) }
        XCTAssertEqual(values, [.string("GM0001"), .string("A"), .string("2025-01-01"), .real(1235), .integer(3), .integer(2), .integer(1),
                                .integer(3), .string("straight"), .real(1234.6), .null, .real(0.1235), .real(0.9877), .real(12),
                                .boolean(true), .null, .boolean(false), .integer(0)])
    }
}
