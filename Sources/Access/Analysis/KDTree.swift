import Geo

/// A static 2-d tree over points for nearest-neighbour queries (planar,
/// EPSG:28992 metres). Built once, then queried from any number of threads:
/// it is immutable and keeps all state in flat arrays.
public struct KDTree: Sendable {
    /// Point coordinates in tree order, and the caller's index of each.
    let xs: [Double]
    let ys: [Double]
    let ids: [Int32]
    /// Per point in tree order, whether it is in the marked subset
    /// (`init(_:marked:)`; empty when none was given).
    let marked: [Bool]

    public var count: Int { ids.count }

    /// Ranges of at most this many points are searched point by point.
    static let leafSize = 8

    public init(_ points: [Coordinate]) {
        self.init(points, marked: [])
    }

    /// A tree whose points `marked[i]` form a subset that
    /// `nearestAndTwoMarked` answers for in the same traversal.
    public init(_ points: [Coordinate], marked: [Bool]) {
        precondition(marked.isEmpty || marked.count == points.count, "one mark per point")
        var order = Array(0..<points.count)
        Self.build(&order, points, 0, points.count, depth: 0)
        xs = order.map { points[$0].x }
        ys = order.map { points[$0].y }
        ids = order.map { Int32($0) }
        self.marked = marked.isEmpty ? [] : order.map { marked[$0] }
    }

    /// Median-split build: the median of each range sits in its middle.
    private static func build(_ order: inout [Int], _ p: [Coordinate], _ lo: Int, _ hi: Int, depth: Int) {
        guard hi - lo > 1 else { return }
        let mid = (lo + hi) / 2
        let useX = depth % 2 == 0
        select(&order, p, lo, hi - 1, mid, useX)
        build(&order, p, lo, mid, depth: depth + 1)
        build(&order, p, mid + 1, hi, depth: depth + 1)
    }

    /// Quickselect so that order[k] is the k-th along the axis.
    private static func select(_ a: inout [Int], _ p: [Coordinate], _ lo0: Int, _ hi0: Int, _ k: Int, _ useX: Bool) {
        var lo = lo0, hi = hi0
        func key(_ i: Int) -> Double { useX ? p[a[i]].x : p[a[i]].y }
        while lo < hi {
            let pivot = key((lo + hi) / 2)
            var i = lo, j = hi
            while i <= j {
                while key(i) < pivot { i += 1 }
                while key(j) > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }

    /// The nearest and second-nearest points (caller's indexes) and their
    /// distances in metres; -1 / infinity where fewer points exist. Equal
    /// distances go to the lower caller's index, whatever the tree's shape,
    /// so ties do not depend on the order the points were given in.
    public func nearestTwo(to q: Coordinate) -> (first: Int, firstDistance: Double, second: Int, secondDistance: Double) {
        search(q, two: true)
    }

    public func nearest(to q: Coordinate) -> (index: Int, distance: Double) {
        let r = search(q, two: false)
        return (r.first, r.firstDistance)
    }

    /// The nearest two (`two`) or the nearest point: with one, ranges are
    /// pruned against the best distance instead of the second best.
    @inline(__always)
    private func search(_ q: Coordinate, two: Bool) -> (first: Int, firstDistance: Double, second: Int, secondDistance: Double) {
        var id1 = Int32.max, id2 = Int32.max
        var d1 = Double.infinity, d2 = Double.infinity // squared
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                ids.withUnsafeBufferPointer { ib in
                    // Explicit stack of (lo, hi, depth, squared distance to the range's side),
                    // on the thread's stack rather than the heap (two queries a point, millions of
                    // points). It holds at most one pending far side per level plus the near one:
                    // depth ≤ 64 for any Int count, so 96 entries always suffice.
                    withUnsafeTemporaryAllocation(of: (Int, Int, Int, Double).self, capacity: 96) { stack in
                        stack[0] = (0, xb.count, 0, 0)
                        var top = 1
                        while top > 0 {
                            top -= 1
                            let (lo, hi, depth, bound) = stack[top]
                            // `<=`: a point at exactly the bound may still win on index.
                            guard lo < hi, bound <= (two ? d2 : d1) else { continue }
                            @inline(__always) func offer(_ m: Int) -> (dx: Double, dy: Double) {
                                let dx = xb[m] - q.x, dy = yb[m] - q.y
                                let d = dx * dx + dy * dy
                                let id = ib[m]
                                if d < d1 || (d == d1 && id < id1) {
                                    d2 = d1; id2 = id1; d1 = d; id1 = id
                                } else if d < d2 || (d == d2 && id < id2) {
                                    d2 = d; id2 = id
                                }
                                return (dx, dy)
                            }
                            // A small range is read in full: fewer branches than
                            // descending it (the top two are the same whatever
                            // the order points are offered in).
                            if hi - lo <= Self.leafSize {
                                for m in lo..<hi { _ = offer(m) }
                                continue
                            }
                            let mid = (lo + hi) / 2
                            let (dx, dy) = offer(mid)
                            let diff = depth % 2 == 0 ? dx : dy // node minus query along the axis
                            let (near, far) = diff > 0 ? ((lo, mid), (mid + 1, hi)) : ((mid + 1, hi), (lo, mid))
                            // Far side only if the splitting line is not farther than the second best.
                            if diff * diff <= (two ? d2 : d1) { stack[top] = (far.0, far.1, depth + 1, diff * diff); top += 1 }
                            stack[top] = (near.0, near.1, depth + 1, bound); top += 1
                        }
                    }
                }
            }
        }
        return (id1 != .max ? Int(id1) : -1, d1.squareRoot(),
                id2 != .max ? Int(id2) : -1, d2.squareRoot())
    }

}
