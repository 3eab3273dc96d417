/// Thins a line or ring on the page before it is written (Douglas–Peucker in
/// SVG units). Road catchments come out of a raster (`GDALPolygonize`) as
/// staircases with a vertex every cell; at map scale most of those steps are
/// below a pixel, and writing and rasterising them cost more than the rest of
/// the map.
enum PathSimplifier {
    /// Vertices closer than this to the kept line are dropped: half a pixel
    /// at the size the PNGs are drawn, below what an anti-aliased 1 px line
    /// shows. On the 200k-node grid's catchments (18 m raster cells, 33 m a
    /// pixel) it keeps 30,000 of 107,000 vertices; a quarter pixel kept 75,000.
    static let tolerance = 0.5

    /// The points to keep, in order; the first and last always stay. A closed
    /// ring (first == last) also keeps its vertex farthest from the first, so
    /// it cannot collapse to a line.
    static func simplify(_ points: [(x: Double, y: Double)], tolerance: Double = tolerance) -> [(x: Double, y: Double)] {
        guard points.count > 3 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var ranges = [(Int, Int)]()
        let first = points[0], last = points[points.count - 1]
        if first.x == last.x && first.y == last.y {
            var far = 1, farthest = -1.0
            for i in 1..<(points.count - 1) {
                let d = squared(points[i].x - first.x, points[i].y - first.y)
                if d > farthest { farthest = d; far = i }
            }
            keep[far] = true
            ranges = [(0, far), (far, points.count - 1)]
        } else {
            ranges = [(0, points.count - 1)]
        }
        let limit = tolerance * tolerance
        while let (a, b) = ranges.popLast() {
            guard b - a > 1 else { continue }
            var worst = a, worstDistance = -1.0
            for i in (a + 1)..<b {
                let d = squaredDistance(points[i], from: points[a], to: points[b])
                if d > worstDistance { worstDistance = d; worst = i }
            }
            if worstDistance > limit {
                keep[worst] = true
                ranges.append((a, worst))
                ranges.append((worst, b))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    static func squared(_ dx: Double, _ dy: Double) -> Double { dx * dx + dy * dy }

    /// Squared distance from `p` to the segment a–b.
    static func squaredDistance(_ p: (x: Double, y: Double), from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return squared(p.x - a.x, p.y - a.y) }
        let t = min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
        return squared(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }
}
