import Access
import Foundation
import Geo
import XCTest
@testable import BereikServer

/// The point query's eligibility (issue 13 rules for a clicked place): the
/// place's postcode from `--postcode-areas`, polygons from `--eligibility`
/// checked at the place, and a plain statement when a postcode-list practice
/// cannot be decided. Expected answers from brute force over the practices
/// that take the place (straight line) and the FCA cost matrix (by road).
final class PointEligibilityTests: XCTestCase {
    // P056 takes new patients from postcodes 7816 and 7822 (GeoData/practices.geojson);
    // P059 from 7819, here replaced by a polygon around it.
    static let p056 = (lon: 6.9865811, lat: 52.8578946)
    static let p059 = (lon: 6.9670898, lat: 52.7500088)

    static func square(_ c: (lon: Double, lat: Double), _ d: Double) -> String {
        let r = [[c.lon - d, c.lat - d], [c.lon + d, c.lat - d], [c.lon + d, c.lat + d], [c.lon - d, c.lat + d], [c.lon - d, c.lat - d]]
        return "{\"type\":\"Polygon\",\"coordinates\":[[\(r.map { "[\($0[0]),\($0[1])]" }.joined(separator: ","))]]}"
    }

    nonisolated(unsafe) private static var cached: ServerState?

    /// The default data with a postcode area 7816 around P056 and an eligibility polygon for P059.
    static func state() throws -> ServerState {
        if let cached { return cached }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-point-elig-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let areas = dir.appendingPathComponent("postcode_areas.geojson").path
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"postcode":"7816"},"geometry":\(square(p056, 0.02))}]}
        """.write(toFile: areas, atomically: true, encoding: .utf8)
        let polygons = dir.appendingPathComponent("eligibility.geojson").path
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"practice_id":"P059"},"geometry":\(square(p059, 0.02))}]}
        """.write(toFile: polygons, atomically: true, encoding: .utf8)
        var job = ServerFixture.defaultJob()
        job.input.postcodeAreas = areas
        job.input.eligibilityPath = polygons
        let s = try ServerState(job: job)
        cached = s
        return s
    }

    func ask(_ state: ServerState, lon: Double, lat: Double) throws -> (answer: [String: Any], rd: Coordinate) {
        let (lonLat, rd) = try PointQuery.location(lon: String(lon), lat: String(lat), state: state)
        return (try parsed(PointQuery.answer(lonLat: lonLat, rd: rd, state: state)), rd)
    }

    /// Brute force: the nearest practice that takes the place, straight line and by road length (first mode).
    func expected(_ state: ServerState, rd: Coordinate, taking: Set<String>) throws -> (lineID: String, lineM: Double, roadM: Double, roadOpenM: Double) {
        let practices = state.inputs.practices
        let takes = practices.indices.filter { state.parameters.isOpen(practices[$0].status) || taking.contains(practices[$0].id) }
        let line = takes.map { ($0, practices[$0].location.distance(to: rd)) }.min { $0.1 < $1.1 }!
        let routing = try XCTUnwrap(state.routing)
        let snapper = routing.modes[0].snapper
        let point = try XCTUnwrap(snapper.snap(rd))
        let snaps = practices.indices.map { takes.contains($0) ? snapper.snap(practices[$0].location) : nil }
        let matrix = RoadCosts.matrix(graph: routing.graph, mode: routing.modes[0].mode, weight: .length, points: [point], practices: snaps,
                                      catchment: 60_000)
        var road = Double.infinity, open = Double.infinity
        for j in practices.indices {
            for k in matrix.offsets[j]..<matrix.offsets[j + 1] where matrix.points[k] == 0 {
                road = min(road, matrix.costs[k])
                if state.parameters.isOpen(practices[j].status) { open = min(open, matrix.costs[k]) }
            }
        }
        return (practices[line.0].id, line.1, road, open)
    }

    func testPostcodeFromAreasLetsTheListPracticeTakeThePlace() throws {
        let state = try Self.state()
        let (a, rd) = try ask(state, lon: Self.p056.lon + 0.004, lat: Self.p056.lat - 0.003)
        let e = try XCTUnwrap(a["eligibility"] as? [String: Any])
        XCTAssertEqual(e["postcode"] as? String, "7816")
        XCTAssertTrue((e["postcode_source"] as? String ?? "").hasPrefix("postcode areas ("), "\(e)")
        XCTAssertEqual(e["accepting_practice_ids"] as? [String], ["P056"])
        XCTAssertEqual(e["undecided_practice_ids"] as? [String], [])
        let x = try expected(state, rd: rd, taking: ["P056"])
        let line = try XCTUnwrap((a["nearest_straight_line"] as? [[String: Any]])?.first)
        XCTAssertEqual(line["practice_id"] as? String, x.lineID)
        XCTAssertEqual(try XCTUnwrap(line["distance_m"] as? Double), x.lineM, accuracy: 0.11)
        let columns = try XCTUnwrap(a["population_columns"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(columns["road_eligible_m"] as? Double), x.roadM, accuracy: 0.11)
        XCTAssertEqual(try XCTUnwrap(columns["road_m"] as? Double), x.roadOpenM, accuracy: 0.11)
        let byRoad = try XCTUnwrap((a["nearest_by_road"] as? [[String: Any]])?.first)
        XCTAssertEqual(try XCTUnwrap(byRoad["road_m"] as? Double), x.roadM, accuracy: 0.11)
        // The place is nearer P056 than any open practice, so the answer shows the restriction matters.
        XCTAssertLessThan(x.roadM, x.roadOpenM)
        XCTAssertEqual(byRoad["practice_id"] as? String, "P056")
        XCTAssertEqual(byRoad["takes_new_patients"] as? String, "from its area, which includes this place")
    }

    func testEligibilityPolygonIsCheckedAtThePlace() throws {
        let state = try Self.state()
        let inside = try ask(state, lon: Self.p059.lon - 0.005, lat: Self.p059.lat + 0.004)
        let e = try XCTUnwrap(inside.answer["eligibility"] as? [String: Any])
        XCTAssertEqual(e["accepting_practice_ids"] as? [String], ["P059"])
        XCTAssertNil(e["postcode"] as? String)     // outside the one postcode area
        XCTAssertTrue((e["postcode_source"] as? String ?? "").hasPrefix("none (outside every area"), "\(e)")
        let x = try expected(state, rd: inside.rd, taking: ["P059"])
        let columns = try XCTUnwrap(inside.answer["population_columns"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(columns["road_eligible_m"] as? Double), x.roadM, accuracy: 0.11)
        // Just outside the polygon P059 does not take the place.
        let outside = try ask(state, lon: Self.p059.lon + 0.03, lat: Self.p059.lat)
        let o = try XCTUnwrap(outside.answer["eligibility"] as? [String: Any])
        XCTAssertEqual(o["accepting_practice_ids"] as? [String], [])
        let y = try expected(state, rd: outside.rd, taking: [])
        let oc = try XCTUnwrap(outside.answer["population_columns"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(oc["road_eligible_m"] as? Double), y.roadM, accuracy: 0.11)
    }

    func testWithoutPostcodeAreasTheAnswerSaysEligibilityIsUndecided() throws {
        let state = try ServerFixture.state()
        let (a, rd) = try ask(state, lon: Self.p056.lon + 0.004, lat: Self.p056.lat - 0.003)
        let e = try XCTUnwrap(a["eligibility"] as? [String: Any])
        XCTAssertTrue(e["postcode"] is NSNull)
        XCTAssertEqual(e["postcode_source"] as? String, "none (no --postcode-areas)")
        XCTAssertEqual(e["accepting_practice_ids"] as? [String], [])
        XCTAssertTrue((e["undecided_practice_ids"] as? [String] ?? []).contains("P056"))
        XCTAssertTrue((e["note"] as? String ?? "").contains("could not be decided"), "\(e)")
        XCTAssertTrue((e["note"] as? String ?? "").contains("treated as not taking the place"), "\(e)")
        let x = try expected(state, rd: rd, taking: [])
        let line = try XCTUnwrap((a["nearest_straight_line"] as? [[String: Any]])?.first)
        XCTAssertEqual(line["practice_id"] as? String, x.lineID)
        let columns = try XCTUnwrap(a["population_columns"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(columns["road_eligible_m"] as? Double), x.roadM, accuracy: 0.11)
    }

    /// A posted site without a postcode field takes the postcode of the
    /// `--postcode-areas` polygon it lies in, as `bereik sites` does, and the
    /// answer carries the CLI's `postcode`/`postcode_source` columns; the
    /// same site outside every area has none and says why.
    func testPostedSiteTakesItsPostcodeFromTheAreas() throws {
        let state = try Self.state()
        func site(_ lon: Double, _ lat: Double) throws -> [String: Any] {
            let body = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"site_id":"s","homes":20},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}]}"#
            let (sites, household) = try SiteRequest.sites(from: Array(body.utf8), limits: state.limits, transformers: state.toRD,
                                                           inputsExtent: state.inputsExtent)
            let answer = try parsed(SiteAnswer.answer(sites, householdSize: household, state: state))
            return try XCTUnwrap((answer["sites"] as? [[String: Any]])?.first)
        }
        let inside = try site(Self.p056.lon + 0.004, Self.p056.lat - 0.003)
        XCTAssertEqual(inside["postcode"] as? String, "7816")
        XCTAssertEqual(inside["postcode_source"] as? String, SitePostcodeSource.areas.rawValue)
        // 0.1° east lies outside the one area (±0.02° around P056).
        let outside = try site(Self.p056.lon + 0.1, Self.p056.lat)
        XCTAssertTrue(outside["postcode"] is NSNull || outside["postcode"] == nil, "\(outside)")
        XCTAssertTrue((outside["reasons"] as? String ?? "").contains("postcode"), "\(outside)")
    }
}
