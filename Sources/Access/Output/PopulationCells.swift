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

    /// Per square: the sums its means are made of, by the square's slot.
    struct Sums {
        var points: [Int]
        var inhabitants: [Double], openWeight: [Double], openSum: [Double], openMax: [Double]
        /// By slot × mode.
        var minuteWeight: [Double], minuteSum: [Double]

        init(squares: Int, modes: Int) {
            points = Array(repeating: 0, count: squares)
            inhabitants = Array(repeating: 0, count: squares)
            openWeight = inhabitants; openSum = inhabitants
            openMax = Array(repeating: -.infinity, count: squares)
            minuteWeight = Array(repeating: 0, count: squares * modes); minuteSum = minuteWeight
        }
    }

    /// A square's key: its column in the high half, its row in the low.
    static func key(_ c: Coordinate, size: Double) -> Int64? {
        guard c.isFinite, abs(c.x) < 1e9, abs(c.y) < 1e9 else { return nil }
        return Int64((c.x / size).rounded(.down)) << 32 | (Int64((c.y / size).rounded(.down)) & 0xFFFF_FFFF)
    }

    /// Each point's square as a slot number (-1: no finite location), slots
    /// numbered in the order the squares are first met, with each slot's key.
    /// The squares of the points' bounding box are looked up in a flat grid
    /// when it has at most `denseLimit` squares (the Netherlands: ~420,000),
    /// else in a dictionary.
    static func slots(_ population: [PopulationPoint], size: Double, denseLimit: Int = 1 << 23) -> (slot: [Int32], keys: [Int64]) {
        let keys = population.map { key($0.location, size: size) }
        var minC = Int64.max, maxC = Int64.min, minR = Int64.max, maxR = Int64.min
        for case let k? in keys {
            let c = k >> 32, r = Int64(Int32(truncatingIfNeeded: k))
            minC = Swift.min(minC, c); maxC = Swift.max(maxC, c); minR = Swift.min(minR, r); maxR = Swift.max(maxR, r)
        }
        var slot = [Int32](repeating: -1, count: population.count), slotKeys: [Int64] = []
        guard minC <= maxC else { return (slot, slotKeys) }
        let width = maxC - minC + 1, height = maxR - minR + 1
        if width <= Int64(denseLimit), height <= Int64(denseLimit), width * height <= Int64(denseLimit) {
            var grid = [Int32](repeating: -1, count: Int(width * height))
            for (i, k) in keys.enumerated() {
                guard let k else { continue }
                let g = Int(((k >> 32) - minC) * height + (Int64(Int32(truncatingIfNeeded: k)) - minR))
                if grid[g] < 0 { grid[g] = Int32(slotKeys.count); slotKeys.append(k) }
                slot[i] = grid[g]
            }
        } else {
            var byKey: [Int64: Int32] = [:]
            for (i, k) in keys.enumerated() {
                guard let k else { continue }
                if let s = byKey[k] { slot[i] = s; continue }
                byKey[k] = Int32(slotKeys.count)
                slot[i] = Int32(slotKeys.count)
                slotKeys.append(k)
            }
        }
        return (slot, slotKeys)
    }

    static func table(result: AnalysisResult, population: [PopulationPoint], cellSizeM size: Double = cellSizeM) -> OutputTable {
        let modes = result.road?.modes ?? [], n = modes.count
        let (slot, slotKeys) = slots(population, size: size)
        var adding = Sums(squares: slotKeys.count, modes: n)
        let allZero = !population.contains { $0.inhabitants > 0 }
        // Point by point in their order, so that every square's sums are
        // added in the same order whatever the squares' lookup.
        for (i, p) in population.enumerated() where slot[i] >= 0 {
            let s = Int(slot[i])
            let w = allZero ? 1 : max(p.inhabitants, 0)
            adding.points[s] += 1
            adding.inhabitants[s] += p.inhabitants
            let d = result.points[i].nearestOpenM
            if d.isFinite { adding.openWeight[s] += w; adding.openSum[s] += w * d; adding.openMax[s] = max(adding.openMax[s], d) }
            if let road = result.road {
                for m in modes.indices where road.minutes[m][i].isFinite {
                    adding.minuteWeight[s * n + m] += w; adding.minuteSum[s * n + m] += w * road.minutes[m][i]
                }
            }
        }
        let sums = adding
        typealias C = PopulationCellColumn
        typealias Cell = (x0: Double, y0: Double, slot: Int)
        var columns: [OutputColumn<Cell>] = [
            .text(C.cellID) { cellID($0.x0, $0.y0) },
            .number(C.cellSizeM, .metres, decimals: nil) { _ in size },
            .count(C.points) { sums.points[$0.slot] },
            .number(C.inhabitants, .inhabitants, decimals: 1) { sums.inhabitants[$0.slot] },
            .number(C.meanOpenM, .metres, decimals: 1) { sums.openWeight[$0.slot] > 0 ? sums.openSum[$0.slot] / sums.openWeight[$0.slot] : nil },
            .number(C.maxOpenM, .metres, decimals: 1) { sums.openMax[$0.slot] },
        ]
        columns += modes.indices.map { m in
            .number(C.meanMinutes(modes[m].name), .minutes, decimals: 2) { c in
                sums.minuteWeight[c.slot * n + m] > 0 ? sums.minuteSum[c.slot * n + m] / sums.minuteWeight[c.slot * n + m] : nil
            }
        }
        // Sorted by key: the same bytes whatever the order of the points.
        let sorted: [Cell] = slotKeys.indices.sorted { slotKeys[$0] < slotKeys[$1] }.map { s in
            let k = slotKeys[s]
            return (Double(k >> 32) * size, Double(Int32(truncatingIfNeeded: k)) * size, s)
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
