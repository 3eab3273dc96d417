extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// In an ascending collection, the first index whose element is ≥
    /// `value` (`endIndex` when none): binary search.
    func lowerBound(of value: Element) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
