import Foundation
import XCTest
@testable import Maps
@testable import Access

/// The trend charts from a hand-written trend.csv: three regions and the
/// total on four dates; only B is flagged, on one date.
final class TrendChartTests: XCTestCase {
    static let header = "region_id,name,date,inhabitants,practices,open_practices,partial_with_area_practices,taking_new_patients,distance_basis,mean_m,p90_m,share_within_1km,share_within_3km,share_within_5km,access_share,inhabitants_beyond_flag_km,flagged,light,suppressed,practices_from_history"

    func csv() -> String {
        var lines = [Self.header]
        let dates = ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"]
        let shares: [(String, String, [Double], [Bool])] = [
            ("A", "Alpha", [0.98, 0.97, 0.97, 0.96], [false, false, false, false]),
            ("B", "Beta, \"the village\"", [0.95, 0.93, 0.85, 0.88], [false, false, true, false]),
            ("C", "Gamma", [0.99, 0.99, 0.99, 0.99], [false, false, false, false]),
            ("total", "Study area total (the regions together)", [0.97, 0.96, 0.93, 0.94], [false, false, false, false]),
        ]
        for (id, name, values, flags) in shares {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for (k, d) in dates.enumerated() {
                lines.append("\(id),\(quoted),\(d),1000,3,\(2 - (k > 1 ? 1 : 0)),1,\(3 - (k > 1 ? 1 : 0)),road,1500.5,3000,0.3,0.7,\(values[k]),\(values[k]),\(Int((1 - values[k]) * 1000)),\(flags[k] ? 1 : 0),green,0,2")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func folder(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "bereik-trend-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/trend.csv", atomically: true, encoding: .utf8)
        return dir
    }

    func testChartsAreValidSVGWithOneLinePerRegionAndReadableAxes() throws {
        let dir = try folder(csv())
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try MapRenderer.renderAll(outputFolder: dir, png: false)
        XCTAssertEqual(Set(outcome.files), ["maps/trend_overview.svg", "maps/trend_B.svg", "report.html", "report.md"],
                       "an overview and one chart for the only region flagged on some date")
        let overview = try String(contentsOfFile: dir + "/maps/trend_overview.svg", encoding: .utf8)
        let probe = SVGDocumentProbe(svg: overview)
        XCTAssertNil(probe.parseError)
        XCTAssertEqual(overview.components(separatedBy: "class=\"series\"").count - 1, 4, "three regions and the total")
        for id in ["A", "B", "C", "total"] {
            let d = try XCTUnwrap(lineData(overview, series: id), id)
            XCTAssertEqual(d.filter { $0 == "L" }.count, 3, "four dates, one line: \(d)")
        }
        // Date labels: one per date here (they fit), never closer than 64 units.
        let xs = labelXs(overview, cls: "date-label")
        XCTAssertEqual(xs.count, 4)
        XCTAssertTrue(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= 64 }, "\(xs)")
        XCTAssertTrue(overview.contains(">Beta, &quot;the village&quot;: 95.0 → 88.0 %</text>"), "legend: name, first and last share")
        // The total's legend sample is drawn as wide as its line (else it
        // reads as one more thin region line).
        let totalSeries = try XCTUnwrap(overview.range(of: #"<path[^>]*data-series="total"[^>]*>"#, options: .regularExpression).map { String(overview[$0]) })
        let totalWidth = try XCTUnwrap(totalSeries.range(of: #"stroke-width="[0-9.]+""#, options: .regularExpression).map { String(totalSeries[$0]) })
        let samples = overview.components(separatedBy: "<line ").dropFirst().map { $0.prefix { $0 != ">" } }
        XCTAssertTrue(samples.contains { $0.contains("stroke=\"#333333\"") && $0.contains(totalWidth) }, "legend sample of the total: \(totalWidth)")

        let b = try String(contentsOfFile: dir + "/maps/trend_B.svg", encoding: .utf8)
        XCTAssertNil(SVGDocumentProbe(svg: b).parseError)
        XCTAssertEqual(b.components(separatedBy: "class=\"series\"").count - 1, 2, "the region and the total for comparison")
        XCTAssertEqual(b.components(separatedBy: "fill=\"\(Palette.vermillion)\" stroke=\"\(Palette.blue)\"").count - 1, 1, "one flagged date marked")
        XCTAssertEqual(labelXs(b, cls: "value-label").count, 4, "every value labelled when they fit")
        // The count row under the axis: one label per labelled date, in date
        // order (it was drawn in a Set's hash order, so the bytes changed per run).
        let countRow = try XCTUnwrap(b.range(of: "<g id=\"count-row\">").flatMap { start in
            b.range(of: "</g>", range: start.upperBound..<b.endIndex).map { String(b[start.upperBound..<$0.lowerBound]) }
        })
        let countXs = countRow.components(separatedBy: "<text x=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(countXs.count, 5, "the row's name and one count per date: \(countRow)")
        XCTAssertEqual(Array(countXs.dropFirst()), labelXs(b, cls: "date-label"), "counts under their dates, left to right")

        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        let table = try XCTUnwrap(html.range(of: "<table id=\"trend-changes\">").map { String(html[$0.lowerBound...]) })
        let firstRow = try XCTUnwrap(table.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tr>").first)
        XCTAssertTrue(firstRow.contains("Beta"), "the largest fall (B: −7 points) first: \(firstRow)")
        XCTAssertTrue(firstRow.contains("−7.0 pp") || firstRow.contains("-7.0 pp"), firstRow)
        XCTAssertTrue(html.contains("<figure class=\"chart\" id=\"figure-trend_B\">"))
    }

    func testDutchExcelDialectReadsTheSameValues() throws {
        let text = csv().split(separator: "\n").map { line -> String in
            // Semicolons between cells, decimal commas in numbers, a byte order mark.
            CSVTableReader.split(String(line), separator: ",").map { cell in
                let quoted = cell.contains(",") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
                return Double(cell) != nil && cell.contains(".") ? cell.replacingOccurrences(of: ".", with: ",") : quoted
            }.joined(separator: ";")
        }.joined(separator: "\r\n")
        let plain = try TrendSeries.read(try folder(csv()) + "/trend.csv", totalIDs: ["total"])
        let dutch = try TrendSeries.read(try folder("\u{FEFF}" + text) + "/trend.csv", totalIDs: ["total"])
        XCTAssertEqual(dutch.regions.map(\.name), plain.regions.map(\.name))
        XCTAssertEqual(dutch.regions.flatMap { $0.points.map { $0.number(TrendColumn.accessShare) } }, plain.regions.flatMap { $0.points.map { $0.number(TrendColumn.accessShare) } })
        XCTAssertEqual(dutch.total?.id, "total")
    }

    func lineData(_ svg: String, series: String) -> String? {
        guard let r = svg.range(of: "data-series=\"\(series)\" d=\"") else { return nil }
        return String(svg[r.upperBound...].prefix { $0 != "\"" })
    }

    func labelXs(_ svg: String, cls: String) -> [Double] {
        svg.components(separatedBy: "<text ").filter { $0.contains("class=\"\(cls)\"") }.compactMap { t in
            t.range(of: "x=\"").flatMap { Double(t[$0.upperBound...].prefix { $0 != "\"" }) }
        }
    }
}
