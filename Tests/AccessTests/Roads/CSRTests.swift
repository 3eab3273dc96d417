import Foundation
import XCTest
@testable import Access

final class CSRTests: XCTestCase {
    /// The counting sort against a plain grouping of the same entries:
    /// rows in order, arcs within a row in the order emitted.
    func testCountingSortGroupsByRowKeepingEmissionOrder() {
        var rng = SystemRandomNumberGenerator()
        let rows = 37
        let entries = (0..<500).map { k in (row: Int.random(in: 0..<rows, using: &rng), arc: k) }
        let csr = CSR<Int>(rows: rows) { emit in for e in entries { emit(e.row, e.arc) } }
        XCTAssertEqual(csr.rowCount, rows)
        XCTAssertEqual(csr.arcCount, entries.count)
        XCTAssertEqual(csr.offsets.first, 0)
        for v in 0..<rows {
            let expected = entries.filter { $0.row == v }.map(\.arc)
            XCTAssertEqual(Array(csr.arcs(from: v)), expected, "row \(v)")
            XCTAssertEqual(csr.end(v) - csr.begin(v), expected.count)
        }
    }

    func testEmptyRowsAndNoArcs() {
        let none = CSR<Int32>(rows: 4) { _ in }
        XCTAssertEqual(none.offsets, [0, 0, 0, 0, 0])
        XCTAssertTrue(none.arcs.isEmpty)
        let given = CSR(offsets: [0, 2, 2, 3], arcs: ["a", "b", "c"])
        XCTAssertEqual(Array(given.arcs(from: 0)), ["a", "b"])
        XCTAssertTrue(given.arcs(from: 1).isEmpty)
        XCTAssertEqual(given.map { $0.uppercased() }.arcs, ["A", "B", "C"])
    }

    /// The graph's arcs and its reverse describe the same arcs.
    func testReversedIsTheReverseOfOut() {
        let b = RoadGraphBuilder()
        b.add(RoadLine(coordinates: [Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0), Coordinate(x: 100, y: 100)], highway: "residential"))
        b.add(RoadLine(coordinates: [Coordinate(x: 100, y: 0), Coordinate(x: 200, y: 0)], highway: "residential", oneway: .forward))
        let g = b.build()
        var forward: [[Int]] = [], backward: [[Int]] = []
        for u in 0..<g.nodeCount { for a in g.out.range(u) { forward.append([u, Int(g.out.arcs[a]), a]) } }
        let incoming = g.reversed { ArcID($0) }
        for v in 0..<g.nodeCount { for r in incoming.arcs(from: v) { backward.append([Int(r.from), v, Int(r.measure)]) } }
        XCTAssertEqual(forward.count, 6, "two two-way segments, and a oneway that foot may walk both ways")
        XCTAssertEqual(Set(forward), Set(backward))
    }

    /// Per-mode values are written with the mode's name as key, as the
    /// String-keyed dictionaries they replace were.
    func testModeKeyedValuesEncodeWithModeNames() throws {
        var o = RoadOptions()
        o.minuteBands = [.bicycle: [20]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(o.minuteBands), as: UTF8.self)
        XCTAssertEqual(text, #"{"bicycle":[20]}"#)
        let back = try JSONDecoder().decode([TravelMode: [Double]].self, from: Data(text.utf8))
        XCTAssertEqual(back, [.bicycle: [20]])
        let statuses = String(decoding: try encoder.encode([PracticeStatus.unknown: 2]), as: UTF8.self)
        XCTAssertEqual(statuses, #"{"unknown":2}"#)
    }

    func testPerModeSubscriptWritesInPlace() {
        var times = PerMode(repeating: [Float](repeating: 0, count: 3))
        times[.bicycle][1] = 7
        XCTAssertEqual(times.car, [0, 0, 0])
        XCTAssertEqual(times.bicycle, [0, 7, 0])
        XCTAssertEqual(times.foot, [0, 0, 0])
    }
}
