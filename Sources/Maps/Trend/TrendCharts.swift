import Access
import Foundation

/// The charts of a `bereik trend` folder: `trend_overview` and
/// `trend_<region>` for the flagged regions (worst first, at most
/// `flaggedCap`): the region's line with the dates it was flagged marked and
/// the values labelled, the total for comparison, and the practices taking
/// new patients under the axis.
///
/// The overview draws one line per region while there are at most
/// `flaggedCap` regions; with more (all municipalities of the country) it
/// draws the spread across the regions instead — the p10–p90 band and the
/// median of the share per date — with the study-area total and the flagged
/// regions as lines (at most `flaggedCap`, worst first), so its size and
/// legend do not grow with the number of regions.
enum TrendCharts {
    /// Colours and dashes for many lines: Okabe & Ito without yellow (too pale for a line) and vermillion
    /// (the threshold's dashed line), then dashed, then dotted.
    static let colours = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.reddishPurple, Palette.skyBlue, "#000000"]
    static let dashes: [String?] = [nil, "7 3", "2 2.5"]
    /// Beside the spread: without the median's blue, the threshold's vermillion and the total's black;
    /// 4 colours × 3 dashes give every flagged line of the cap its own look.
    static let flaggedColours = [Palette.orange, Palette.bluishGreen, Palette.reddishPurple, Palette.skyBlue]
    /// Most region lines in the overview and most per-region charts.
    static let flaggedCap = TrendRow.shownRegionCap
    /// The spread band and its median line (a light and a dark blue, colour-blind safe).
    static let bandColour = "#cfe3f2", medianColour = Palette.blue
    /// Region names in the legend are cut to this many characters.
    static let nameLength = 20

    static func render(_ series: TrendSeries, run: RunReport?) -> [RenderedMap] {
        let caption = MapCaption(run: run)
        let p = run?.parameters
        let flagKm = p.map { Markup.number($0.flagMaxKm) } ?? "?"
        let how = series.distanceBasis == .road ? " by road" : " (straight line)"
        let unit = "Share within \(flagKm) km\(how) (%)"
        let threshold = p.map { (value: $0.flagMinShare * 100, label: "flag threshold: \(Int(($0.flagMinShare * 100).rounded())) % within \(flagKm) km") }
        func share(_ point: TrendSeries.Point) -> Double? { point.number(TrendColumn.accessShare).map { $0 * 100 } }
        func percent(_ v: Double) -> String { String(format: "%.1f %%", v) }
        func number(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "–" }
        func values(_ r: TrendSeries.Region) -> [(CalendarDay, Double?)] {
            let byDate = Dictionary(r.points.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
            return series.dates.map { d in (d, byDate[d].flatMap(share)) }
        }
        var maps: [RenderedMap] = []
        let flagged = worstFirst(series.areas.filter(\.everFlagged), share: share)
        let charted = Array(flagged.prefix(flaggedCap))

        let areas = worstFirst(series.areas, share: share)
        let palette = areas.count <= flaggedCap ? colours : flaggedColours
        var lines: [TrendChart.Series] = [], bands: [TrendChart.Band] = [], legend: [Legend] = []
        func line(_ r: TrendSeries.Region, _ k: Int) {
            let colour = palette[k % palette.count], dash = dashes[(k / palette.count) % dashes.count]
            lines.append(TrendChart.Series(id: r.id, colour: colour, dash: dash, width: 2, values: values(r)))
        }
        func entry(_ r: TrendSeries.Region, _ k: Int) -> Legend.Entry {
            .init(symbol: .line(palette[k % palette.count], dash: dashes[(k / palette.count) % dashes.count]),
                  label: legendLabel(r, share: share))
        }
        var totalEntry: [Legend.Entry] = []
        if let total = series.total {
            totalEntry = [.init(symbol: .line("#333333", dash: nil, width: 4), label: legendLabel(total, name: "Study area total", share: share))]
        }
        let thresholdEntry: [Legend.Entry] = threshold.map { [.init(symbol: .line(Palette.vermillion, dash: "7 4"), label: $0.label)] } ?? []
        if areas.count <= flaggedCap {
            // Few regions: every one as a line, lowest last value listed first.
            for (k, r) in areas.enumerated() { line(r, k) }
            legend = [Legend(title: "Region: first → last", entries: areas.enumerated().map { entry($1, $0) } + totalEntry + thresholdEntry)]
        } else {
            let spread = TrendSpread(series.areas, dates: series.dates, value: share)
            bands.append(TrendChart.Band(id: "p10-p90", colour: bandColour,
                                         lower: spread.days.map { ($0.date, $0.p10) }, upper: spread.days.map { ($0.date, $0.p90) }))
            lines.append(TrendChart.Series(id: "median", colour: medianColour, dash: nil, width: 3, values: spread.days.map { ($0.date, $0.median) }))
            let first = spread.days.first, last = spread.days.last
            legend.append(Legend(title: "Across the \(series.areas.count) regions (each counts once), first → last", entries: [
                .init(symbol: .line(medianColour, dash: nil, width: 3), label: "median: \(number(first?.median)) → \(number(last?.median)) %"),
                .init(symbol: .fill(bandColour), label: "p10–p90: \(number(first?.p10))–\(number(first?.p90)) → \(number(last?.p10))–\(number(last?.p90)) %"),
            ] + totalEntry + thresholdEntry))
            for (k, r) in charted.enumerated() { line(r, k) }
            let title = flagged.isEmpty ? "No region flagged on any date"
                : "Flagged regions: \(charted.count) of \(flagged.count) drawn (at most \(flaggedCap), lowest last first)"
            legend.append(Legend(title: title, entries: charted.enumerated().map { entry($1, $0) }))
        }
        if let total = series.total {
            lines.append(TrendChart.Series(id: total.id, colour: "#333333", dash: nil, width: 4, values: values(total)))
        }
        let overviewTitle = "Trend: who lives within \(flagKm) km\(how) of a practice that will take them"
        let overview = TrendChart(
            id: "trend_overview", title: overviewTitle, subtitle: caption.dataLine, yLabel: unit, format: { "\(Markup.number($0)) %" },
            series: lines, bands: bands, dates: series.dates, threshold: threshold, countRow: nil,
            legend: legend, attribution: caption.attribution, yRange: 80...100)
        maps.append(RenderedMap(id: "trend_overview", title: overviewTitle, svg: overview.render()))

        for r in charted {
            let byDate = Dictionary(r.points.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
            let markers = series.dates.map { d -> String? in
                guard let point = byDate[d] else { return nil }
                return point.flagged ? Palette.vermillion : "white"
            }
            var lines = [TrendChart.Series(id: r.id, colour: Palette.blue, dash: nil, width: 2.5, values: values(r), markers: markers, labelled: true)]
            var entries: [Legend.Entry] = [.init(symbol: .line(Palette.blue, dash: nil), label: shortName(r.name)),
                                           .init(symbol: .circle(fill: Palette.vermillion, radius: 4), label: "flagged on this date"),
                                           .init(symbol: .circle(fill: "white", radius: 4), label: "not flagged")]
            if let total = series.total {
                lines.insert(TrendChart.Series(id: total.id, colour: Palette.grey, dash: "6 3", width: 2, values: values(total)), at: 0)
                entries.append(.init(symbol: .line(Palette.grey, dash: "6 3"), label: "study area total"))
            }
            if let threshold { entries.append(.init(symbol: .line(Palette.vermillion, dash: "7 4"), label: threshold.label)) }
            let counts = series.dates.map { d in byDate[d]?.text(TrendColumn.takingNewPatients) ?? "–" }
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

    /// Regions from the lowest share on the last date up (no value: last), then by id.
    static func worstFirst(_ regions: [TrendSeries.Region], share: (TrendSeries.Point) -> Double?) -> [TrendSeries.Region] {
        regions.sorted { a, b in
            let x = a.points.last.flatMap(share) ?? .infinity, y = b.points.last.flatMap(share) ?? .infinity
            return x != y ? x < y : a.id < b.id
        }
    }

    /// The flagged regions that get a chart of their own: worst first, at most `flaggedCap`.
    static func chartedRegions(_ series: TrendSeries) -> (charted: [TrendSeries.Region], flagged: Int) {
        let flagged = worstFirst(series.areas.filter(\.everFlagged)) { $0.number(TrendColumn.accessShare) }
        return (Array(flagged.prefix(flaggedCap)), flagged.count)
    }

    static func legendLabel(_ r: TrendSeries.Region, name: String? = nil, share: (TrendSeries.Point) -> Double?) -> String {
        // "95.0 → 88.0 %": short enough to fit beside the plot with a name of `nameLength`.
        let first = r.points.first.flatMap(share).map { String(format: "%.1f", $0) } ?? "–"
        let last = r.points.last.flatMap(share).map { String(format: "%.1f", $0) } ?? "–"
        return "\(name ?? shortName(r.name)): \(first) → \(last) %"
    }

    /// A region name cut to `nameLength` characters (with "…") so that legend rows fit beside the plot.
    static func shortName(_ name: String) -> String {
        name.count <= nameLength ? name : String(name.prefix(nameLength - 1)) + "…"
    }

    /// `trend_<region id>` with only letters, digits, '-' and '_' (a safe file name).
    static func fileID(_ regionID: String) -> String {
        "trend_" + String(regionID.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}
