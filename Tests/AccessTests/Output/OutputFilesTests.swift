import Foundation
import XCTest
import Geo
@testable import Access

/// The files of a whole run on the embedded data: the streamed writers give
/// the bytes GDAL gave, bereik.gpkg holds every layer, and the CSV dialect
/// applies to every CSV.
final class OutputFilesTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "bereik-output-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    static var geoData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData").path
    }

    func job(_ out: String) -> AnalyzeJob {
        let d = Self.geoData
        var job = AnalyzeJob(populationPath: d + "/population.geojson", practicesPath: d + "/practices.geojson",
                             regionsPath: d + "/gemeenten.geojson", outputFolder: out)
        job.groupByPath = d + "/gemeenten.geojson"
        job.catchments = .voronoi
        return job
    }

    func testStreamedFilesAreTheBytesOGRWrites() throws {
        let out = folder + "/out"
        let outcome = try job(out).run()
        let tables = OutputTables(result: outcome.result, population: outcome.population, practices: outcome.practices, regions: outcome.regions)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        for (file, table, format) in [("population.geojson", tables.population, VectorFormat.geoJSON),
                                      ("practices.geojson", tables.practices, .geoJSON),
                                      ("regions.csv", tables.regions.withoutGeometry, .csv)] {
            let path = folder + "/ogr-" + file
            let writer = try VectorWriter(path: path, format: format)
            try table.write(into: writer, crs: format == .csv ? CoordinateTransformer.rdNew : CoordinateTransformer.wgs84,
                            transform: format == .csv ? nil : toWGS84)
            try writer.close()
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)), try Data(contentsOf: URL(fileURLWithPath: path)), file)
        }
    }

    func testGeoPackageHoldsEveryLayerOfTheGeoJSONOutputs() throws {
        let out = folder + "/out"
        var j = job(out)
        j.geoPackage = true
        let outcome = try j.run()
        XCTAssertTrue(outcome.files.contains("bereik.gpkg"))
        let gpkg = try VectorSource(path: out + "/bereik.gpkg")
        let geojson = outcome.files.filter { $0.hasSuffix(".geojson") }.map { ($0 as NSString).deletingPathExtension }
        XCTAssertEqual(Set(geojson), ["population", "regions", "practices", "groups", "catchments"])
        XCTAssertEqual(Set(gpkg.layerNames), Set(geojson), "one GeoPackage layer per GeoJSON output")
        for name in geojson {
            let a = try gpkg.layer(named: name), b = try VectorSource(path: out + "/\(name).geojson").layer()
            var countA = 0, countB = 0
            try a.forEach(fields: []) { _, _, _, _ in countA += 1 }
            try b.forEach(fields: []) { _, _, _, _ in countB += 1 }
            XCTAssertEqual(countA, countB, name)
            XCTAssertGreaterThan(countA, 0, name)
            XCTAssertEqual(a.fields.map(\.name), b.fields.map(\.name), name)
            XCTAssertEqual(a.crs, "EPSG:28992", name)
        }
    }

    func testFlatGeobufFilesPerLayer() throws {
        let out = folder + "/out"
        var j = job(out)
        j.flatGeobuf = true
        let outcome = try j.run()
        for name in ["population", "regions", "practices", "groups", "catchments"] {
            XCTAssertTrue(outcome.files.contains(name + ".fgb"), name)
            let layer = try VectorSource(path: out + "/\(name).fgb").layer()
            var n = 0
            try layer.forEach(fields: []) { _, _, _, _ in n += 1 }
            var withGeometry = 0
            try VectorSource(path: out + "/\(name).geojson").layer().forEach(fields: []) { _, _, _, g in
                if (try? g.get()) != nil { withGeometry += 1 }
            }
            XCTAssertEqual(n, withGeometry, "\(name): every feature with a geometry (FlatGeobuf cannot hold the others)")
            XCTAssertGreaterThan(n, 0, name)
        }
    }

    func testExcelDialectAppliesToEveryCSVOfTheRun() throws {
        let out = folder + "/out"
        var j = job(out)
        j.csvDialect = .excelNL
        let outcome = try j.run()
        let csvs = outcome.files.filter { $0.hasSuffix(".csv") }
        XCTAssertEqual(Set(csvs), ["regions.csv", "groups.csv"])
        for file in csvs {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
            XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], file)
            let lines = StreamWriterTests.parseDutchCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
            let header = lines[0]
            XCTAssertTrue(header.contains("mean_open_m"), file)
            let column = header.firstIndex(of: "mean_open_m")!
            let row = lines[1]
            XCTAssertEqual(row.count, header.count, "\(file): a cell per column")
            let value = row[column]
            XCTAssertFalse(value.contains("."), "\(file): decimal comma, found \(value)")
            let expected = outcome.result.regions[0].meanOpenM.map { ($0 * 10).rounded() / 10 }
            XCTAssertEqual(Double(value.replacingOccurrences(of: ",", with: ".")), expected, file)
        }
    }
}
