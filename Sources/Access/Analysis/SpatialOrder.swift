import Geo

/// The points' indexes in a space-filling (Morton, Z-order) sequence over a
/// 1024 × 1024 grid on their extent. Per-point work that reads a large
/// spatial structure — snapping to the road grid, reading the labels of the
/// snapped edge's nodes (numbered in Morton order too) — runs much faster
/// over neighbours one after the other than over the file's order, where
/// every point misses the caches. Only the order of the work changes: each
/// point's result is its own, written at its own index.
enum SpatialOrder {
    static let bits = 10

    /// A permutation of `0..<n`, `location(i)` being point i's place (counting sort on the cell's
    /// Morton key; points of one cell keep their relative order). Points that
    /// are not finite go last, in index order.
    static func indexes(count n: Int, _ location: (Int) -> Coordinate) -> [Int32] {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            let c = location(i)
            guard c.isFinite else { continue }
            minX = Swift.min(minX, c.x); maxX = Swift.max(maxX, c.x)
            minY = Swift.min(minY, c.y); maxY = Swift.max(maxY, c.y)
        }
        let side = 1 << bits
        let cells = side * side
        guard minX <= maxX else { return (0..<n).map { Int32($0) } }
        let sx = Double(side) / Swift.max(maxX - minX, 1e-9), sy = Double(side) / Swift.max(maxY - minY, 1e-9)
        // Key per point: cells 0..<cells, `cells` for points that are not finite.
        let keys = parallelMap(count: n, minPerWorker: 100_000) { i -> Int32 in
            let c = location(i)
            guard c.isFinite else { return Int32(cells) }
            let x = Swift.min(side - 1, Swift.max(0, Int((c.x - minX) * sx)))
            let y = Swift.min(side - 1, Swift.max(0, Int((c.y - minY) * sy)))
            return Int32(MortonCode.of(x: UInt64(x), y: UInt64(y)))
        }
        var start = [Int](repeating: 0, count: cells + 2)
        for k in keys { start[Int(k) + 1] += 1 }
        for b in 1..<start.count { start[b] += start[b - 1] }
        var order = [Int32](repeating: 0, count: n)
        for (i, k) in keys.enumerated() {
            order[start[Int(k)]] = Int32(i)
            start[Int(k)] += 1
        }
        return order
    }
}

extension SpatialOrder {
    /// The inverse of the permutation `order`: `ranks[order[k]] == k`.
    static func ranks(_ order: [Int32]) -> [Int32] {
        var ranks = [Int32](repeating: 0, count: order.count)
        for (k, i) in order.enumerated() { ranks[Int(i)] = Int32(k) }
        return ranks
    }

    /// `values[index[k]]` for every k, on all workers. Per-point work runs
    /// over values gathered into spatial order (`index`: the order) and its
    /// results are gathered back (`index`: the ranks): the random reads sit
    /// in a loop of their own, where the processor overlaps their cache
    /// misses, instead of stalling the work loop once per point.
    static func gather<T>(_ values: [T], by index: [Int32]) -> [T] {
        values.withUnsafeBufferPointer { v in
            index.withUnsafeBufferPointer { x in
                parallelMap(count: x.count, minPerWorker: 100_000) { v[Int(x[$0])] }
            }
        }
    }
}
