import Access
import Foundation

/// A line chart of one indicator over the trend's dates, in the maps' page
/// style (title and data line on top, legend on the right, sources below,
/// the same font and colours): dated x axis, labelled y axis with grid
/// lines, a dashed threshold line, optional value labels at the points and
/// a row of counts under the axis, optional filled bands under the lines.
/// Labels that would collide are thinned.
struct TrendChart {
    struct Series {
        var id: String
        var colour: String
        var dash: String?
        var width: Double
        /// Values in the axis unit; nil: suppressed or unknown (the line breaks).
        var values: [(CalendarDay, Double?)]
        /// Per point: drawn as a marker filled with this colour (nil: no marker).
        var markers: [String?] = []
        var labelled = false
    }

    /// A filled band between two values per date (e.g. the p10–p90 spread
    /// across regions), drawn under the lines; it breaks where either is nil.
    struct Band {
        var id: String
        var colour: String
        var lower: [(CalendarDay, Double?)]
        var upper: [(CalendarDay, Double?)]
    }

    var id: String
    var title: String
    var subtitle: String
    var yLabel: String
    /// Formats a value for the point labels (ticks are whole axis units with "%").
    var format: (Double) -> String
    var series: [Series]
    var bands: [Band] = []
    var dates: [CalendarDay]
    var threshold: (value: Double, label: String)?
    /// A labelled row of text under the x axis, one entry per date (e.g. practices taking new patients).
    var countRow: (label: String, values: [String])?
    var legend: [Legend]
    var attribution: String
    /// The y range always shown (values outside widen it).
    var yRange: ClosedRange<Double>

    static let plotLeft = 86.0, plotTop = 84.0, plotWidth = 700.0, plotHeight = 400.0

    func render() -> String {
        let frame = PageFrame(fitting: .init(minX: 0, minY: 0, maxX: 1, maxY: 1), x: 0, y: 0, width: 1, maxHeight: 1)
        var c = SVGCanvas(frame: frame)
        c.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])
        MapFurniture.title(&c, title: title, subtitle: subtitle, x: 20)
        let (lo, hi, step) = axis()
        let x0 = Self.plotLeft, y0 = Self.plotTop, w = Self.plotWidth, h = Self.plotHeight
        let first = dates.first.map(dayNumber) ?? 0, last = dates.last.map(dayNumber) ?? 1
        func px(_ d: CalendarDay) -> Double { last == first ? x0 + w / 2 : x0 + (dayNumber(d) - first) / (last - first) * w }
        func py(_ v: Double) -> Double { y0 + h - (v - lo) / (hi - lo) * h }

        c.open("g", [("id", "plot")])
        c.element("rect", [("id", "plot-area"), ("x", n(x0)), ("y", n(y0)), ("width", n(w)), ("height", n(h)), ("fill", Palette.background), ("stroke", "#888")])
        // Bands under the grid, the threshold and the lines.
        if !bands.isEmpty {
            c.open("g", [("id", "bands")])
            for b in bands {
                var run: [(x: Double, lo: Double, hi: Double)] = [], k = 0
                func flush() {
                    defer { run = [] }
                    guard !run.isEmpty else { return }
                    let top = run.map { n($0.x) + " " + n(py($0.hi)) }, bottom = run.reversed().map { n($0.x) + " " + n(py($0.lo)) }
                    c.element("path", [("class", "band"), ("data-band", "\(b.id)-\(k)"), ("d", "M" + (top + bottom).joined(separator: "L") + "Z"),
                                       ("fill", b.colour), ("stroke", b.colour), ("stroke-width", "1")])
                    k += 1
                }
                for ((day, lo), (_, hi)) in zip(b.lower, b.upper) {
                    if let lo, let hi { run.append((px(day), lo, hi)) } else { flush() }
                }
                flush()
            }
            c.close("g")
        }
        // y axis: grid lines and labelled ticks.
        c.open("g", [("id", "y-axis")])
        var v = lo
        while v <= hi + step / 1000 {
            let y = py(v)
            c.element("line", [("x1", n(x0)), ("y1", n(y)), ("x2", n(x0 + w)), ("y2", n(y)), ("stroke", "#d8d8d0"), ("stroke-width", "1")])
            c.element("text", [("x", n(x0 - 8)), ("y", n(y + 4)), ("font-size", "12"), ("text-anchor", "end")], text: "\(Markup.number(v)) %")
            v += step
        }
        c.element("text", [("x", n(20)), ("y", n(y0 + h / 2)), ("font-size", "12"), ("text-anchor", "middle"),
                           ("transform", "rotate(-90 \(n(20)) \(n(y0 + h / 2)))")], text: yLabel)
        c.close("g")
        // x axis: a tick per date, labels thinned so that none overlap.
        c.open("g", [("id", "x-axis")])
        let labelled = Self.thinned(dates.map(px), minGap: 64)
        let allFirsts = dates.allSatisfy { $0.day == 1 }
        for (k, d) in dates.enumerated() {
            let x = px(d)
            c.element("line", [("x1", n(x)), ("y1", n(y0 + h)), ("x2", n(x)), ("y2", n(y0 + h + (labelled.contains(k) ? 6 : 3))), ("stroke", "#333")])
            if labelled.contains(k) {
                let text = allFirsts ? String(d.description.prefix(7)) : d.description
                c.element("text", [("x", n(x)), ("y", n(y0 + h + 20)), ("font-size", "12"), ("text-anchor", "middle"), ("class", "date-label")], text: text)
            }
        }
        c.close("g")
        if let countRow {
            c.open("g", [("id", "count-row")])
            c.element("text", [("x", n(x0)), ("y", n(y0 + h + 42)), ("font-size", "11"), ("fill", "#333")], text: countRow.label)
            for k in labelled.sorted() where k < countRow.values.count {
                c.element("text", [("x", n(px(dates[k]))), ("y", n(y0 + h + 58)), ("font-size", "11"), ("text-anchor", "middle"), ("fill", "#333")], text: countRow.values[k])
            }
            c.close("g")
        }
        if let threshold, threshold.value >= lo, threshold.value <= hi {
            let y = py(threshold.value)
            c.element("line", [("id", "threshold"), ("x1", n(x0)), ("y1", n(y)), ("x2", n(x0 + w)), ("y2", n(y)),
                               ("stroke", Palette.vermillion), ("stroke-width", "1.5"), ("stroke-dasharray", "7 4"), ("data-label", threshold.label)])
        }
        c.open("g", [("id", "series")])
        for s in series {
            var d = "", pen = false
            for (day, value) in s.values {
                guard let value else { pen = false; continue }
                d += (pen ? "L" : "M") + n(px(day)) + " " + n(py(value))
                pen = true
            }
            var a = [("class", "series"), ("data-series", s.id), ("d", d), ("fill", "none"), ("stroke", s.colour), ("stroke-width", n(s.width)),
                     ("stroke-linejoin", "round")]
            if let dash = s.dash { a.append(("stroke-dasharray", dash)) }
            if !d.isEmpty { c.element("path", a) }
            for (k, (day, value)) in s.values.enumerated() {
                guard let value, k < s.markers.count, let fill = s.markers[k] else { continue }
                c.element("circle", [("cx", n(px(day))), ("cy", n(py(value))), ("r", "4"), ("fill", fill), ("stroke", s.colour), ("stroke-width", "1.5")])
            }
            if s.labelled {
                let points = s.values.enumerated().compactMap { k, p in p.1.map { (k, px(p.0), py($0), $0) } }
                let keep = Self.labelledPoints(points.map { ($0.1, $0.3) }, minGap: 42)
                for (j, p) in points.enumerated() where keep.contains(j) {
                    // Above the point, or below it near the top of the plot.
                    let y = p.2 - 10 < y0 + 12 ? p.2 + 18 : p.2 - 10
                    c.element("text", [("x", n(p.1)), ("y", n(y)), ("font-size", "11"), ("text-anchor", "middle"), ("class", "value-label"),
                                       ("stroke", "white"), ("stroke-width", "3"), ("paint-order", "stroke")], text: format(p.3))
                }
            }
        }
        c.close("g")
        c.close("g")
        let legendBottom = MapFurniture.legend(&c, legend, x: x0 + w + 30, y: Self.plotTop)
        let lines = MapDocument.wrap(attribution, width: 150)
        let attributionY = max(y0 + h + (countRow == nil ? 44 : 78), legendBottom) + 16
        MapFurniture.attribution(&c, lines: lines, x: 20, y: attributionY)
        let height = attributionY + Double(lines.count) * 15 + 8
        let width = MapDocument.pageWidth
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" id="\(Markup.escape(id))" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" \(MapFurniture.font)>
        <title>\(Markup.escape(title))</title>
        \(c.body)</svg>

        """
    }

    /// The y axis: a range covering `yRange`, every value and the threshold, on a round step.
    func axis() -> (Double, Double, Double) {
        var lo = yRange.lowerBound, hi = yRange.upperBound
        for s in series { for case let (_, v?) in s.values { lo = min(lo, v); hi = max(hi, v) } }
        for b in bands { for case let (_, v?) in b.lower + b.upper { lo = min(lo, v); hi = max(hi, v) } }
        if let t = threshold?.value { lo = min(lo, t); hi = max(hi, t) }
        if hi <= lo { hi = lo + 1 }
        let raw = (hi - lo) / 6
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step, step)
    }

    /// Indexes of positions kept so that kept ones lie at least `minGap` apart; the first and last are kept.
    static func thinned(_ xs: [Double], minGap: Double) -> Set<Int> {
        guard !xs.isEmpty else { return [] }
        var kept: [Int] = [0]
        for k in 1..<xs.count where xs[k] - xs[kept.last!] >= minGap { kept.append(k) }
        if kept.last != xs.count - 1 {
            if xs[xs.count - 1] - xs[kept.last!] < minGap && kept.count > 1 { kept.removeLast() }
            kept.append(xs.count - 1)
        }
        return Set(kept)
    }

    /// Which points get a value label: the first, the last and those where
    /// the value changes come first, then the others, each only when it
    /// lies at least `minGap` from every label already placed.
    static func labelledPoints(_ points: [(x: Double, value: Double)], minGap: Double) -> Set<Int> {
        guard !points.isEmpty else { return [] }
        let last = points.count - 1
        let changes = points.indices.filter { $0 == 0 || $0 == last || abs(points[$0].value - points[$0 - 1].value) >= 0.05 }
        let rest = points.indices.filter { !changes.contains($0) }
        var kept: [Int] = []
        for k in changes + rest where kept.allSatisfy({ abs(points[$0].x - points[k].x) >= minGap }) { kept.append(k) }
        return Set(kept)
    }

    func dayNumber(_ d: CalendarDay) -> Double {
        // Days since 1900-01-01 (proleptic Gregorian), so months of unequal length are spaced by their days.
        var days = 0
        for y in 1900..<d.year { days += (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365 }
        for m in 1..<d.month { days += CalendarDay.days(in: m, of: d.year) }
        return Double(days + d.day)
    }

    func n(_ d: Double) -> String { Markup.number(d) }
}
