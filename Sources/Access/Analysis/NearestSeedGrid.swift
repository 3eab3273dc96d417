import Geo

/// A grid over an area where each cell holds the seed nearest to its
/// centre: a discrete Voronoi diagram of the seeds, computed by propagating
/// seeds between neighbouring cells (two raster sweeps each way, as the
/// 8-point signed sequential Euclidean distance transform does) in O(cells)
/// instead of building the Voronoi cells as geometry. A cell can miss its
/// nearest seed only where two seeds are almost equally near (within about a
/// cell of the diagram's edges).
struct NearestSeedGrid {
    let width: Int
    let height: Int
    let minX: Double
    let maxY: Double
    let cellSize: Double
    /// Per cell (row-major, row 0 at `maxY`), the seed index, -1 for none.
    private(set) var seed: [Int32]

    /// - Parameter prefers: whether seed a at squared distance da beats seed
    ///   b at db (distance first, then a stable tie rule).
    init(seeds: [Coordinate], envelope: (minX: Double, minY: Double, maxX: Double, maxY: Double), cellSize: Double,
         prefers: (_ a: Int32, _ da: Double, _ b: Int32, _ db: Double) -> Bool) {
        self.cellSize = cellSize
        minX = envelope.minX
        maxY = envelope.maxY
        width = Swift.max(1, Int(((envelope.maxX - envelope.minX) / cellSize).rounded(.up)))
        height = Swift.max(1, Int(((envelope.maxY - envelope.minY) / cellSize).rounded(.up)))
        var seed = [Int32](repeating: -1, count: width * height)
        let (w, h, x0, y0, size) = (width, height, minX, maxY, cellSize)
        seed.withUnsafeMutableBufferPointer { cells in
            seeds.withUnsafeBufferPointer { s in
                @inline(__always) func d2(_ k: Int32, _ r: Int, _ c: Int) -> Double {
                    let dx = s[Int(k)].x - (x0 + (Double(c) + 0.5) * size)
                    let dy = s[Int(k)].y - (y0 - (Double(r) + 0.5) * size)
                    return dx * dx + dy * dy
                }
                @inline(__always) func offer(_ r: Int, _ c: Int, _ k: Int32) {
                    guard k >= 0 else { return }
                    let i = r * w + c, current = cells[i]
                    if current < 0 { cells[i] = k; return }
                    if current != k && prefers(k, d2(k, r, c), current, d2(current, r, c)) { cells[i] = k }
                }
                // A seed outside the grid enters through the border cell nearest to it.
                for k in s.indices {
                    let c = Swift.min(w - 1, Swift.max(0, Int(((s[k].x - x0) / size).rounded(.down))))
                    let r = Swift.min(h - 1, Swift.max(0, Int(((y0 - s[k].y) / size).rounded(.down))))
                    offer(r, c, Int32(k))
                }
                for _ in 0..<2 {
                    for r in 0..<h {
                        for c in 0..<w {
                            if c > 0 { offer(r, c, cells[r * w + c - 1]) }
                            if r > 0 {
                                if c > 0 { offer(r, c, cells[(r - 1) * w + c - 1]) }
                                offer(r, c, cells[(r - 1) * w + c])
                                if c + 1 < w { offer(r, c, cells[(r - 1) * w + c + 1]) }
                            }
                        }
                        for c in stride(from: w - 2, through: 0, by: -1) { offer(r, c, cells[r * w + c + 1]) }
                    }
                    for r in stride(from: h - 1, through: 0, by: -1) {
                        for c in stride(from: w - 1, through: 0, by: -1) {
                            if c + 1 < w { offer(r, c, cells[r * w + c + 1]) }
                            if r + 1 < h {
                                if c + 1 < w { offer(r, c, cells[(r + 1) * w + c + 1]) }
                                offer(r, c, cells[(r + 1) * w + c])
                                if c > 0 { offer(r, c, cells[(r + 1) * w + c - 1]) }
                            }
                        }
                        for c in 1..<Swift.max(1, w) { offer(r, c, cells[r * w + c - 1]) }
                    }
                }
            }
        }
        self.seed = seed
    }
}
