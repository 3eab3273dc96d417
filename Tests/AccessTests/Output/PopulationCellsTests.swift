import Foundation
import XCTest
import Geo
@testable import Access

/// The population squares against a plain per-point aggregation written
/// here (a dictionary keyed by the square's column and row), for points in
/// a country-sized box (a dense grid finds the squares) and for points far
/// apart (a dictionary does).
final class PopulationCellsTests: XCTestCase {
    func check(_ population: [PopulationPoint], file: StaticString = #filePath, line: UInt = #line) throws {
        let practices = [Practice(id: "P1", name: "a", location: Coordinate(x: 150_000, y: 450_000), status: .open),
                         Practice(id: "P2", name: "b", location: Coordinate(x: 90_000, y: 400_000), status: .open)]
        let result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: AnalysisParameters())
        struct Expected { var points = 0, inhabitants = 0.0, weight = 0.0, sum = 0.0, max = -Double.infinity }
        var expected: [String: Expected] = [:]
        for (i, p) in population.enumerated() where p.location.x.isFinite && abs(p.location.x) < 1e9 {
            let x0 = (p.location.x / 500).rounded(.down) * 500, y0 = (p.location.y / 500).rounded(.down) * 500
            let d = result.points[i].nearestOpenM
            let w = max(p.inhabitants, 0)
            expected[PopulationCells.cellID(x0, y0), default: Expected()].points += 1
            expected[PopulationCells.cellID(x0, y0)]!.inhabitants += p.inhabitants
            expected[PopulationCells.cellID(x0, y0)]!.weight += w
            expected[PopulationCells.cellID(x0, y0)]!.sum += w * d
            expected[PopulationCells.cellID(x0, y0)]!.max = max(expected[PopulationCells.cellID(x0, y0)]!.max, d)
        }
        let table = PopulationCells.table(result: result, population: population)
        XCTAssertEqual(table.rowCount, expected.count, "squares", file: file, line: line)
        var previous: (Double, UInt32)?
        for (k, row) in table.rows.enumerated() {
            guard case .string(let id)? = row.first, let e = expected[id] else { return XCTFail("square \(row)", file: file, line: line) }
            XCTAssertEqual(row[2], .integer(Int64(e.points)), id, file: file, line: line)
            XCTAssertEqual(row[3], .real((e.inhabitants * 10).rounded() / 10), id, file: file, line: line)
            XCTAssertEqual(row[4], e.weight > 0 ? .real((e.sum / e.weight * 10).rounded() / 10) : .null, id, file: file, line: line)
            XCTAssertEqual(row[5], .real((e.max * 10).rounded() / 10), id, file: file, line: line)
            // In order of column, then row (as unsigned 32 bits): the key's order.
            guard case .polygon(let rings)? = table.geometries?[k] else { return XCTFail("geometry of \(id)", file: file, line: line) }
            let c = rings[0][0]
            let key = (c.x, UInt32(bitPattern: Int32((c.y / 500).rounded(.down))))
            if let previous { XCTAssertTrue(previous < key, "order at \(id)", file: file, line: line) }
            previous = key
        }
    }

    func points(_ n: Int, spread: Double, seed: UInt64) -> [PopulationPoint] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { i in
            PopulationPoint(id: String(i), location: Coordinate(x: 150_000 + (rng.unit() - 0.5) * spread, y: 450_000 + (rng.unit() - 0.5) * spread),
                            inhabitants: Double(rng.next() % 9))
        }
    }

    func testSquaresOfACountryMatchAPlainAggregation() throws {
        try check(points(30_000, spread: 40_000, seed: 3))
    }

    func testSquaresOfPointsFarApartMatchAPlainAggregation() throws {
        // A box of 1e8 m at 500 m is 4e10 squares: too many for the dense grid.
        var population = points(5_000, spread: 4_000, seed: 4)
        population += points(5_000, spread: 1e8, seed: 5)
        population.append(PopulationPoint(id: "far", location: Coordinate(x: -4e8, y: -4e8), inhabitants: 2))
        try check(population)
    }
}
