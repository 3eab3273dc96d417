/// The nearest point of all and the nearest two of a marked subset in one
/// traversal (the straight-line nearest practice of any status and the
/// nearest two open ones): the answers of `nearest` on the whole tree and of
/// `nearestTwo` on a tree of the marked points alone, ties included.
extension KDTree {
    /// Caller's indexes and distances (metres); -1 / infinity where fewer
    /// points exist. Equal distances go to the lower caller's index, as in
    /// `nearest` and `nearestTwo`: the marked points keep their relative
    /// order, so a tree of them alone would decide ties the same way.
    public func nearestAndTwoMarked(to q: Coordinate) -> (any: Int, anyDistance: Double,
                                                          first: Int, firstDistance: Double, second: Int, secondDistance: Double) {
        precondition(marked.count == count, "a tree built with marks")
        var idA = Int32.max, id1 = Int32.max, id2 = Int32.max
        var dA = Double.infinity, d1 = Double.infinity, d2 = Double.infinity // squared
        // The marked second best bounds the search: dA ≤ d1 ≤ d2, so no range
        // farther than d2 can hold a better point of either kind.
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                ids.withUnsafeBufferPointer { ib in
                    marked.withUnsafeBufferPointer { mb in
                        // (lo, hi, depth, squared distance to the range's side); see `search`.
                        withUnsafeTemporaryAllocation(of: (Int, Int, Int, Double).self, capacity: 96) { stack in
                            stack[0] = (0, xb.count, 0, 0)
                            var top = 1
                            while top > 0 {
                                top -= 1
                                let (lo, hi, depth, bound) = stack[top]
                                guard lo < hi, bound <= d2 else { continue }
                                @inline(__always) func offer(_ m: Int) -> (dx: Double, dy: Double) {
                                    let dx = xb[m] - q.x, dy = yb[m] - q.y
                                    let d = dx * dx + dy * dy
                                    let id = ib[m]
                                    if d < dA || (d == dA && id < idA) { dA = d; idA = id }
                                    if mb[m] {
                                        if d < d1 || (d == d1 && id < id1) {
                                            d2 = d1; id2 = id1; d1 = d; id1 = id
                                        } else if d < d2 || (d == d2 && id < id2) {
                                            d2 = d; id2 = id
                                        }
                                    }
                                    return (dx, dy)
                                }
                                if hi - lo <= Self.leafSize {
                                    for m in lo..<hi { _ = offer(m) }
                                    continue
                                }
                                let mid = (lo + hi) / 2
                                let (dx, dy) = offer(mid)
                                let diff = depth % 2 == 0 ? dx : dy
                                let (near, far) = diff > 0 ? ((lo, mid), (mid + 1, hi)) : ((mid + 1, hi), (lo, mid))
                                if diff * diff <= d2 { stack[top] = (far.0, far.1, depth + 1, diff * diff); top += 1 }
                                stack[top] = (near.0, near.1, depth + 1, bound); top += 1
                            }
                        }
                    }
                }
            }
        }
        return (idA != .max ? Int(idA) : -1, dA.squareRoot(),
                id1 != .max ? Int(id1) : -1, d1.squareRoot(),
                id2 != .max ? Int(id2) : -1, d2.squareRoot())
    }
}
