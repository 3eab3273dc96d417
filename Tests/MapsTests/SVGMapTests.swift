import Access
import Foundation
@testable import Maps
import XCTest

final class SVGMapTests: XCTestCase {
    private func rendered() throws -> (folder: String, files: [String]) { try RenderedFolder.shared.get() }

    private func svg(_ id: String) throws -> String {
        try String(contentsOfFile: try rendered().folder + "/maps/\(id).svg", encoding: .utf8)
    }

    func testEveryExpectedFileIsWrittenAndNoTemporaryFileRemains() throws {
        let (folder, files) = try rendered()
        for expected in ["maps/regions-flagged.svg", "maps/regions-mean-distance.svg", "maps/population-distance.svg",
                         "maps/practices-status.svg", "maps/sites.svg", "viewer.html", "report.html", "report.md"] {
            XCTAssertTrue(files.contains(expected), "\(expected) not reported")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + expected), "\(expected) not on disk")
        }
        let all = try FileManager.default.subpathsOfDirectory(atPath: folder)
        XCTAssertEqual(all.filter { $0.hasSuffix(".tmp") }, [])
    }

    func testEveryMapIsWellFormedAndCarriesItsFurniture() throws {
        for id in ["regions-flagged", "regions-mean-distance", "population-distance", "practices-status", "sites"] {
            let probe = SVGDocumentProbe(svg: try svg(id))
            XCTAssertNil(probe.parseError, "\(id).svg is not well-formed XML: \(String(describing: probe.parseError))")
            for part in ["title", "legend", "scale-bar", "north-arrow", "attribution", "map-area"] {
                XCTAssertTrue(probe.ids.contains(part), "\(id).svg has no #\(part)")
            }
            XCTAssertTrue(probe.textByID["title"]?.contains("SYNTHETIC") == true, "\(id): title does not say SYNTHETIC")
            XCTAssertTrue(probe.textByID["title"]?.contains("2026") == true || probe.textByID["title"]?.contains("run ") == true)
            XCTAssertTrue(probe.textByID["attribution"]?.contains("gemeenten.geojson") == true, "\(id): attribution lacks the input file")
            XCTAssertTrue(probe.textByID["legend"]?.contains("km") == true || probe.textByID["legend"]?.contains("FTE") == true
                          || probe.textByID["legend"]?.contains("flagged") == true || probe.textByID["legend"]?.contains("served") == true,
                          "\(id): legend without units or classes")
        }
    }

    func testLayersArePresentWhereExpected() throws {
        let population = SVGDocumentProbe(svg: try svg("population-distance"))
        XCTAssertTrue(population.ids.contains("layer-population"))
        XCTAssertGreaterThanOrEqual(population.elementCount["circle"] ?? 0, 5061)
        let practices = SVGDocumentProbe(svg: try svg("practices-status"))
        XCTAssertTrue(practices.ids.isSuperset(of: ["layer-practices", "layer-catchments"]))
        let flagged = SVGDocumentProbe(svg: try svg("regions-flagged"))
        XCTAssertTrue(flagged.ids.isSuperset(of: ["layer-regions", "layer-designations", "region-labels"]))
        let sites = SVGDocumentProbe(svg: try svg("sites"))
        XCTAssertTrue(sites.ids.contains("layer-sites"))
        XCTAssertTrue(sites.textByID["legend"]?.contains("not served") == true)
    }

    /// The bar must be as long on the page as its label says at the map's
    /// scale: map-area width / RD extent width (SVG units per metre).
    func testScaleBarLengthMatchesStatedKilometres() throws {
        for id in ["regions-flagged", "population-distance"] {
            let probe = SVGDocumentProbe(svg: try svg(id))
            let area = try XCTUnwrap(probe.attributesByID["map-area"])
            let extent = try XCTUnwrap(area["data-rd-extent"]).split(separator: " ").compactMap { Double($0) }
            XCTAssertEqual(extent.count, 4)
            let unitsPerMetre = try XCTUnwrap(Double(area["width"] ?? "")) / (extent[2] - extent[0])
            let verticalUnitsPerMetre = try XCTUnwrap(Double(area["height"] ?? "")) / (extent[3] - extent[1])
            XCTAssertEqual(unitsPerMetre, verticalUnitsPerMetre, accuracy: unitsPerMetre * 1e-9, "map scale differs between x and y")
            let km = try XCTUnwrap(Double(probe.attributesByID["scale-bar"]?["data-km"] ?? ""))
            XCTAssertEqual(km.rounded(), km, "scale bar of \(km) km is not a round number of km")
            let length = try XCTUnwrap(Double(probe.attributesByID["scale-bar-length"]?["width"] ?? ""))
            XCTAssertEqual(length, km * 1000 * unitsPerMetre, accuracy: 1e-6)
            XCTAssertTrue(probe.textByID["scale-bar"]?.contains("\(Int(km)) km") == true)
        }
    }

    func testAttributionNamesOpenStreetMapWhenARoadInputIsOSM() throws {
        let runPath = try rendered().folder + "/run.json"
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: runPath))) as? [String: Any])
        var inputs = try XCTUnwrap(json["inputs"] as? [[String: Any]])
        var road = inputs[0]
        road["role"] = "roads"
        road["path"] = "/data/drenthe-latest.osm.pbf"
        road["driver"] = "OSM"
        inputs.append(road)
        json["inputs"] = inputs
        let run = try JSONDecoder().decode(RunReport.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertTrue(MapCaption(run: run).attribution.contains("© OpenStreetMap contributors"))
        XCTAssertFalse(MapCaption(run: try OutputFolderReader.read(try rendered().folder).run).attribution.contains("OpenStreetMap"))
    }

    func testClassBreaksPutValuesInTheRightBand() {
        let c = ClassBreaks.distanceKm
        XCTAssertEqual(c.labels, ["< 1 km", "1–3 km", "3–5 km", "≥ 5 km"])
        XCTAssertEqual([0.2, 1.0, 2.9, 3.0, 4.99, 5.0, 40].map(c.classIndex), [0, 1, 1, 2, 2, 3, 3])
        XCTAssertEqual(ClassBreaks.travelMinutes.labels.last, "≥ 15 min")
    }
}
