import Access
import Foundation
import Geo
import XCTest
@testable import BereikServer

final class PointQueryTests: XCTestCase {
    /// At population points the answer carries the population.geojson columns
    /// of the baseline analysis (RoadAnalysis.run), and the nearest practice by
    /// road of the bounded search is the same practice at the same distance.
    func testPointAtPopulationPointsMatchesTheAnalysis() throws {
        let state = try ServerFixture.state()
        let road = try XCTUnwrap(state.baseline.result.road)
        let practices = state.inputs.practices
        let pop = state.inputs.population
        let toWGS = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        var checked = 0
        // A query point has no postcode, so only fully open practices take it; the analysis's
        // point does the same unless a partial practice's area (example data) accepts it.
        let accepted = Set((state.baseline.result.eligibleSets?.pointsByPractice.values.joined()).map { Array($0) } ?? [])
        for i in stride(from: 0, to: pop.count, by: max(1, pop.count / 60)) where !accepted.contains(Int32(i)) {
            let lonLat = try toWGS.transform(pop[i].location)
            let (_, rd) = try PointQuery.location(lon: String(lonLat.x), lat: String(lonLat.y), state: state)
            let a = try parsed(PointQuery.answer(lonLat: lonLat, rd: rd, state: state))
            let columns = try XCTUnwrap(a["population_columns"] as? [String: Any])
            let expectedID = road.roadPractice[i].map { practices[$0.index].id }
            XCTAssertEqual(columns["road_practice_id"] as? String, expectedID, "point \(pop[i].id)")
            if road.roadM[i].isFinite {
                // The round trip through WGS84 moves the point by well under a millimetre.
                XCTAssertEqual(try XCTUnwrap(columns["road_m"] as? Double), road.roadM[i], accuracy: 0.11, "point \(pop[i].id)")
                let byRoad = try XCTUnwrap(a["nearest_by_road"] as? [[String: Any]])
                XCTAssertEqual(try XCTUnwrap(byRoad.first?["road_m"] as? Double), road.roadM[i], accuracy: 0.11, "point \(pop[i].id)")
                let minutes = try XCTUnwrap(columns["road_min_car"] as? Double)
                XCTAssertEqual(minutes, road.minutes[0][i], accuracy: 0.006)
            }
            let line = try XCTUnwrap(a["nearest_straight_line"] as? [[String: Any]])
            let p = state.baseline.result.points[i]
            XCTAssertEqual(try XCTUnwrap(line.first?["distance_m"] as? Double), p.nearestOpenM, accuracy: 0.11)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// The three nearest by road against an independent computation: the
    /// bounded per-practice searches of the FCA cost matrix from every open
    /// practice to the one point, sorted.
    func testTopThreeByRoadEqualsCostMatrix() throws {
        let state = try ServerFixture.state()
        let routing = try XCTUnwrap(state.routing)
        let graph = routing.graph, practices = state.inputs.practices
        let snapper = routing.modes[0].snapper
        let toWGS = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let open = practices.map { state.parameters.isOpen($0.status) }
        let practiceSnaps = zip(practices, open).map { $1 ? snapper.snap($0.location) : nil }
        var rng = SystemRandomNumberGenerator()
        let e = state.studyArea
        var compared = 0
        for _ in 0..<10 {
            let rd = Coordinate(x: Double.random(in: (e.minX + 25_000)...(e.maxX - 25_000), using: &rng),
                                y: Double.random(in: (e.minY + 25_000)...(e.maxY - 25_000), using: &rng))
            guard let snapped = snapper.snap(rd) else { continue }
            let lonLat = try toWGS.transform(rd)
            let (_, back) = try PointQuery.location(lon: String(lonLat.x), lat: String(lonLat.y), state: state)
            let a = try parsed(PointQuery.answer(lonLat: lonLat, rd: back, state: state))
            let byRoad = try XCTUnwrap(a["nearest_by_road"] as? [[String: Any]])
            let matrix = RoadCosts.matrix(graph: graph, mode: .car, weight: .length, points: [snapped], practices: practiceSnaps, catchment: 30_000)
            var costs: [(String, Double)] = []
            for j in practices.indices {
                for k in matrix.offsets[j]..<matrix.offsets[j + 1] where matrix.points[k] == 0 { costs.append((practices[j].id, matrix.costs[k])) }
            }
            costs.sort { $0.1 < $1.1 }
            guard costs.count >= 3 else { continue }     // the third nearest lies beyond the 30 km of this check
            XCTAssertEqual(byRoad.count, 3)
            for (k, n) in byRoad.enumerated() {
                XCTAssertEqual(try XCTUnwrap(n["road_m"] as? Double), costs[k].1, accuracy: 0.11, "rank \(k + 1) at \(rd)")
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 4)
    }

    func testBadCoordinatesAreNamed() throws {
        let state = try ServerFixture.state()
        func error(_ lon: String?, _ lat: String?) -> APIError? {
            do { _ = try PointQuery.location(lon: lon, lat: lat, state: state); return nil } catch { return error as? APIError }
        }
        XCTAssertEqual(error("NaN", "52.8")?.error, "not_finite")
        XCTAssertEqual(error("NaN", "52.8")?.field, "lon")
        XCTAssertEqual(error("6.5", "inf")?.error, "not_finite")
        XCTAssertEqual(error("6.5", nil)?.error, "missing_parameter")
        XCTAssertEqual(error("abc", "52")?.error, "wrong_type")
        XCTAssertEqual(error("6.5", "95")?.error, "out_of_range")
        XCTAssertEqual(error("4.9", "52.37")?.error, "outside_study_area")   // Amsterdam: outside the Drenthe example
        // Hex floats are numbers to Swift's Double(_:), not to a planner.
        XCTAssertEqual(error("0x6", "52.8")?.error, "wrong_type")
        XCTAssertEqual(error("6.5", "0x1.ap5")?.error, "wrong_type")
        // A decimal comma in degrees can only be one (no thousands there).
        XCTAssertNil(error("6,56", "52,86"))
    }
}
