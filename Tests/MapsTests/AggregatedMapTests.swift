import Access
import Foundation
import Geo
import XCTest
@testable import Maps

/// A run with 200,000 population points: above 20,000 the maps and the
/// viewer draw 500 m squares, so their size does not follow the points.
final class AggregatedMapTests: XCTestCase {
    static let folder = NSTemporaryDirectory() + "bereik-aggregated-maps-\(ProcessInfo.processInfo.processIdentifier)"
    static let shared = Result<[String], Error> { try make() }

    static func make() throws -> [String] {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let data = RenderedFolder.repositoryRoot + "/GeoData/"
        // 200,000 points spread over the embedded province, 3 inhabitants each, in lon/lat.
        var rng = SplitMix64(seed: 12)
        var csv = "id,lon,lat,inhabitants\n"
        csv.reserveCapacity(200_000 * 40)
        for i in 0..<200_000 {
            csv += "N\(i),\(String(format: "%.6f", 6.2 + rng.unit() * 0.75)),\(String(format: "%.6f", 52.65 + rng.unit() * 0.5)),3\n"
        }
        try csv.write(toFile: folder + "/points.csv", atomically: true, encoding: .utf8)
        var job = AnalyzeJob(populationPath: folder + "/points.csv", practicesPath: data + "practices.geojson",
                             regionsPath: data + "gemeenten.geojson", outputFolder: folder + "/out")
        job.writeCatchments = false
        _ = try job.run()
        return try MapRenderer.renderAll(outputFolder: folder + "/out", png: false).files
    }

    override class func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func testMapsDrawSquaresAndSayWhy() throws {
        let files = try Self.shared.get()
        let out = Self.folder + "/out"
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/population_cells.geojson"))
        // 0.75° × 0.5° there is about 51 × 56 km: at most 104 × 114 squares of 500 m, whatever the number of points.
        let cells = try CLIFreeJSON.features(out + "/population_cells.geojson")
        XCTAssertLessThanOrEqual(cells.count, 104 * 114)
        XCTAssertGreaterThan(cells.count, 10_000)
        let points = cells.reduce(0) { $0 + (($1["properties"] as! [String: Any])["points"] as! Int) }
        XCTAssertEqual(points, 200_000, "every point is in one square")

        let svg = try String(contentsOfFile: out + "/maps/population-distance.svg", encoding: .utf8)
        XCTAssertLessThan(svg.utf8.count, 3_000_000, "the map stays small")
        // Every square drawn, as one subpath of its colour's path (a path per colour, not per square).
        let group = try ScenarioMapsTests.group("layer-population", in: out + "/maps/population-distance.svg")
        let paths = group.components(separatedBy: "<path ").dropFirst()
        XCTAssertLessThanOrEqual(paths.count, ClassBreaks.distanceKm.colours.count + 1, "one path per colour")
        XCTAssertEqual(Set(paths.map { $0.components(separatedBy: "fill=\"")[1].prefix(while: { $0 != "\"" }) }).count, paths.count,
                       "no colour twice")
        XCTAssertEqual(paths.reduce(0) { $0 + $1.filter { $0 == "M" }.count }, cells.count, "a subpath per square")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1 < 1_000, true, "no dot per point")
        // The legend's text lines joined: titles wrap over several <text> elements.
        let words = svg.components(separatedBy: "<text").dropFirst().compactMap { $0.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</text").first }.joined(separator: " ")
        XCTAssertTrue(words.contains("200,000 population points drawn as"), "the legend says the points were aggregated")
        XCTAssertTrue(words.contains("(more than 20,000 points)"), "the legend names the threshold")
        XCTAssertTrue(words.contains("squares of 500 m"), "the legend names the square size")
        XCTAssertTrue(words.contains("population-weighted mean"), "the legend names the method")
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let counts = run["counts"] as! [String: Double]
        XCTAssertEqual(counts["population_cells_above_points"], 20_000, "run.json names the threshold")
        XCTAssertEqual(counts["population_cell_size_m"], 500)
        XCTAssertEqual(counts["population_cells"], Double(cells.count))
        XCTAssertTrue((run["warnings"] as! [String]).contains { $0.contains("200000 population points are more than 20000") })
        XCTAssertTrue(files.contains("viewer.html"))
        let viewer = try String(contentsOfFile: out + "/viewer.html", encoding: .utf8)
        XCTAssertLessThan(viewer.utf8.count, 4_000_000, "the viewer stays small")
        XCTAssertTrue(viewer.contains("Population (500 m squares)"))
    }

    /// Above the threshold the maps are drawn while population.geojson is
    /// written, from the squares in memory (`whileWritingPoints`): every file
    /// the same bytes as maps drawn afterwards from the files.
    func testMapsDrawnWhileWritingAreTheSame() throws {
        _ = try Self.shared.get()
        let data = RenderedFolder.repositoryRoot + "/GeoData/"
        let out = Self.folder + "/beside"
        var job = AnalyzeJob(populationPath: Self.folder + "/points.csv", practicesPath: data + "practices.geojson",
                             regionsPath: data + "gemeenten.geojson", outputFolder: out)
        job.writeCatchments = false
        var drawnWhileWriting = false
        _ = try job.run(whileWritingPoints: { known in
            XCTAssertEqual(Set(known.keys), ["population_cells.geojson"], "the squares come from memory")
            drawnWhileWriting = true
            try MapRenderer.renderAll(outputFolder: out, png: false, known: known)
        })
        XCTAssertTrue(drawnWhileWriting)
        let first = Self.folder + "/out"
        let names = try FileManager.default.subpathsOfDirectory(atPath: first).sorted()
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: out).sorted(), names)
        XCTAssertTrue(names.contains("maps/population-distance.svg"))
        for name in names where !["run.json", "report.html", "report.md"].contains(name) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: first + "/" + name, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            XCTAssertEqual(FileManager.default.contents(atPath: first + "/" + name), FileManager.default.contents(atPath: out + "/" + name), name)
        }
        // run.json: the same apart from the start time and the timings.
        func run(_ folder: String) throws -> RunReport {
            var r = try XCTUnwrap(OutputFolderReader.readRun(folder))
            r.startedAt = ""
            r.timingsSeconds = [:]
            r.command = []
            return r
        }
        XCTAssertEqual(try run(first).encoded(), try run(out).encoded())
    }

    /// The square values checked against a brute-force recomputation from population.geojson.
    func testSquareMeansArePopulationWeighted() throws {
        _ = try Self.shared.get()
        let out = Self.folder + "/out"
        var sums: [String: (Double, Double, Int)] = [:]
        // Points back in RD New through the same cell rule, from the CSV written above.
        let text = try String(contentsOfFile: Self.folder + "/points.csv", encoding: .utf8)
        let pop = try CLIFreeJSON.features(out + "/population.geojson")
        var distance: [String: Double] = [:]
        for f in pop {
            let p = f["properties"] as! [String: Any]
            distance[p["id"] as! String] = p["nearest_open_practice_m"] as? Double
        }
        let toRD = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        for line in text.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",")
            let rd = try toRD.transform(Coordinate(x: Double(c[1])!, y: Double(c[2])!))
            let x = rd.x, y = rd.y
            let key = "E\(String(format: "%04d", Int((x / 500).rounded(.down)) * 5))N\(String(format: "%04d", Int((y / 500).rounded(.down)) * 5))"
            let d = distance[String(c[0])]!
            let s = sums[key] ?? (0, 0, 0)
            sums[key] = (s.0 + 3 * d, s.1 + 3, s.2 + 1)
        }
        let cells = try CLIFreeJSON.features(out + "/population_cells.geojson")
        XCTAssertEqual(cells.count, sums.count)
        for f in cells.prefix(2_000) {
            let p = f["properties"] as! [String: Any]
            let s = sums[p["cell_id"] as! String]!
            XCTAssertEqual(p["points"] as! Int, s.2)
            XCTAssertEqual(p["inhabitants"] as! Double, s.1, accuracy: 1e-9)
            // Distances in population.geojson carry one decimal, so the mean may differ by 0.05 m and its own rounding.
            XCTAssertEqual(p["mean_open_m"] as! Double, s.0 / s.1, accuracy: 0.11)
        }
    }
}

/// Reads a GeoJSON file's features with Foundation only.
enum CLIFreeJSON {
    static func features(_ path: String) throws -> [[String: Any]] {
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return doc["features"] as! [[String: Any]]
    }
}
