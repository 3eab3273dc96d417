import Foundation
import XCTest

/// viewer.html and report.html opened in headless Chromium: no script errors,
/// and the expected layers, toggles and table rows exist after the scripts ran.
final class HTMLPageTests: XCTestCase {
    private func folder() throws -> String { try RenderedFolder.shared.get().folder }

    private func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    private func assertNoScriptErrors(_ page: (dom: String, log: String), _ name: String) {
        XCTAssertFalse(page.dom.contains("data-js-error=\"yes\""), "\(name): a script error was recorded in the page")
        XCTAssertFalse(page.log.contains("Uncaught"), "\(name): console shows an uncaught error:\n\(page.log)")
    }

    func testViewerLoadsWithoutErrorsAndShowsLayersAndTable() throws {
        let page = try HeadlessChromium.dumpDOM(try folder() + "/viewer.html")
        assertNoScriptErrors(page, "viewer.html")
        XCTAssertTrue(page.dom.contains("data-ready=\"yes\""), "viewer script did not finish")
        for layer in ["regions", "population", "practices", "catchments", "sites"] {
            XCTAssertTrue(page.dom.contains("id=\"toggle-\(layer)\""), "no toggle for \(layer)")
        }
        XCTAssertEqual(occurrences("data-layer=\"regions\"", in: page.dom), 12 + 1, "12 region shapes (+ the toggle)")
        XCTAssertEqual(occurrences("data-layer=\"practices\"", in: page.dom), 129 + 1)
        XCTAssertEqual(occurrences("data-layer=\"population\"", in: page.dom), 0 + 1, "population (off at first) is not built at load")
        XCTAssertEqual(occurrences("data-layer=\"catchments\"", in: page.dom), 2 + 1)
        XCTAssertEqual(occurrences("data-layer=\"sites\"", in: page.dom), 3 + 1)
        let table = try XCTUnwrap(page.dom.components(separatedBy: "id=\"region-table\"").last)
        XCTAssertEqual(occurrences("<tr data-index=", in: table), 12, "region table rows")
        XCTAssertTrue(page.dom.contains("class=\"legend-row\""), "legend not drawn")
        XCTAssertFalse(page.dom.contains("http://") && page.dom.contains("<script src"), "viewer must not load scripts from the network")
    }

    /// `?layers=` switches layers on and off at load; the population, off at
    /// first, is built when switched on.
    func testViewerLayersFromTheAddress() throws {
        let page = try HeadlessChromium.dumpDOM(try folder() + "/viewer.html", query: "layers=population,practices")
        assertNoScriptErrors(page, "viewer.html?layers=population,practices")
        XCTAssertTrue(page.dom.contains("data-ready=\"yes\""), "viewer script did not finish")
        XCTAssertEqual(occurrences("data-layer=\"population\"", in: page.dom), 5061 + 1)
        XCTAssertEqual(occurrences("data-layer=\"practices\"", in: page.dom), 129 + 1)
        XCTAssertEqual(occurrences("data-layer=\"regions\"", in: page.dom), 12 + 1, "regions are built though switched off")
        XCTAssertTrue(page.dom.contains("<g id=\"g-regions\" style=\"display: none;\""), "regions hidden")
        XCTAssertTrue(page.dom.contains("<g id=\"g-population\" style=\"\""), "population shown")
    }

    func testReportLoadsWithMapsAndRankedRegions() throws {
        let page = try HeadlessChromium.dumpDOM(try folder() + "/report.html")
        assertNoScriptErrors(page, "report.html")
        for id in ["figure-regions-flagged", "figure-population-distance", "figure-practices-status", "figure-sites", "ranked-regions", "thresholds", "sites"] {
            XCTAssertTrue(page.dom.contains("id=\"\(id)\""), "report has no #\(id)")
        }
        let ranked = try XCTUnwrap(page.dom.components(separatedBy: "id=\"ranked-regions\"").last?.components(separatedBy: "</table>").first)
        XCTAssertEqual(occurrences("<tr class=", in: ranked), 12)
        XCTAssertTrue(page.dom.contains("SYNTHETIC"))
        XCTAssertTrue(page.dom.contains("@media print"))
    }

    /// Screenshots for a person to look at; the test only checks they were taken.
    func testScreenshotsAreTaken() throws {
        let dir = NSTemporaryDirectory() + "bereik-screenshots"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for page in ["viewer", "report"] {
            let png = "\(dir)/\(page).png"
            try? FileManager.default.removeItem(atPath: png)
            try HeadlessChromium.screenshot(try folder() + "/\(page).html", to: png)
            let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 20_000, "\(page) screenshot looks empty")
            print("screenshot: \(png)")
        }
    }
}
