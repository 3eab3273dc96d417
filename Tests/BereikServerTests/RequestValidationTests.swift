import Access
import Foundation
import XCTest
@testable import BereikServer

final class RequestValidationTests: XCTestCase {
    func siteError(_ body: String) throws -> APIError? {
        let state = try ServerFixture.state()
        do {
            _ = try SiteRequest.sites(from: Array(body.utf8), limits: state.limits, transformers: state.toRD, inputsExtent: state.inputsExtent)
            return nil
        } catch let e as APIError { return e }
    }

    func scenarioError(_ body: String) throws -> APIError? {
        do { _ = try ScenarioRequest.changes(from: Array(body.utf8), state: try ServerFixture.state()); return nil } catch let e as APIError { return e }
    }

    func feature(_ coordinates: String, homes: String = "120") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"homes":\#(homes)},"geometry":{"type":"Polygon","coordinates":\#(coordinates)}}]}"#
    }

    func testSiteBodiesAreCheckedFieldByField() throws {
        XCTAssertEqual(try siteError("{not json")?.error, "malformed_json")
        XCTAssertEqual(try siteError("")?.error, "empty_body")
        XCTAssertEqual(try siteError(#"{"type":"Feature"}"#)?.field, "type")
        XCTAssertEqual(try siteError(#"{"type":"FeatureCollection","features":[]}"#)?.error, "no_sites")
        let square = "[[[6.55,52.85],[6.57,52.85],[6.57,52.87],[6.55,52.87],[6.55,52.85]]]"
        XCTAssertNil(try siteError(feature(square)))
        let missing = try siteError(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[6.56,52.86]}}]}"#)
        XCTAssertEqual(missing?.error, "missing_field")
        XCTAssertEqual(missing?.field, "features[0].properties.homes")
        XCTAssertEqual(try siteError(feature(square, homes: "-5"))?.error, "invalid_value")
        XCTAssertEqual(try siteError(feature(square, homes: "\"many\""))?.found, "many")
        XCTAssertEqual(try siteError(feature("[[[6.55,52.85],[6.57,52.85],[6.57,52.87],[6.55,52.85]]]".replacingOccurrences(of: "6.57,52.87", with: "\"x\",52.87")))?.field,
                       "features[0].geometry.coordinates[0][2][0]")
        XCTAssertEqual(try siteError(feature("[[[6.55,52.85],[6.57,52.85],[6.57,52.87],[6.55,52.88]]]"))?.error, "wrong_value")   // open ring
        XCTAssertEqual(try siteError(feature("[[[6.55,52.85],[6.57,1e999],[6.57,52.87],[6.55,52.85]]]"))?.error, "malformed_json")
        XCTAssertEqual(try siteError(feature("[[[4.88,52.35],[4.90,52.35],[4.90,52.37],[4.88,52.35]]]"))?.error, "outside_study_area")
        // A polygon of a million vertices is refused by count, before any transform.
        var ring = "[[[6.55,52.85]"
        ring.reserveCapacity(16_000_000)
        for k in 0..<1_000_000 { ring += ",[6.\(550000 + k % 20000),52.86]" }
        ring += ",[6.55,52.85]]]"
        let tooMany = try siteError(feature(ring))
        XCTAssertEqual(tooMany?.error, "too_many_vertices")
        XCTAssertEqual(tooMany?.field, "features[0].geometry.coordinates[0]")
    }

    func testScenarioChangesAreCheckedFieldByField() throws {
        let state = try ServerFixture.state()
        let id = state.inputs.practices[0].id
        XCTAssertEqual(try scenarioError("[1,2")?.error, "malformed_json")
        XCTAssertEqual(try scenarioError(#"{"changes":[]}"#)?.error, "no_changes")
        let unknown = try scenarioError(#"{"changes":[{"action":"close","practice_id":"no-such-practice"}]}"#)
        XCTAssertEqual(unknown?.error, "unknown_practice")
        XCTAssertEqual(unknown?.field, "changes[0].practice_id")
        XCTAssertEqual(unknown?.found, "no-such-practice")
        XCTAssertEqual(try scenarioError(#"[{"action":"explode","practice_id":"\#(id)"}]"#)?.error, "wrong_value")
        XCTAssertEqual(try scenarioError(#"[{"action":"fte","practice_id":"\#(id)","value":"-1"}]"#)?.field, "changes[0].value")
        XCTAssertEqual(try scenarioError(#"[{"action":"status","practice_id":"\#(id)","value":"maybe"}]"#)?.error, "invalid_value")
        XCTAssertEqual(try scenarioError(#"[{"action":"add","name":"x","lon":"NaN","lat":52.8}]"#)?.error, "not_finite")
        XCTAssertEqual(try scenarioError(#"[{"action":"add","name":"x","lon":6.5}]"#)?.field, "changes[0].lat")
        XCTAssertEqual(try scenarioError(#"[{"action":"add","name":"x","lon":6.56,"lat":52.86}]"#)?.error, nil)
        // A path in a field is only an id that does not exist.
        XCTAssertEqual(try scenarioError(#"[{"action":"close","practice_id":"../../etc/passwd"}]"#)?.error, "unknown_practice")
    }

    func testClosingEveryPracticeIsRefusedByName() throws {
        let state = try ServerFixture.state()
        let all = state.inputs.practices.map { PracticeChange.close(id: $0.id) }
        XCTAssertThrowsError(try ScenarioRequest.run(all, state: state)) { error in
            XCTAssertEqual((error as? APIError)?.error, "no_open_practice_left")
        }
    }
}
