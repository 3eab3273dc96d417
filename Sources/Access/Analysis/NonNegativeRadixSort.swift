/// A stable least-significant-digit radix sort of (value, weight) pairs by
/// value, for values that are all non-negative (zero, positive, +infinity):
/// there the order of the IEEE bit patterns is the order of the numbers, so
/// the result is exactly that of a stable comparison sort, in a few linear
/// passes instead of n log n comparisons (a region's quantiles at national
/// scale sort millions of distances). nil when some value is negative, -0.0
/// or NaN: the caller sorts by comparison then.
enum NonNegativeRadixSort {
    static let digitBits = 11

    static func sorted(_ input: [(value: Double, weight: Double)]) -> [(value: Double, weight: Double)]? {
        let n = input.count
        var keys = [UInt64](repeating: 0, count: n), weights = [Double](repeating: 0, count: n)
        var any: UInt64 = 0, all: UInt64 = ~0
        for (k, p) in input.enumerated() {
            let bits = p.value.bitPattern
            // Sign bit set (negative or -0.0) or NaN: not ordered by bits.
            if bits >> 63 != 0 || p.value.isNaN { return nil }
            keys[k] = bits
            weights[k] = p.weight
            any |= bits
            all &= bits
        }
        var keysOut = keys, weightsOut = weights
        let buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        var counts = [Int](repeating: 0, count: buckets)
        var shift: UInt64 = 0
        while shift < 64 {
            // Digits equal in every key change nothing: skip their pass.
            if ((any ^ all) >> shift) & mask != 0 {
                keys.withUnsafeBufferPointer { kIn in
                    weights.withUnsafeBufferPointer { wIn in
                        keysOut.withUnsafeMutableBufferPointer { kOut in
                            weightsOut.withUnsafeMutableBufferPointer { wOut in
                                counts.withUnsafeMutableBufferPointer { c in
                                    for d in 0..<buckets { c[d] = 0 }
                                    for k in 0..<n { c[Int((kIn[k] >> shift) & mask)] += 1 }
                                    var start = 0
                                    for d in 0..<buckets { let m = c[d]; c[d] = start; start += m }
                                    // In input order within a digit: stable.
                                    for k in 0..<n {
                                        let d = Int((kIn[k] >> shift) & mask)
                                        let at = c[d]
                                        kOut[at] = kIn[k]
                                        wOut[at] = wIn[k]
                                        c[d] = at + 1
                                    }
                                }
                            }
                        }
                    }
                }
                swap(&keys, &keysOut)
                swap(&weights, &weightsOut)
            }
            shift += UInt64(digitBits)
        }
        return (0..<n).map { (value: Double(bitPattern: keys[$0]), weight: weights[$0]) }
    }
}
