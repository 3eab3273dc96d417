import XCTest
import Geo
@testable import Access

/// `EligibleSets.build` against a brute-force membership check written
/// independently here: postcode rules from issue 13 and axis-aligned
/// rectangles tested by comparison, no GEOS.
final class EligibleSetsBuildTests: XCTestCase {
    struct Rect { var x0, y0, x1, y1: Double
        func holds(_ c: Coordinate) -> Bool { c.x > x0 && c.x < x1 && c.y > y0 && c.y < y1 }
        var ring: [Coordinate] { [Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1), Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)] }
    }

    func testMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 13)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let letters = ["AA", "AB", "AC", "ZZ"]
        // 25,000 points (more than one worker), coordinates off the integer grid so none lies on a rectangle's edge.
        var points: [PopulationPoint] = []
        for j in 0..<25_000 {
            var p = PopulationPoint(id: "\(j)", location: Coordinate(x: Double(below(10_000)) + 0.5, y: Double(below(10_000)) + 0.5), inhabitants: Double(1 + below(9)))
            switch below(10) {
            case 0: p.postcode = nil
            case 1, 2, 3: p.postcode = Postcode(pc4: 9400 + below(12))
            default: p.postcode = Postcode(pc4: 9400 + below(12), letters: letters[below(4)])
            }
            points.append(p)
        }
        // 60 practices: open, partial without area, partial with a list, partial with one or two rectangles.
        var practices: [Practice] = []
        var lists: [Int: (ranges: [ClosedRange<Int>], pc6: [Postcode])] = [:]
        var rects: [Int: [Rect]] = [:]
        for i in 0..<60 {
            var p = Practice(id: String(format: "P%02d", i), name: "", location: Coordinate(x: 0, y: 0), status: .partial)
            switch i % 5 {
            case 0: p.status = .open
            case 1: break
            case 2:
                let a = 9398 + below(14), b = a + below(4)
                let ranges = below(2) == 0 ? [a...b] : [a...b, (a + 1)...(a + 2)]
                let pc6 = (0..<below(4)).map { _ in Postcode(pc4: 9400 + below(12), letters: letters[below(4)])! }
                lists[i] = (ranges, pc6)
                p.eligibility = .postcodes(PostcodeSet(merging: ranges, pc6: Set(pc6)))
            default:
                let parts = (0..<(1 + below(2))).map { _ -> Rect in
                    let x = Double(below(9_000)), y = Double(below(9_000))
                    return Rect(x0: x, y0: y, x1: x + Double(200 + below(1_500)), y1: y + Double(200 + below(1_500)))
                }
                rects[i] = parts
                p.eligibility = .polygons(parts.count == 1 ? .polygon([parts[0].ring]) : .multiPolygon(parts.map { [$0.ring] }))
                if i == 59 { p.status = .closed }   // an area on a closed practice is not built
            }
            practices.append(p)
        }
        // Overlapping rectangles of one practice must be one valid area: union them as the reader does.
        let engine = try GeometryEngine()
        for (i, parts) in rects where parts.count > 1 {
            practices[i].eligibility = .polygons(try engine.unaryUnion(parts.map { .polygon([$0.ring]) }))
        }

        let sets = try EligibleSets.build(population: points, practices: practices)

        var expected: [Int32: [Int32]] = [:]
        for (i, p) in practices.enumerated() where p.status == .partial {
            if let list = lists[i] {
                expected[Int32(i)] = points.indices.filter { j in
                    guard let code = points[j].postcode else { return false }
                    if list.ranges.contains(where: { $0.contains(code.pc4) }) { return true }
                    return code.isPC6 && list.pc6.contains(code)
                }.map(Int32.init)
            } else if let parts = rects[i] {
                expected[Int32(i)] = points.indices.filter { j in parts.contains { $0.holds(points[j].location) } }.map(Int32.init)
            }
        }
        XCTAssertEqual(Set(sets.pointsByPractice.keys), Set(expected.keys))
        for (i, list) in expected {
            XCTAssertEqual(sets.pointsByPractice[i], list, "practice \(i)")
        }
        XCTAssertTrue(expected.values.contains { $0.count > 100 }, "the fixture has well-filled areas")
        let without = points.filter { $0.postcode == nil }
        XCTAssertEqual(sets.pointsWithoutPostcode, without.count)
        XCTAssertEqual(sets.inhabitantsWithoutPostcode, without.map(\.inhabitants).reduce(0, +))
        // Same answer on one thread as on every core.
        XCTAssertEqual(try EligibleSets.build(population: points, practices: practices), sets)
        let oneThread = try PolygonLocator.coveredPoints(points.map(\.location), by: [.polygon([rects[3]![0].ring])], threads: 1)
        XCTAssertEqual(oneThread[0], points.indices.filter { rects[3]![0].holds(points[$0].location) }.map(Int32.init))
    }

    func testNoListNoCountOfPointsWithoutPostcode() throws {
        var p = Practice(id: "P", name: "", location: Coordinate(x: 0, y: 0), status: .partial)
        p.eligibility = .polygons(.polygon([Rect(x0: 0, y0: 0, x1: 10, y1: 10).ring]))
        let points = [PopulationPoint(id: "a", location: Coordinate(x: 5, y: 5), inhabitants: 3)]
        let sets = try EligibleSets.build(population: points, practices: [p])
        XCTAssertEqual(sets.pointsByPractice, [0: [0]])
        XCTAssertEqual(sets.pointsWithoutPostcode, 0, "only counted when a postcode list is in force")
    }
}
