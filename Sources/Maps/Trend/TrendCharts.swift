import Access
import Foundation

/// The charts of a `bereik trend` folder: `trend_overview` (one line per
/// region of the share within the flag distance, the study-area total
/// thick) and `trend_<region>` for every region flagged on some date (its
/// line with the dates it was flagged marked and the values labelled, the
/// total for comparison, and the practices taking new patients under the axis).
enum TrendCharts {
    /// Colours and dashes for many lines: Okabe & Ito without yellow (too pale for a line), then dashed, then dotted.
    static let colours = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.vermillion, Palette.reddishPurple, Palette.skyBlue, "#000000"]
    static let dashes: [String?] = [nil, "7 3", "2 2.5"]

    static func render(_ series: TrendSeries, run: RunReport?) -> [RenderedMap] {
        let caption = MapCaption(run: run)
        let p = run?.parameters
        let flagKm = p.map { Markup.number($0.flagMaxKm) } ?? "?"
        let how = series.distanceBasis == "road" ? " by road" : " (straight line)"
        let unit = "Share within \(flagKm) km\(how) (%)"
        let threshold = p.map { (value: $0.flagMinShare * 100, label: "flag threshold: \(Int(($0.flagMinShare * 100).rounded())) % within \(flagKm) km") }
        func share(_ point: TrendSeries.Point) -> Double? { point.number("access_share").map { $0 * 100 } }
        func percent(_ v: Double) -> String { String(format: "%.1f %%", v) }
        func values(_ r: TrendSeries.Region) -> [(CalendarDay, Double?)] {
            series.dates.map { d in (d, r.points.first { $0.date == d }.flatMap(share)) }
        }
        var maps: [RenderedMap] = []

        // Overview: regions in the legend from the lowest last value up, so the worst are listed first.
        let areas = series.areas.sorted { a, b in
            let x = a.points.last.flatMap(share) ?? .infinity, y = b.points.last.flatMap(share) ?? .infinity
            return x != y ? x < y : a.id < b.id
        }
        var lines: [TrendChart.Series] = [], entries: [Legend.Entry] = []
        for (k, r) in areas.enumerated() {
            let colour = colours[k % colours.count], dash = dashes[(k / colours.count) % dashes.count]
            lines.append(TrendChart.Series(id: r.id, colour: colour, dash: dash, width: 2, values: values(r)))
            entries.append(.init(symbol: .line(colour, dash: dash), label: legendLabel(r, share: share, format: percent)))
        }
        if let total = series.total {
            lines.append(TrendChart.Series(id: total.id, colour: "#333333", dash: nil, width: 4, values: values(total)))
            entries.append(.init(symbol: .line("#333333", dash: nil), label: legendLabel(total, name: "Study area total", share: share, format: percent)))
        }
        if let threshold { entries.append(.init(symbol: .line(Palette.vermillion, dash: "7 4"), label: threshold.label)) }
        let overviewTitle = "Trend: who lives within \(flagKm) km\(how) of a practice that will take them"
        let overview = TrendChart(
            id: "trend_overview", title: overviewTitle, subtitle: caption.dataLine, yLabel: unit, format: { "\(Markup.number($0)) %" },
            series: lines, dates: series.dates, threshold: threshold, countRow: nil,
            legend: [Legend(title: "Region: first → last", entries: entries)],
            attribution: caption.attribution, yRange: 80...100)
        maps.append(RenderedMap(id: "trend_overview", title: overviewTitle, svg: overview.render()))

        for r in series.areas where r.everFlagged {
            let markers = series.dates.map { d -> String? in
                guard let point = r.points.first(where: { $0.date == d }) else { return nil }
                return point.flagged ? Palette.vermillion : "white"
            }
            var lines = [TrendChart.Series(id: r.id, colour: Palette.blue, dash: nil, width: 2.5, values: values(r), markers: markers, labelled: true)]
            var entries: [Legend.Entry] = [.init(symbol: .line(Palette.blue, dash: nil), label: r.name),
                                           .init(symbol: .circle(fill: Palette.vermillion, radius: 4), label: "flagged on this date"),
                                           .init(symbol: .circle(fill: "white", radius: 4), label: "not flagged")]
            if let total = series.total {
                lines.insert(TrendChart.Series(id: total.id, colour: Palette.grey, dash: "6 3", width: 2, values: values(total)), at: 0)
                entries.append(.init(symbol: .line(Palette.grey, dash: "6 3"), label: "study area total"))
            }
            if let threshold { entries.append(.init(symbol: .line(Palette.vermillion, dash: "7 4"), label: threshold.label)) }
            let counts = series.dates.map { d in r.points.first { $0.date == d }?.row["taking_new_patients"] ?? "–" }
            let title = "Trend in \(r.name): within \(flagKm) km\(how) of a practice that will take them"
            let chart = TrendChart(
                id: fileID(r.id), title: title, subtitle: caption.dataLine, yLabel: unit, format: percent,
                series: lines, dates: series.dates, threshold: threshold,
                countRow: (label: "Practices in \(r.name) taking new patients (open, and partial with an area):", values: counts),
                legend: [Legend(title: r.name, entries: entries)], attribution: caption.attribution, yRange: 80...100)
            maps.append(RenderedMap(id: fileID(r.id), title: title, svg: chart.render()))
        }
        return maps
    }

    static func legendLabel(_ r: TrendSeries.Region, name: String? = nil, share: (TrendSeries.Point) -> Double?, format: (Double) -> String) -> String {
        let first = r.points.first.flatMap(share).map(format) ?? "–", last = r.points.last.flatMap(share).map(format) ?? "–"
        return "\(name ?? r.name): \(first) → \(last)"
    }

    /// `trend_<region id>` with only letters, digits, '-' and '_' (a safe file name).
    static func fileID(_ regionID: String) -> String {
        "trend_" + String(regionID.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}
