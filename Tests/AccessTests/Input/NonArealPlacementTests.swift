import XCTest
import Geo
@testable import Access

/// A practice or population feature that is a line: placed at its point on
/// surface with a warning, refused under --strict.
final class NonArealPlacementTests: XCTestCase {
    /// A practice drawn as a line (100000 → 101000 → 104000, y 500000):
    /// its length-weighted centroid is x 102000, and the point on surface
    /// of a line is its interior vertex nearest that: (101000, 500000).
    func testPracticeAsALineIsPlacedWithAWarningAndRefusedUnderStrict() throws {
        let f = try Fixtures()
        let path = try f.write("gp.geojson", #"""
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
        {"type":"Feature","properties":{"id":"L","status":"open"},"geometry":{"type":"LineString","coordinates":[[100000,500000],[101000,500000],[104000,500000]]}},
        {"type":"Feature","properties":{"id":"P","status":"open"},"geometry":{"type":"Point","coordinates":[90000,500000]}},
        {"type":"Feature","properties":{"id":"M","status":"open"},"geometry":{"type":"MultiPoint","coordinates":[[95000,500000],[95000,500000]]}}]}
        """#)
        let (practices, report) = try PracticeReader.read(path: path, options: InputOptions())
        let line = try XCTUnwrap(practices.first { $0.id == "L" })
        XCTAssertEqual(line.location.x, 101_000, accuracy: 1e-6)
        XCTAssertEqual(line.location.y, 500_000, accuracy: 1e-6)
        XCTAssertTrue(report.warnings.contains { $0.contains("1 features are not points or polygons (1 LineString)") }, "\(report.warnings)")
        XCTAssertTrue(report.examples.contains { $0.hasPrefix("feature 1: a LineString") }, "\(report.examples)")
        var strict = InputOptions()
        strict.strict = true
        assertInputError(try PracticeReader.read(path: path, options: strict), contains: ["gp.geojson", "feature 1", "LineString", "expected a point or a polygon"])
    }

    /// A housing site drawn as a line is judged at one point, not as an area:
    /// said, and refused under --strict; a polygon site and a point site are not.
    func testSiteAsALineIsSaidAndRefusedUnderStrict() throws {
        let f = try Fixtures()
        let path = try f.write("sites.geojson", #"""
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
        {"type":"Feature","properties":{"naam":"Punt","woningen":10},"geometry":{"type":"Point","coordinates":[100000,500000]}},
        {"type":"Feature","properties":{"naam":"Lijn","woningen":20},"geometry":{"type":"LineString","coordinates":[[100000,500000],[101000,500000]]}},
        {"type":"Feature","properties":{"naam":"Vlak","woningen":30},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]]]}}]}
        """#)
        let (sites, report) = try SiteReader.read(path: path, homesField: nil)
        XCTAssertEqual(sites.count, 3)
        XCTAssertTrue(report.warnings.contains { $0.contains("1 sites are not points or polygons (features 2 (LineString))") }, "\(report.warnings)")
        assertInputError(try SiteReader.read(path: path, homesField: nil, strict: true), contains: ["sites.geojson", "feature 2", "LineString"])
    }

    /// Plan candidates: run.json gets the reader's own report (a GeoJSON
    /// without a crs member is WGS84 from the file, not the EPSG:28992 it
    /// claimed), a line is said, an id twice is refused.
    func testPlanCandidatesReportTheirCRSLinesAndRepeatedIDs() throws {
        let f = try Fixtures()
        let path = try f.write("cand.geojson", #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"c1"},"geometry":{"type":"Point","coordinates":[6.56,52.99]}},
        {"type":"Feature","properties":{"id":"c2"},"geometry":{"type":"LineString","coordinates":[[6.55,52.99],[6.60,52.99]]}}]}
        """#)
        let (candidates, report) = try PlanJob.readCandidates(path, layer: nil, input: InputOptions())
        XCTAssertEqual(candidates.map(\.id), ["c1", "c2"])
        XCTAssertEqual(report.crs, "WGS 84 (EPSG:4326)")
        XCTAssertEqual(report.crsSource, "file")
        XCTAssertTrue(report.warnings.contains { $0.contains("1 candidates are not points or polygons (features 2 (LineString))") }, "\(report.warnings)")
        let twice = try f.write("twice.geojson", #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"c1"},"geometry":{"type":"Point","coordinates":[6.56,52.99]}},
        {"type":"Feature","properties":{"id":"c1"},"geometry":{"type":"Point","coordinates":[6.57,52.99]}}]}
        """#)
        assertInputError(try PlanJob.readCandidates(twice, layer: nil, input: InputOptions()), contains: ["twice.geojson", "'c1'", "features 1, 2"])
    }
}
