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
        let (keys, cellOfPoint) = cellNumbers(population, size: size)
        let allZero = !population.contains { $0.inhabitants > 0 }
        // Sums per square, added in point order (the same sums, to the bit,
        // as one square at a time): no dictionary lookup and no array
        // copy-on-write check per point (9M points).
        let n = keys.count
        var sums = [Sums](repeating: Sums(minuteWeight: [], minuteSum: []), count: n)
        sums.withUnsafeMutableBufferPointer { sums in
            result.points.withUnsafeBufferPointer { access in
                for (i, p) in population.enumerated() {
                    let c = Int(cellOfPoint[i])
                    guard c >= 0 else { continue }
                    let w = allZero ? 1 : max(p.inhabitants, 0)
                    sums[c].points += 1
                    sums[c].inhabitants += p.inhabitants
                    let d = access[i].nearestOpenM
                    if d.isFinite { sums[c].openWeight += w; sums[c].openSum += w * d; sums[c].openMax = max(sums[c].openMax, d) }
                }
            }
        }
        var minuteWeight = [[Double]](), minuteSum = [[Double]]()
        if let road = result.road {
            for m in modes.indices {
                var weight = [Double](repeating: 0, count: n), sum = [Double](repeating: 0, count: n)
                weight.withUnsafeMutableBufferPointer { weight in
                    sum.withUnsafeMutableBufferPointer { sum in
                        road.minutes[m].withUnsafeBufferPointer { minutes in
                            for (i, p) in population.enumerated() {
                                let c = Int(cellOfPoint[i])
                                guard c >= 0, minutes[i].isFinite else { continue }
                                let w = allZero ? 1 : max(p.inhabitants, 0)
                                weight[c] += w; sum[c] += w * minutes[i]
                            }
                        }
                    }
                }
                minuteWeight.append(weight); minuteSum.append(sum)
            }
        }
        for c in 0..<n {
            sums[c].minuteWeight = modes.indices.map { minuteWeight[$0][c] }
            sums[c].minuteSum = modes.indices.map { minuteSum[$0][c] }
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
        let sorted: [Cell] = keys.indices.sorted { keys[$0] < keys[$1] }.map { c in
            (Double(keys[c] >> 32) * size, Double(Int32(truncatingIfNeeded: keys[c])) * size, sums[c])
        }
        let geometries: [Geometry?] = sorted.map { c in
            let x0 = c.x0, y0 = c.y0
            return .polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x0 + size, y: y0), Coordinate(x: x0 + size, y: y0 + size),
                              Coordinate(x: x0, y: y0 + size), Coordinate(x: x0, y: y0)]])
        }
        return OutputTable(name: "population_cells", columns: columns, rows: sorted, geometries: geometries, kind: .polygon)
    }

    /// The key of each square that holds a point (numbered in order of first
    /// point) and each point's square number (-1: none, a point too far out).
    /// A key is the square's column << 32 | its row (as 32 bits). Within a
    /// bounding box of a few million squares (a country at 500 m) a dense
    /// grid finds the number; else a dictionary.
    static func cellNumbers(_ population: [PopulationPoint], size: Double) -> (keys: [Int64], cellOfPoint: [Int32]) {
        var columns = [Int64](repeating: 0, count: population.count), rows = columns
        var valid = [Bool](repeating: false, count: population.count)
        var minX = Int64.max, maxX = Int64.min, minY = Int64.max, maxY = Int64.min
        for (i, p) in population.enumerated() {
            let c = p.location
            guard c.isFinite, abs(c.x) < 1e9, abs(c.y) < 1e9 else { continue }
            let x = Int64((c.x / size).rounded(.down)), y = Int64((c.y / size).rounded(.down))
            columns[i] = x; rows[i] = y; valid[i] = true
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        var keys: [Int64] = []
        var cellOfPoint = [Int32](repeating: -1, count: population.count)
        guard minX <= maxX else { return (keys, cellOfPoint) }
        func key(_ i: Int) -> Int64 { columns[i] << 32 | (rows[i] & 0xFFFF_FFFF) }
        let width = maxX - minX + 1, height = maxY - minY + 1
        if width <= 1 << 24, height <= 1 << 24, width * height <= max(1 << 22, 2 * Int64(population.count)) {
            var slot = [Int32](repeating: -1, count: Int(width * height))
            for i in population.indices where valid[i] {
                let s = Int((columns[i] - minX) * height + (rows[i] - minY))
                if slot[s] < 0 { slot[s] = Int32(keys.count); keys.append(key(i)) }
                cellOfPoint[i] = slot[s]
            }
        } else {
            var numbers: [Int64: Int32] = [:]
            for i in population.indices where valid[i] {
                let k = key(i)
                if let c = numbers[k] {
                    cellOfPoint[i] = c
                } else {
                    numbers[k] = Int32(keys.count); cellOfPoint[i] = Int32(keys.count); keys.append(k)
                }
            }
        }
        return (keys, cellOfPoint)
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
