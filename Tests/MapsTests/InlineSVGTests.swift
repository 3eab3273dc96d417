import Foundation
import XCTest
@testable import Maps

/// The report's inlined SVG (searched and replaced on bytes) against
/// Foundation's literal string replacement of the same steps.
final class InlineSVGTests: XCTestCase {
    func foundationInline(_ svg: String) -> String {
        var body = svg
        if let end = body.range(of: "?>\n", options: .literal) { body = String(body[end.upperBound...]) }
        let id = body.range(of: "id=\"", options: .literal).flatMap { r in
            body[r.upperBound...].firstIndex(of: "\"").map { String(body[r.upperBound..<$0]) }
        } ?? "map"
        for name in ["designation-hatch", "map-clip"] {
            body = body.replacingOccurrences(of: "id=\"\(name)\"", with: "id=\"\(id)-\(name)\"", options: .literal)
                .replacingOccurrences(of: "url(#\(name))", with: "url(#\(id)-\(name))", options: .literal)
        }
        return body
    }

    func testBytesGiveFoundationsResult() {
        let shapes = (0..<300).map { i in
            i % 7 == 0 ? "<path d=\"M0 0\" fill=\"url(#designation-hatch)\" clip-path=\"url(#map-clip)\"/>"
                : "<text x=\"\(i)\">Gemeente Súdwest-Fryslân \(i) ?> id=\"x\"</text>"
        }.joined(separator: "\n")
        let cases = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg id=\"population-distance\" xmlns=\"http://www.w3.org/2000/svg\"><defs><pattern id=\"designation-hatch\"/><clipPath id=\"map-clip\"/></defs>\n\(shapes)</svg>\n",
            "<svg><g id=\"designation-hatch\"/>url(#map-clip)url(#map-clip)</svg>",   // the first id is the hatch itself
            "<svg>no ids at all: url(#map-clip)</svg>",
            "",
        ]
        for svg in cases {
            XCTAssertEqual(ReportPage.inlineSVG(svg), foundationInline(svg))
        }
        XCTAssertTrue(ReportPage.inlineSVG(cases[0]).contains("url(#population-distance-map-clip)"))
        XCTAssertTrue(ReportPage.inlineSVG(cases[2]).contains("url(#map-map-clip)"))
    }
}
