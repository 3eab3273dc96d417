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
    /// Above this many population points the maps draw squares. At 20,000
    /// dots a map 760 px wide is already a solid carpet (a dot is 1.3 px or
    /// more), while reading, drawing and rasterising every point cost seconds.
    public static let threshold = 20_000
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
            let w = allZero ? 1 : max(p.inhabitants, 0)
            func update(_ s: inout Sums) {
                s.points += 1
                s.inhabitants += p.inhabitants
                let d = result.points[i].nearestOpenM
                if d.isFinite { s.openWeight += w; s.openSum += w * d; s.openMax = max(s.openMax, d) }
                if let road = result.road {
                    for m in modes.indices where road.minutes[m][i].isFinite {
                        s.minuteWeight[m] += w; s.minuteSum[m] += w * road.minutes[m][i]
                    }
                }
            }
            // Mutated in place: a copy taken out of the dictionary and put
            // back copied both arrays for every point (seconds at 9M points).
            update(&cells[k, default: Sums(minuteWeight: Array(repeating: 0, count: modes.count),
                                           minuteSum: Array(repeating: 0, count: modes.count))])
        }
        typealias C = PopulationCellColumn
        typealias Cell = (x0: Double, y0: Double, sums: Sums)
        var columns: [OutputColumn<Cell>] = [
            .text(C.cellID) { cellID($0.x0, $0.y0) },
            .number(C.cellSizeM, .metres, decimals: nil) { _ in size },
            .count(C.points) { $0.sums.points },
            .number(C.inhabitants, .inhabitants, decimals: 1) { $0.sums.inhabitants },
            .number(C.meanOpenM, .metres, decimals: 1) { $0.sums.openWeight > 0 ? $0.sums.openSum / $0.sums.openWeight : nil },
            .number(C.maxOpenM, .metres, decimals: 1) { $0.sums.openMax },
        ]
        columns += modes.indices.map { m in
            .number(C.meanMinutes(modes[m].name), .minutes, decimals: 2) { c in
                c.sums.minuteWeight[m] > 0 ? c.sums.minuteSum[m] / c.sums.minuteWeight[m] : nil
            }
        }
        // Sorted by key: the same bytes whatever the order of the points.
        let sorted: [Cell] = cells.keys.sorted().map { k in
            (Double(k >> 32) * size, Double(Int32(truncatingIfNeeded: k)) * size, cells[k]!)
        }
        let geometries: [Geometry?] = sorted.map { c in
            let x0 = c.x0, y0 = c.y0
            return .polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x0 + size, y: y0), Coordinate(x: x0 + size, y: y0 + size),
                              Coordinate(x: x0, y: y0 + size), Coordinate(x: x0, y: y0)]])
        }
        return OutputTable(name: "population_cells", columns: columns, rows: sorted, geometries: geometries, kind: .polygon)
    }

    /// run.json says that maps and viewer show squares and from how many points on.
    static func state(in run: inout RunReport, points: Int, squares: Int) {
        run.counts["population_cells"] = Double(squares)
        run.counts["population_cells_above_points"] = Double(threshold)
        run.counts["population_cell_size_m"] = cellSizeM
        run.warnings.append("\(points) population points are more than \(threshold): population_cells.geojson aggregates them into \(squares) squares of \(Int(cellSizeM)) m (population-weighted means), which maps and viewer.html draw instead of dots; population.geojson keeps every point.")
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
