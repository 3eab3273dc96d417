import XCTest
import Geo
@testable import Access

/// The study-area total row is the regions together: points and practices
/// outside every region stay out of it and are said.
final class StudyAreaTotalTests: XCTestCase {
    /// The study-area total is the regions together: a practice far outside
    /// (C, 5 FTE, 46 km east) serves no one here and adds nothing to it — the
    /// total's FTE is A's 1, as the region's; C is named in a warning.
    func testPracticesOutsideEveryRegionStayOutOfTheTotalAndAreSaid() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(100_000, 500_100, ["id": "p", "inwoners": 100])])
        let gp = try f.rdPoints("gp.geojson", [(100_000, 500_000, ["id": "A", "status": "open", "fte": 1]),
                                               (150_000, 500_000, ["id": "C", "status": "open", "fte": 5])])
        let regions = try f.rdPolygons("r.geojson", [(Fixtures.square(99_000, 499_000, 6_000), ["code": "R", "naam": "R"])])
        let o = try AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: regions, outputFolder: f.folder + "/o").run()
        XCTAssertEqual(o.result.regions[0].gpFTE, 1)
        XCTAssertEqual(o.result.regionsTotal?.gpFTE, 1)
        XCTAssertEqual(o.result.regionsTotal?.practices, 1)
        XCTAssertTrue(o.report.warnings.contains { $0.hasPrefix("1 practices (e.g. 'C') lie in no region") }, "\(o.report.warnings)")
    }
}
