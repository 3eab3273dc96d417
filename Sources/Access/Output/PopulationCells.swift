import Foundation
import Geo

/// The population aggregated to squares of the RD New grid (CBS-style
/// 500 m squares, aligned to multiples of the size), written as
/// `population_cells.geojson` when a run has more than `threshold` points.
/// Maps and `viewer.html` draw these squares instead of millions of dots, so
/// they do not grow with the number of points.
///
/// Per square: `points`, `inhabitants`, and population-weighted means over
/// the inhabitants that have a value (`mean_open_m`: straight line to the
/// nearest open practice; `mean_min_<mode>`: travel time by road), with
/// `max_open_m`. A square with points but no inhabitants weighs its points
/// equally.
public enum PopulationCells {
    /// Above this many population points the maps draw squares.
    public static let threshold = 50_000
    public static let cellSizeM = 500.0
    public static let fileName = "population_cells.geojson"

    struct Sums {
        var points = 0
        var inhabitants = 0.0
        var openWeight = 0.0, openSum = 0.0, openMax = -Double.infinity
        var minuteWeight: [Double], minuteSum: [Double]
    }

    static func table(result: AnalysisResult, population: [PopulationPoint], cellSizeM size: Double = cellSizeM) -> OutputTable {
        let modes = result.road?.modes ?? []
        var cells: [Int64: Sums] = [:]
        func key(_ c: Coordinate) -> Int64? {
            guard c.isFinite, abs(c.x) < 1e9, abs(c.y) < 1e9 else { return nil }
            return Int64((c.x / size).rounded(.down)) << 32 | (Int64((c.y / size).rounded(.down)) & 0xFFFF_FFFF)
        }
        let allZero = !population.contains { $0.inhabitants > 0 }
        for (i, p) in population.enumerated() {
            guard let k = key(p.location) else { continue }
            var s = cells[k] ?? Sums(minuteWeight: Array(repeating: 0, count: modes.count), minuteSum: Array(repeating: 0, count: modes.count))
            let w = allZero ? 1 : max(p.inhabitants, 0)
            s.points += 1
            s.inhabitants += p.inhabitants
            let d = result.points[i].nearestOpenM
            if d.isFinite { s.openWeight += w; s.openSum += w * d; s.openMax = max(s.openMax, d) }
            if let road = result.road {
                for m in modes.indices where road.minutes[m][i].isFinite {
                    s.minuteWeight[m] += w; s.minuteSum[m] += w * road.minutes[m][i]
                }
            }
            cells[k] = s
        }
        var fields = [FieldDefinition("cell_id", .string), FieldDefinition("cell_size_m", .real), FieldDefinition("points", .integer),
                      FieldDefinition("inhabitants", .real), FieldDefinition("mean_open_m", .real), FieldDefinition("max_open_m", .real)]
        fields += modes.map { FieldDefinition("mean_min_\($0.name)", .real) }
        var rows = [[FieldValue]](), geometries = [Geometry?]()
        rows.reserveCapacity(cells.count); geometries.reserveCapacity(cells.count)
        // Sorted by key: the same bytes whatever the order of the points.
        for k in cells.keys.sorted() {
            let s = cells[k]!
            let ix = Double(k >> 32), iy = Double(Int32(truncatingIfNeeded: k))
            let x0 = ix * size, y0 = iy * size
            func round(_ v: Double, _ digits: Double) -> FieldValue { .real((v * digits).rounded() / digits) }
            var row: [FieldValue] = [.string(cellID(x0, y0)), .real(size), .integer(Int64(s.points)), .real((s.inhabitants * 10).rounded() / 10),
                                     s.openWeight > 0 ? round(s.openSum / s.openWeight, 10) : .null,
                                     s.openMax.isFinite ? round(s.openMax, 10) : .null]
            row += modes.indices.map { m in s.minuteWeight[m] > 0 ? round(s.minuteSum[m] / s.minuteWeight[m], 100) : .null }
            rows.append(row)
            let ring = [Coordinate(x: x0, y: y0), Coordinate(x: x0 + size, y: y0), Coordinate(x: x0 + size, y: y0 + size),
                        Coordinate(x: x0, y: y0 + size), Coordinate(x: x0, y: y0)]
            geometries.append(.polygon([ring]))
        }
        return OutputTable(name: "population_cells", fields: fields, rows: rows, geometries: geometries, kind: .polygon)
    }

    /// "E1505N4520": the lower-left corner in hectometres (RD New).
    static func cellID(_ x0: Double, _ y0: Double) -> String {
        func hm(_ v: Double) -> String {
            let n = Int64((v / 100).rounded())
            let s = String(abs(n))
            return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - s.count)) + s
        }
        return "E\(hm(x0))N\(hm(y0))"
    }
}
