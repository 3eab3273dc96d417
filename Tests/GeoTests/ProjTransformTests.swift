import XCTest
import CPROJ
import Foundation
@testable import Geo

final class ProjTransformTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        LeakCheck.install
    }

    /// The RD New origin at Amersfoort (x=155000, y=463000) is about
    /// 52.15517 N, 5.38721 E (published definition of the RD system).
    func testAmersfoortOrigin() throws {
        let t = try CoordinateTransformer(from: "EPSG:28992", to: "EPSG:4326")
        let c = try t.transform(Coordinate(x: 155_000, y: 463_000))
        XCTAssertEqual(c.x, 5.38721, accuracy: 1e-4, "x must be longitude after normalisation")
        XCTAssertEqual(c.y, 52.15517, accuracy: 1e-4)
    }

    func testRoundTripAndArrays() throws {
        let there = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:28992")
        let back = try CoordinateTransformer(from: "EPSG:28992", to: "EPSG:4326")
        var xs = [6.5625, 6.9, 5.0], ys = [52.99, 52.78, 52.1]
        let originalX = xs, originalY = ys
        try there.transform(xs: &xs, ys: &ys)
        XCTAssertTrue(xs.allSatisfy { $0 > 100_000 && $0 < 280_000 }, "RD eastings expected, got \(xs)")
        try back.transform(xs: &xs, ys: &ys)
        for i in 0..<3 {
            XCTAssertEqual(xs[i], originalX[i], accuracy: 1e-8)
            XCTAssertEqual(ys[i], originalY[i], accuracy: 1e-8)
        }
    }

    func testWKTAndProjStringSources() throws {
        let proj = "+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs"
        let t = try CoordinateTransformer(from: proj, to: "EPSG:4326")
        let c = try t.transform(Coordinate(x: 500_000, y: 5_800_000))
        XCTAssertEqual(c.x, 3.0, accuracy: 1e-6, "central meridian of UTM 31")
    }

    func testUnknownCRSCarriesPROJText() {
        XCTAssertThrowsError(try CoordinateTransformer(from: "EPSG:999999", to: "EPSG:4326")) { error in
            guard case GeoError.proj(let operation, let message) = error else { return XCTFail("expected a PROJ error, got \(error)") }
            XCTAssertTrue(operation.contains("EPSG:999999"), operation)
            // PROJ's own log line, captured by the context's log callback; the
            // errno string alone is "Unknown error (code 4096)".
            XCTAssertTrue(message.contains("crs not found"), message)
        }
    }

    /// Transformers after the first are clones of a prototype
    /// (`TransformPrototypes`): made on several threads at once they give
    /// bit for bit what a transformation searched afresh with PROJ's own
    /// calls (`proj_create_crs_to_crs` + normalised axes) gives.
    func testClonedTransformersEqualAFreshPROJTransformation() throws {
        let xs0 = stride(from: 13_000.0, to: 280_000, by: 6_700).map { $0 }, ys0 = xs0.map { 306_000 + ($0 - 13_000) * 1.2 }
        let context = proj_context_create()
        defer { proj_context_destroy(context) }
        let raw = try XCTUnwrap(proj_create_crs_to_crs(context, "EPSG:28992", "EPSG:4326", nil))
        defer { proj_destroy(raw) }
        let fresh = try XCTUnwrap(proj_normalize_for_visualization(context, raw))
        defer { proj_destroy(fresh) }
        let expected = zip(xs0, ys0).map { x, y in proj_trans(fresh, PJ_FWD, proj_coord(x, y, 0, 0)).xy }
        nonisolated(unsafe) var got = [[Coordinate]](repeating: [], count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            var xs = xs0, ys = ys0
            let t = try! CoordinateTransformer(from: "EPSG:28992", to: "EPSG:4326")
            try! t.transform(xs: &xs, ys: &ys)
            got[k] = zip(xs, ys).map { Coordinate(x: $0, y: $1) }
        }
        for k in 0..<4 {
            for i in xs0.indices {
                XCTAssertEqual(got[k][i].x.bitPattern, expected[i].x.bitPattern, "thread \(k), point \(i)")
                XCTAssertEqual(got[k][i].y.bitPattern, expected[i].y.bitPattern, "thread \(k), point \(i)")
            }
        }
        // A failure is not kept: the same unknown CRS fails again, with PROJ's text.
        for _ in 0..<2 {
            XCTAssertThrowsError(try CoordinateTransformer(from: "EPSG:999998", to: "EPSG:4326")) { error in
                guard case GeoError.proj(_, let message) = error else { return XCTFail("expected a PROJ error, got \(error)") }
                XCTAssertTrue(message.contains("crs not found"), message)
            }
        }
    }

    func testPointOutsideTheDomainThrowsAndArraysMarkIt() throws {
        let t = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:28992")
        // Latitude 100 does not exist.
        XCTAssertThrowsError(try t.transform(Coordinate(x: 5, y: 100))) { error in
            guard case GeoError.proj = error else { return XCTFail("expected a PROJ error, got \(error)") }
        }
        var xs = [5.0, 5.0], ys = [52.0, 100.0]
        try t.transform(xs: &xs, ys: &ys)
        XCTAssertTrue(xs[0].isFinite && ys[0].isFinite)
        XCTAssertTrue(xs[1].isNaN && ys[1].isNaN, "a failed position becomes NaN, got \(xs[1]), \(ys[1])")
    }

    func testGeographicCheck() throws {
        XCTAssertTrue(try CRSInfo.isGeographic("EPSG:4326"))
        XCTAssertFalse(try CRSInfo.isGeographic("EPSG:28992"))
        XCTAssertTrue(CRSInfo.name("EPSG:28992").contains("RD New"))
    }
}
