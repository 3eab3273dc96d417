import XCTest
@testable import Geo

final class GeometryEngineTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        LeakCheck.install
    }

    let square: Geometry = .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10),
                                      Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)]])

    func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        .polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
                   Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)]])
    }

    func testMeasures() throws {
        let g = try GeometryEngine()
        XCTAssertEqual(try g.area(rect(0, 0, 10, 20)), 200, accuracy: 1e-9)
        XCTAssertEqual(try g.length(.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 4)])), 5, accuracy: 1e-12)
        XCTAssertEqual(try g.distance(.point(Coordinate(x: 13, y: 14)), square), 5, accuracy: 1e-12)
    }

    func testPointOnSurfaceLiesInside() throws {
        let g = try GeometryEngine()
        // An L shape whose centroid lies outside it.
        let l: Geometry = .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 1),
                                     Coordinate(x: 1, y: 1), Coordinate(x: 1, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)]])
        let c = try g.centroid(l)
        let p = try g.pointOnSurface(l)
        let locator = try PolygonLocator(polygons: [l])
        XCTAssertNil(try locator.locate(c), "centroid of the L is outside it")
        XCTAssertEqual(try locator.locate(p), 0)
    }

    func testMakeValidRepairsBowtie() throws {
        let g = try GeometryEngine()
        let bowtie: Geometry = .polygon([[Coordinate(x: 0, y: 0), Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 0),
                                          Coordinate(x: 0, y: 2), Coordinate(x: 0, y: 0)]])
        let v = try g.validity(bowtie)
        XCTAssertFalse(v.isValid)
        XCTAssertTrue(v.reason.contains("Self-intersection"), v.reason)
        let fixed = try g.makeValid(bowtie)
        XCTAssertTrue(try g.validity(fixed).isValid)
        XCTAssertEqual(try g.area(fixed), 2, accuracy: 1e-9, "two triangles of area 1")
    }

    func testUnionAndIntersection() throws {
        let g = try GeometryEngine()
        let u = try g.unaryUnion([rect(0, 0, 10, 10), rect(5, 5, 15, 15)])
        XCTAssertEqual(try g.area(u), 175, accuracy: 1e-9)
        XCTAssertEqual(try g.area(try g.intersection(rect(0, 0, 10, 10), rect(5, 5, 15, 15))), 25, accuracy: 1e-9)
    }

    func testWKBRoundTripKeepsHoles() throws {
        let g = try GeometryEngine()
        let withHole: Geometry = .multiPolygon([[
            [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)],
            [Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 4), Coordinate(x: 4, y: 4), Coordinate(x: 4, y: 2), Coordinate(x: 2, y: 2)],
        ]])
        let back = try g.geometry(wkb: try g.wkb(withHole))
        XCTAssertEqual(back, withHole)
        XCTAssertEqual(try g.area(back), 96, accuracy: 1e-9)
    }

    func testGEOSErrorIsCaptured() throws {
        let g = try GeometryEngine()
        XCTAssertThrowsError(try g.geometry(wkb: [0x01, 0x03, 0x00])) { error in
            guard case GeoError.geos(_, let message) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(message.isEmpty)
            XCTAssertNotEqual(message, "no message from GEOS", "GEOS's own text must be captured")
        }
    }

    func testVoronoiCellsCoverEnvelope() throws {
        let g = try GeometryEngine()
        let sites = [Coordinate(x: 1, y: 1), Coordinate(x: 9, y: 1), Coordinate(x: 5, y: 9)]
        let cells = try g.voronoiCells(sites, envelope: rect(0, 0, 10, 10))
        XCTAssertEqual(cells.count, 3)
        let clipped = try cells.map { try g.intersection($0, rect(0, 0, 10, 10)) }
        XCTAssertEqual(clipped.reduce(0) { $0 + ((try? g.area($1)) ?? 0) }, 100, accuracy: 1e-6)
    }

    func testPolygonLocatorAgainstArithmetic() throws {
        // A 4 × 3 grid of 100 m squares; the cell of a point is floor(x/100), floor(y/100).
        var cells: [Geometry] = []
        for gy in 0..<3 { for gx in 0..<4 { cells.append(rect(Double(gx) * 100, Double(gy) * 100, Double(gx + 1) * 100, Double(gy + 1) * 100)) } }
        var state: UInt64 = 7
        func rnd() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let points = (0..<30_000).map { _ in Coordinate(x: rnd() * 500 - 50, y: rnd() * 400 - 50) }
        let locator = try PolygonLocator(polygons: cells)
        for p in points {
            let r = try locator.locate(p) ?? -1
            let inside = p.x > 0 && p.x < 400 && p.y > 0 && p.y < 300
            let expected = inside ? Int(p.y / 100) * 4 + Int(p.x / 100) : -1
            XCTAssertEqual(Int(r), expected, "\(p)")
        }
        let near = try XCTUnwrap(try locator.nearest(to: Coordinate(x: 450, y: 50), within: 100))
        XCTAssertEqual(near.index, 3)
        XCTAssertEqual(near.distance, 50, accuracy: 1e-9)
        XCTAssertNil(try locator.nearest(to: Coordinate(x: 600, y: 50), within: 100))
    }
}
