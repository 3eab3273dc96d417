import XCTest
import Geo
@testable import Access

/// The CBS PC4 figures of Drenthe written the way a Dutch spreadsheet writes
/// them must give the province's real total.
final class DutchPC4Tests: XCTestCase {
    /// PROVENANCE.md: the sum of `aantal_inwoners` over Drenthe's 260 PC4s is 501,975.
    static let drentheInhabitants = 501_975.0

    func testDutchFormattedPC4CSVGivesTheProvinceTotal() throws {
        let folder = try SharedData.folder("drenthe")
        let f = try Fixtures()
        // Rewrite the shared CSV (English numbers) the Dutch way: semicolons,
        // thousands dots, decimal-comma coordinates.
        let text = try String(contentsOfFile: folder + "/pc4_population_points_drenthe.csv", encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let pc4 = header.firstIndex(of: "pc4")!, lon = header.firstIndex(of: "centroid_lon")!,
            lat = header.firstIndex(of: "centroid_lat")!, inw = header.firstIndex(of: "aantal_inwoners")!
        func dutch(_ s: String) -> String {
            guard let v = Double(s) else { return "" }
            let digits = String(Int(v.rounded()))
            var out = ""
            for (i, c) in digits.reversed().enumerated() { if i > 0 && i % 3 == 0 { out.append(".") }; out.append(c) }
            return String(out.reversed())
        }
        var csv = "postcode4;lengtegraad;breedtegraad;aantal_inwoners\n"
        var expected = 0.0, dotted = 0
        for line in lines {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let n = dutch(c[inw])
            if n.contains(".") { dotted += 1 }
            expected += Double(c[inw]) ?? 0
            csv += "\(c[pc4]);\(c[lon].replacingOccurrences(of: ".", with: ","));\(c[lat].replacingOccurrences(of: ".", with: ","));\(n)\n"
        }
        XCTAssertEqual(expected, Self.drentheInhabitants, "the published total of the shared data")
        XCTAssertGreaterThan(dotted, 100, "the fixture really has thousands dots")
        let path = try f.write("pc4_nl.csv", csv)
        let (points, report) = try PopulationReader.read(path: path, options: InputOptions())
        XCTAssertEqual(points.map(\.inhabitants).reduce(0, +), Self.drentheInhabitants)
        XCTAssertTrue(report.numberFormats?["aantal_inwoners"]?.contains("thousands") ?? false, "\(String(describing: report.numberFormats))")
        XCTAssertTrue(report.numberFormats?["lengtegraad"]?.contains("decimal comma") ?? false)
        XCTAssertTrue(points.allSatisfy { CRSDetection.netherlandsRD.contains($0.location) })
    }
}
