import Access
import Foundation

/// The spread of one indicator across the regions on each date of a trend:
/// the 10th, 50th and 90th percentile over the regions with a value (each
/// region counts once, whatever its inhabitants; suppressed regions are left
/// out). Percentiles interpolate linearly between the sorted values
/// (Hyndman & Fan type 7, as R's and numpy's default).
struct TrendSpread {
    struct Day {
        var date: CalendarDay
        var p10: Double?
        var median: Double?
        var p90: Double?
        /// Regions with a value on this date.
        var regions: Int
    }

    var days: [Day]

    init(_ regions: [TrendSeries.Region], dates: [CalendarDay], value: (TrendSeries.Point) -> Double?) {
        var byDate: [CalendarDay: [Double]] = [:]
        for r in regions { for p in r.points { if let v = value(p), v.isFinite { byDate[p.date, default: []].append(v) } } }
        days = dates.map { d in
            let sorted = (byDate[d] ?? []).sorted()
            return Day(date: d, p10: Self.percentile(sorted, 0.1), median: Self.percentile(sorted, 0.5),
                       p90: Self.percentile(sorted, 0.9), regions: sorted.count)
        }
    }

    /// Type 7: position q·(n−1) in the ascending `sorted`, interpolated; nil when empty.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let h = q * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
