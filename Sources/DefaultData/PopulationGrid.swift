import Foundation
import Geo
import Access

/// Spreads the table's inhabitants over 500 m grid cells (EPSG:28992, lower
/// left corners on multiples of 500 m, like the CBS grid): each place with a
/// distance decay around it, each municipality's rural remainder over empty
/// cells of its countryside. Every cell used lies in exactly one municipality
/// polygon, so per-municipality totals equal the table exactly.
struct PopulationGrid {
    static let cellSize = 500.0
    /// CBS publishes no cell below 5 inhabitants; neither do we.
    static let minimumInhabitants = 5

    private let origin: (ix: Int, iy: Int)
    private let size: (nx: Int, ny: Int)
    /// Municipality index of each cell, or -1 when the cell centre is not in
    /// exactly one municipality polygon.
    private let municipalityOfCell: [Int]
    private var inhabitants: [Int]
    private var olderWeighted: [Double]

    init(polygons: MunicipalityPolygons) throws {
        let env = polygons.outline.envelope
        let s = Self.cellSize
        let ix0 = Int((env.minX / s).rounded(.down)), iy0 = Int((env.minY / s).rounded(.down))
        let nx = Int((env.maxX / s).rounded(.up)) - ix0, ny = Int((env.maxY / s).rounded(.up)) - iy0
        origin = (ix0, iy0)
        size = (nx, ny)
        var centres = [Coordinate]()
        centres.reserveCapacity(nx * ny)
        for j in 0..<ny {
            for i in 0..<nx {
                centres.append(Coordinate(x: (Double(ix0 + i) + 0.5) * s, y: (Double(iy0 + j) + 0.5) * s))
            }
        }
        // Each polygon is tested on its own, so a centre on a shared border
        // (covered by two) is recognised and left unused.
        var owner = [Int](repeating: -1, count: centres.count)
        var coverage = [Int](repeating: 0, count: centres.count)
        for (m, polygon) in polygons.polygons.enumerated() {
            let hits = try PolygonLocator.locateAll(centres, in: [polygon])
            for (k, hit) in hits.enumerated() where hit >= 0 {
                coverage[k] += 1
                owner[k] = m
            }
        }
        municipalityOfCell = zip(owner, coverage).map { $1 == 1 ? $0 : -1 }
        inhabitants = [Int](repeating: 0, count: centres.count)
        olderWeighted = [Double](repeating: 0, count: centres.count)
    }

    private func centre(_ k: Int) -> Coordinate {
        let i = k % size.nx, j = k / size.nx
        return Coordinate(x: (Double(origin.ix + i) + 0.5) * Self.cellSize,
                          y: (Double(origin.iy + j) + 0.5) * Self.cellSize)
    }

    /// Spreads a place's inhabitants over the cells of its municipality
    /// around `location`, weight exp(-d / scale).
    mutating func spread(place: DrenthePlaces.Place, at location: Coordinate, municipality m: Int,
                         share65plus: () -> Double) throws {
        let scale = Self.decayScale(inhabitants: place.inhabitants)
        let radius = 3 * scale + Self.cellSize / 2
        let s = Self.cellSize
        let iLo = max(0, Int(((location.x - radius) / s).rounded(.down)) - origin.ix)
        let iHi = min(size.nx - 1, Int(((location.x + radius) / s).rounded(.up)) - origin.ix)
        let jLo = max(0, Int(((location.y - radius) / s).rounded(.down)) - origin.iy)
        let jHi = min(size.ny - 1, Int(((location.y + radius) / s).rounded(.up)) - origin.iy)
        var cells = [Int](), weights = [Double]()
        if iLo <= iHi && jLo <= jHi {
            for j in jLo...jHi {
                for i in iLo...iHi {
                    let k = j * size.nx + i
                    guard municipalityOfCell[k] == m else { continue }
                    let d = centre(k).distance(to: location)
                    guard d <= radius else { continue }
                    cells.append(k)
                    weights.append(exp(-d / scale))
                }
            }
        }
        guard !cells.isEmpty else { throw DefaultDataError.noCellsForPlace(place.name) }
        let counts = Self.apportion(place.inhabitants, weights: weights, minimum: Self.minimumInhabitants)
        for (k, n) in zip(cells, counts) where n > 0 {
            inhabitants[k] += n
            olderWeighted[k] += Double(n) * share65plus()
        }
    }

    /// Puts `total` rural inhabitants on randomly chosen empty cells of the
    /// municipality, a few dozen each.
    mutating func scatterRural(_ total: Int, municipality m: Int, name: String, rng: inout SplitMix64) throws {
        guard total > 0 else { return }
        var empty = (0..<inhabitants.count).filter { municipalityOfCell[$0] == m && inhabitants[$0] == 0 }
        rng.shuffle(&empty)
        var left = total
        var next = 0
        if left < Self.minimumInhabitants {
            // Too few to fill a cell of their own: add them to the fullest cell.
            let fullest = (0..<inhabitants.count).filter { municipalityOfCell[$0] == m }
                .max { inhabitants[$0] < inhabitants[$1] }!
            inhabitants[fullest] += left
            olderWeighted[fullest] += Double(left) * 0.29
            return
        }
        while left > 0 {
            guard next < empty.count else {
                try topUpThinnestCells(left, municipality: m, name: name)
                return
            }
            var n = rng.int(8...45)
            if left - n < 8 { n = left }
            let k = empty[next]
            next += 1
            inhabitants[k] = n
            olderWeighted[k] = Double(n) * rng.uniform(0.27, 0.31)
            left -= n
        }
    }

    /// When a municipality has no empty countryside left (a town filling its
    /// whole territory), its rural remainder goes to its thinnest cells.
    private mutating func topUpThinnestCells(_ total: Int, municipality m: Int, name: String) throws {
        let thinnest = (0..<inhabitants.count).filter { municipalityOfCell[$0] == m && inhabitants[$0] > 0 }
            .sorted { inhabitants[$0] != inhabitants[$1] ? inhabitants[$0] < inhabitants[$1] : $0 < $1 }
        guard !thinnest.isEmpty else { throw DefaultDataError.notEnoughRuralCells(municipality: name) }
        let counts = Self.apportion(total, weights: [Double](repeating: 1, count: thinnest.count), minimum: 1)
        for (k, n) in zip(thinnest, counts) where n > 0 {
            inhabitants[k] += n
            olderWeighted[k] += Double(n) * 0.29
        }
    }

    /// The populated cells, in grid order (south to north, west to east).
    func points() -> [PopulationPoint] {
        (0..<inhabitants.count).compactMap { k in
            let n = inhabitants[k]
            guard n > 0 else { return nil }
            let i = k % size.nx, j = k / size.nx
            let llx = (origin.ix + i) * Int(Self.cellSize), lly = (origin.iy + j) * Int(Self.cellSize)
            let older = min(n, Int(olderWeighted[k].rounded()))
            return PopulationPoint(id: "C-\(llx)-\(lly)", location: centre(k),
                                   inhabitants: Double(n), inhabitants65plus: Double(older))
        }
    }

    /// Decay length in metres: a village of 500 keeps most people within a
    /// few hundred metres, a town of 60,000 spreads over several kilometres.
    static func decayScale(inhabitants: Int) -> Double {
        max(350, 220 * (Double(inhabitants) / 1000).squareRoot())
    }

    /// Splits `total` in proportion to `weights` into integers that sum to
    /// `total` exactly (largest remainder); entries that would get fewer than
    /// `minimum` are dropped and the rest renormalised.
    static func apportion(_ total: Int, weights: [Double], minimum: Int) -> [Int] {
        var active = Array(weights.indices)
        while true {
            let sum = active.reduce(0.0) { $0 + weights[$1] }
            var counts = [Int](repeating: 0, count: weights.count)
            var fractions = [(index: Int, fraction: Double)]()
            var assigned = 0
            for i in active {
                let exact = Double(total) * weights[i] / sum
                counts[i] = Int(exact.rounded(.down))
                assigned += counts[i]
                fractions.append((i, exact - Double(counts[i])))
            }
            fractions.sort { $0.fraction != $1.fraction ? $0.fraction > $1.fraction : $0.index < $1.index }
            for f in fractions.prefix(total - assigned) { counts[f.index] += 1 }
            let tooSmall = active.filter { counts[$0] < minimum }
            if tooSmall.isEmpty || active.count == 1 { return counts }
            let keep = active.filter { counts[$0] >= minimum }
            // If every entry is too small, keep only the heaviest one.
            active = keep.isEmpty ? [active.max { weights[$0] < weights[$1] }!] : keep
        }
    }
}
