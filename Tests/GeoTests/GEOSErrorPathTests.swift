import CGEOS
import XCTest
@testable import Geo

/// The GEOS boundary when a call fails half-way. Each test makes GEOS refuse
/// a part after other parts were built; the assertions check the error, and
/// `scripts/sanitize.sh` runs these tests under AddressSanitizer and valgrind,
/// where a part leaked or freed twice fails the run.
final class GEOSErrorPathTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        LeakCheck.install
    }

    let square: [Coordinate] = [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10),
                                Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)]
    /// One point: GEOS 3.11 refuses a ring of fewer than two points.
    let degenerateRing: [Coordinate] = [Coordinate(x: 1, y: 1)]

    func assertGEOSError(_ operation: String, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard case GeoError.geos(let op, let message) = error else {
                return XCTFail("expected a GEOS error, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(op, operation, file: file, line: line)
            XCTAssertNotEqual(message, "no message from GEOS", "GEOS's own text must be captured", file: file, line: line)
        }
    }

    func testMultiPolygonWithABadSecondPartThrowsAfterTheFirstWasBuilt() throws {
        let g = try GeometryEngine()
        assertGEOSError("create ring") { _ = try g.area(.multiPolygon([[square], [degenerateRing]])) }
        // The engine still works afterwards.
        XCTAssertEqual(try g.area(.multiPolygon([[square]])), 100, accuracy: 1e-9)
    }

    func testPolygonWithABadHoleThrowsAfterTheShellWasBuilt() throws {
        let g = try GeometryEngine()
        let hole = [Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 4), Coordinate(x: 4, y: 4), Coordinate(x: 2, y: 2)]
        assertGEOSError("create ring") { _ = try g.area(.polygon([square, hole, degenerateRing])) }
    }

    func testCollectionOfInvalidPartsThrows() throws {
        let g = try GeometryEngine()
        // A point, a good line, then a line of one point (GEOS: "must contain 0 or >1 elements").
        let parts: [Geometry] = [.point(Coordinate(x: 1, y: 1)),
                                 .lineString([Coordinate(x: 0, y: 0), Coordinate(x: 5, y: 5)]),
                                 .lineString([Coordinate(x: 3, y: 3)])]
        assertGEOSError("create line") { _ = try g.length(.collection(parts)) }
        assertGEOSError("create line") {
            _ = try g.length(.multiLineString([[Coordinate(x: 0, y: 0), Coordinate(x: 5, y: 5)], [Coordinate(x: 3, y: 3)]]))
        }
    }

    /// GEOSGeom_createCollection_r takes its parts also when it fails: the
    /// parts must not be destroyed again (a double free under the sanitizers).
    func testRefusedCollectionDoesNotFreeItsPartsTwice() throws {
        let context = try GEOSContext()
        let parts = try [Coordinate(x: 1, y: 1), Coordinate(x: 2, y: 2)].map { try context.make(.point($0)) }
        // A point is not a collection type: GEOS refuses it.
        XCTAssertThrowsError(try context.collection(GEOS_POINT, parts)) { error in
            guard case GeoError.geos(let op, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(op, "create collection")
            XCTAssertTrue(message.contains("Unsupported type"), message)
        }
        let made = try context.collection(GEOS_MULTIPOINT, try [Coordinate(x: 1, y: 1)].map { try context.make(.point($0)) })
        XCTAssertEqual(try context.value(of: made.pointer), .multiPoint([Coordinate(x: 1, y: 1)]))
    }

    func testMultiPointWithAnEmptyPartDoesNotTrap() throws {
        let g = try GeometryEngine()
        // WKB of MULTIPOINT (EMPTY, (1 2)): the empty point has NaN coordinates.
        var wkb: [UInt8] = [1, 4, 0, 0, 0, 2, 0, 0, 0]
        func point(_ x: Double, _ y: Double) {
            wkb += [1, 1, 0, 0, 0]
            withUnsafeBytes(of: x.bitPattern.littleEndian) { wkb += $0 }
            withUnsafeBytes(of: y.bitPattern.littleEndian) { wkb += $0 }
        }
        point(.nan, .nan)
        point(1, 2)
        XCTAssertEqual(try g.geometry(wkb: wkb), .multiPoint([Coordinate(x: 1, y: 2)]))
    }

    func testLocatorNearestStillWorksAfterManyQueries() throws {
        // Each query makes a point and a rectangle owned by the call; run many
        // so a leak would show clearly under the sanitizers.
        let locator = try PolygonLocator(polygons: [.polygon([square])])
        for i in 0..<1_000 {
            let found = try locator.nearest(to: Coordinate(x: 15, y: Double(i % 10)), within: 6)
            XCTAssertEqual(found?.index, 0)
            XCTAssertEqual(found?.distance ?? -1, 5, accuracy: 1e-9)
        }
    }
}
