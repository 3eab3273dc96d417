import XCTest
import Geo
@testable import Access

/// The summary's region table for many regions: the most urgent ones and the
/// counts per light, never hundreds of lines.
final class SummaryTableTests: XCTestCase {
    func result(regions n: Int) -> (AnalysisResult, [Region]) {
        var rows: [RegionAccess] = []
        var names: [Region] = []
        for k in 0..<n {
            var r = RegionAccess(regionIndex: k)
            r.inhabitants = 1_000
            r.meanOpenM = Double(k)
            r.shareWithin = [1, 1, 1]
            var s = RegionSignal()
            // Every third region red, every third amber, the rest green; rank = reverse order.
            s.light = k % 3 == 0 ? .red : (k % 3 == 1 ? .amber : .green)
            s.rank = n - k
            r.capacity.signal = s
            rows.append(r)
            names.append(Region(id: "R\(k)", name: "Region \(k)", geometry: .point(Coordinate(x: 0, y: 0))))
        }
        let result = AnalysisResult(parameters: AnalysisParameters(), points: [], road: nil, regions: rows, practices: [],
                                    capacity: nil, openPracticeCount: 0, totalInhabitants: Double(n) * 1_000,
                                    pointsOutsideRegions: 0, inhabitantsOutsideRegions: 0, pointsAssignedToNearbyRegion: 0,
                                    maxDistanceToNearbyRegionM: 0)
        return (result, names)
    }

    func testManyRegionsGiveTheMostUrgentAndCountsPerLight() {
        let (result, names) = result(regions: 100)
        let lines = RegionTable(result: result, names: names).lines(title: "Regions", total: nil)
        // 34 red (0, 3, …, 99), 33 amber, 33 green, counted independently of the table code.
        XCTAssertEqual(lines[0], "Regions (100; 34 red, 33 amber, 33 green), the 25 most urgent; all in regions.csv:")
        let body = lines.dropFirst(2).filter { $0.hasPrefix("Region ") }
        XCTAssertEqual(body.count, 25)
        XCTAssertTrue(body[0].hasPrefix("Region 99 "), "rank 1 first: \(body[0])")
        XCTAssertTrue(body[24].hasPrefix("Region 75 "), body[24])
        XCTAssertEqual(lines.last, "  … 75 more regions in regions.csv")
    }

    func testFewRegionsAreAllListedByRank() {
        let (result, names) = result(regions: 5)
        let lines = RegionTable(result: result, names: names).lines(title: "Regions", total: nil)
        XCTAssertEqual(lines[0], "Regions (5; 2 red, 2 amber, 1 green):")
        XCTAssertEqual(lines.dropFirst(2).map { String($0.prefix(8)) }, ["Region 4", "Region 3", "Region 2", "Region 1", "Region 0"])
        XCTAssertTrue(lines[2].contains(" amber ") && lines[2].hasSuffix("1  -"), lines[2])
    }
}
