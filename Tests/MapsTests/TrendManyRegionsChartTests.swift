import Foundation
import XCTest
@testable import Maps
@testable import Access

/// The trend charts with hundreds of regions (every municipality of the
/// country): the overview draws the spread across regions and at most
/// `TrendCharts.flaggedCap` flagged regions, so its size does not grow with
/// the number of regions, and its legend rows do not collide.
final class TrendManyRegionsChartTests: XCTestCase {
    /// `regions` regions on 21 monthly dates; every 8th region falls below
    /// 80 % and is flagged from the 11th date on (a different depth each).
    static func csv(regions: Int) -> String {
        var lines = [TrendChartTests.header]
        let dates = (0..<21).map { k in String(format: "%04d-%02d-01", 2025 + k / 12, k % 12 + 1) }
        for r in 0..<regions + 1 {
            let total = r == regions
            let id = total ? "total" : String(format: "GM%04d", r)
            let name = total ? "Study area total" : "Gemeente nummer \(r) aan de lange rivier"
            for (k, d) in dates.enumerated() {
                let falls = !total && r % 8 == 0 && k >= 10
                let share = total ? 0.93 : 0.85 + Double((r * 37) % 140) / 1000 - (falls ? 0.10 + Double(r % 40) / 1000 : 0)
                lines.append("\(id),\"\(name)\",\(d),1000,3,2,1,3,straight,1500,3000,0.3,0.7,\(share),\(share),\(Int((1 - share) * 1000)),\(falls ? 1 : 0),green,0,2")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(regions: Int) throws -> (dir: String, outcome: MapRenderer.Outcome) {
        let dir = NSTemporaryDirectory() + "bereik-trend-many-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.csv(regions: regions).write(toFile: dir + "/trend.csv", atomically: true, encoding: .utf8)
        return (dir, try MapRenderer.renderAll(outputFolder: dir, png: false))
    }

    func elements(_ svg: String) -> Int { svg.components(separatedBy: "<").count - 1 }

    func testOverviewStaysBoundedAndReadable() throws {
        let (dir, outcome) = try render(regions: 320)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cap = TrendCharts.flaggedCap
        // 40 regions flagged; charts for the cap only.
        XCTAssertEqual(outcome.files.filter { $0.hasPrefix("maps/trend_GM") }.count, cap)
        let overview = try String(contentsOfFile: dir + "/maps/trend_overview.svg", encoding: .utf8)
        XCTAssertNil(SVGDocumentProbe(svg: overview).parseError)
        XCTAssertEqual(overview.components(separatedBy: "class=\"series\"").count - 1, cap + 2, "the flagged cap, the median and the total")
        XCTAssertEqual(overview.components(separatedBy: "class=\"band\"").count - 1, 1, "one p10–p90 band")
        // The worst on the last date first: region 312 falls deepest of the flagged (share lowest), then the others.
        let flaggedLines = overview.components(separatedBy: "data-series=\"GM").dropFirst().map { String($0.prefix(4)) }
        XCTAssertEqual(flaggedLines.count, cap)
        let lastShare = { (r: Int) -> Double in 0.85 + Double((r * 37) % 140) / 1000 - 0.10 - Double(r % 40) / 1000 }
        let expected = stride(from: 0, to: 320, by: 8).sorted { (lastShare($0), $0) < (lastShare($1), $1) }.prefix(cap).map { String(format: "%04d", $0) }
        XCTAssertEqual(flaggedLines, Array(expected))

        // Bounded: the same number of elements with three times as many regions.
        let (dir2, _) = try render(regions: 960)
        defer { try? FileManager.default.removeItem(atPath: dir2) }
        let overview2 = try String(contentsOfFile: dir2 + "/maps/trend_overview.svg", encoding: .utf8)
        XCTAssertEqual(elements(overview2), elements(overview))
        XCTAssertLessThan(elements(overview), 300)

        // Legend rows: none closer than a line of 12-unit text, none beyond the page.
        let legend = try XCTUnwrap(overview.components(separatedBy: "id=\"legend\"").dropFirst().first?.components(separatedBy: "</g>").first)
        let rows = legend.components(separatedBy: "<text ").dropFirst().compactMap { t -> (x: Double, y: Double, text: String)? in
            guard let x = t.range(of: "x=\"").flatMap({ Double(t[$0.upperBound...].prefix { $0 != "\"" }) }),
                  let y = t.range(of: "y=\"").flatMap({ Double(t[$0.upperBound...].prefix { $0 != "\"" }) }),
                  let text = t.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first else { return nil }
            return (x, y, String(text))
        }
        XCTAssertGreaterThan(rows.count, cap)
        let legendText = rows.map(\.text).joined(separator: " ")
        XCTAssertTrue(legendText.contains("Flagged regions: \(cap) of 40 drawn (at most \(cap), lowest last first)"), "the cap in the legend: \(legendText)")
        let ys = rows.map(\.y).sorted()
        XCTAssertTrue(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 14 }, "\(ys)")
        for r in rows {
            // 12-unit sans-serif: at most about 0.6 units per character.
            XCTAssertLessThanOrEqual(r.x + Double(r.text.count) * 12 * 0.6, MapDocument.pageWidth + 1, r.text)
        }

        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("\(cap) of the 40 regions flagged on some date have a chart of their own (at most \(cap)"), "the cap in the report")
    }

    /// Percentiles against values worked out by hand (numpy's default, type 7).
    func testSpreadPercentiles() {
        let v = (1...10).map(Double.init)
        XCTAssertEqual(TrendSpread.percentile(v, 0.1)!, 1.9, accuracy: 1e-12)
        XCTAssertEqual(TrendSpread.percentile(v, 0.5)!, 5.5, accuracy: 1e-12)
        XCTAssertEqual(TrendSpread.percentile(v, 0.9)!, 9.1, accuracy: 1e-12)
        XCTAssertEqual(TrendSpread.percentile([4], 0.9), 4)
        XCTAssertNil(TrendSpread.percentile([], 0.5))
    }
}
