import Geo

extension KDTree {
    /// Every point within `radius` metres of `q` (inclusive): the caller's
    /// indexes and the distances, in no particular order.
    public func within(_ radius: Double, of q: Coordinate) -> [(index: Int32, distance: Double)] {
        var found: [(index: Int32, distance: Double)] = []
        let r2 = radius * radius
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                var stack = [(Int, Int, Int)]()
                stack.reserveCapacity(64)
                stack.append((0, xb.count, 0))
                while let (lo, hi, depth) = stack.popLast() {
                    guard lo < hi else { continue }
                    let mid = (lo + hi) / 2
                    let dx = xb[mid] - q.x, dy = yb[mid] - q.y
                    let d = dx * dx + dy * dy
                    if d <= r2 { found.append((ids[mid], d.squareRoot())) }
                    let diff = depth % 2 == 0 ? dx : dy // node minus query along the axis
                    // Left holds coordinates ≤ the node's, right ≥ it.
                    if diff >= -radius { stack.append((lo, mid, depth + 1)) }
                    if diff <= radius { stack.append((mid + 1, hi, depth + 1)) }
                }
            }
        }
        return found
    }
}
