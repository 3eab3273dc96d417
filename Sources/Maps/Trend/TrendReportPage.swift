import Access
import Foundation

/// report.html and report.md of a trend folder: the question, the changes
/// from the first to the last date per region (table first), the charts,
/// then the data, thresholds and warnings as in the analysis report.
enum TrendReportPage {
    struct Change {
        var region: TrendSeries.Region
        var first: TrendSeries.Point
        var last: TrendSeries.Point
        var flaggedDates: Int
    }

    /// Regions (the total last) with their first and last rows, the largest fall in the share first.
    static func changes(_ series: TrendSeries) -> [Change] {
        func c(_ r: TrendSeries.Region) -> Change? {
            guard let f = r.points.first, let l = r.points.last else { return nil }
            return Change(region: r, first: f, last: l, flaggedDates: r.points.filter(\.flagged).count)
        }
        let areas = series.areas.compactMap(c).sorted { a, b in
            let x = delta(a, TrendColumn.accessShare) ?? 0, y = delta(b, TrendColumn.accessShare) ?? 0
            return x != y ? x < y : a.region.id < b.region.id
        }
        return areas + (series.total.flatMap(c).map { [$0] } ?? [])
    }

    static func delta(_ c: Change, _ column: ColumnName) -> Double? {
        guard let a = c.first.number(column), let b = c.last.number(column) else { return nil }
        return b - a
    }

    static func share(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
    static func points(_ v: Double?) -> String { v.map { String(format: "%+.1f pp", $0 * 100) } ?? "—" }
    static func km(_ v: Double?) -> String { v.map { String(format: "%.2f km", $0 / 1000) } ?? "—" }
    static func kmDelta(_ v: Double?) -> String { v.map { String(format: "%+.2f km", $0 / 1000) } ?? "—" }

    /// The table's cells per change, shared by HTML and Markdown.
    static let header = ["Region", "Within flag distance, first", "last", "change", "Mean distance, first", "last", "change",
                         "Taking new patients, first → last", "Inhabitants beyond the flag distance, last", "Dates flagged"]

    static func cells(_ c: Change, dates: Int) -> [String] {
        [c.region.name, share(c.first.number(TrendColumn.accessShare)), share(c.last.number(TrendColumn.accessShare)), points(delta(c, TrendColumn.accessShare)),
         km(c.first.number(TrendColumn.meanM)), km(c.last.number(TrendColumn.meanM)), kmDelta(delta(c, TrendColumn.meanM)),
         "\(c.first.text(TrendColumn.takingNewPatients) ?? "—") → \(c.last.text(TrendColumn.takingNewPatients) ?? "—")",
         ReportContent.count(c.last.number(TrendColumn.inhabitantsBeyondFlagKm)), "\(c.flaggedDates) of \(dates)"]
    }

    static func intro(_ folder: OutputFolder, series: TrendSeries) -> String {
        let t = folder.run?.trend
        let basis = series.distanceBasis == .road ? "by road" : "in a straight line"
        let from = series.dates.first?.description ?? "?", to = series.dates.last?.description ?? "?"
        return "\(series.dates.count) dates from \(from) to \(to) (step: \(t?.step ?? "?")), status of the practices on each date from \(t?.statusHistory.map { ($0 as NSString).lastPathComponent } ?? "the status history") (\(t?.historyRows ?? 0) rows); distances \(basis) to the nearest practice that will take a new patient. Table: the change from the first to the last date, largest fall in the share within the flag distance first. \(chartsNote(series))"
    }

    /// Which charts there are: the overview's form and how many flagged regions have one (the cap stated).
    static func chartsNote(_ series: TrendSeries) -> String {
        let (charted, flagged) = TrendCharts.chartedRegions(series)
        let cap = TrendCharts.flaggedCap
        let overview = series.areas.count <= cap
            ? "The overview draws every region as a line."
            : "The overview draws the spread across the \(series.areas.count) regions (median and p10–p90 band per date, each region counted once), the study-area total and at most \(cap) flagged regions as lines (lowest last share first)."
        let perRegion = flagged == 0 ? "No region was flagged on any date, so there is no chart per region."
            : charted.count == flagged ? "Each of the \(flagged) regions flagged on some date has a chart of its own."
            : "\(charted.count) of the \(flagged) regions flagged on some date have a chart of their own (at most \(cap), lowest last share first); every region's figures are in the table and in trend.csv."
        return overview + " " + perRegion
    }

    static func html(_ folder: OutputFolder, series: TrendSeries, charts: [RenderedMap]) -> String {
        let c = ReportContent(folder)
        let e = Markup.escape
        let title = "Trend of access to GP practices that will take new patients" + (c.caption.isSynthetic ? " — SYNTHETIC example" : "")
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(e(title))</title>
        <style>
        \(ReportPage.css)
        figure.map img, figure.chart svg { width: 100%; height: auto; border: 1px solid #ddd; }
        </style>
        </head>
        <body>
        <h1>\(e(title))</h1>
        <p class="dataline">\(e(c.caption.dataLine))</p>

        """
        if c.caption.isSynthetic {
            h += "<p class=\"synthetic\"><b>SYNTHETIC data.</b> \(e(ReportPage.sentence(folder.run?.dataNote ?? "Example data, not real figures"))) Do not use these numbers for decisions.</p>\n"
        }
        h += "<section id=\"question\"><h2>The question</h2><p>\(e(ReportContent.question))</p></section>\n"
        h += "<section id=\"trend\"><h2>Trend</h2><p>\(e(intro(folder, series: series)))</p>\n"
        h += "<table id=\"trend-changes\"><thead><tr>" + header.enumerated().map { "<th\($0.offset == 0 ? "" : " class=\"num\"")>\(e($0.element))</th>" }.joined() + "</tr></thead><tbody>\n"
        for change in changes(series) {
            let flagged = change.flaggedDates > 0 ? " class=\"flagged\"" : ""
            h += "<tr\(flagged)>" + cells(change, dates: series.dates.count).enumerated().map { "<td\($0.offset == 0 ? "" : " class=\"num\"")>\(e($0.element))</td>" }.joined() + "</tr>\n"
        }
        h += "</tbody></table>\n"
        for chart in charts {
            h += "<figure class=\"chart\" id=\"figure-\(e(chart.id))\">\(ReportPage.inlineSVG(chart.svg))<figcaption>\(e(chart.title)) (maps/\(e(chart.id)).svg)</figcaption></figure>\n"
        }
        h += "</section>\n"
        h += ReportPage.dataSection(c)
        h += "<footer><p>\(e(c.caption.attribution))</p><p>Every figure per date: trend.csv in the same folder.</p></footer>\n</body>\n</html>\n"
        return h
    }

    static func markdown(_ folder: OutputFolder, series: TrendSeries, charts: [RenderedMap]) -> String {
        let c = ReportContent(folder)
        let esc = MarkdownText.escape
        var m = "# " + esc("Trend of access to GP practices that will take new patients" + (c.caption.isSynthetic ? " — SYNTHETIC example" : "")) + "\n\n\(esc(c.caption.dataLine))\n\n"
        if c.caption.isSynthetic {
            m += "> **SYNTHETIC data.** \(esc(ReportPage.sentence(folder.run?.dataNote ?? "Example data, not real figures"))) Do not use these numbers for decisions.\n\n"
        }
        m += "## The question\n\n\(ReportContent.question)\n\n## Trend\n\n\(esc(intro(folder, series: series)))\n\n"
        m += "| " + header.map(esc).joined(separator: " | ") + " |\n|---|" + header.dropFirst().map { _ in "---:|" }.joined() + "\n"
        // Only the region name comes from the inputs; the figures are written here and need no escaping.
        for change in changes(series) {
            let row = cells(change, dates: series.dates.count)
            m += "| " + ([esc(row[0])] + row.dropFirst()).joined(separator: " | ") + " |\n"
        }
        m += "\n"
        for chart in charts { m += "![\(esc(chart.title))](maps/\(chart.id).svg)\n\n" }
        m += "### Thresholds and parameters\n\n"
        for (k, v) in c.thresholds { m += "- \(esc(k)): \(esc(v))\n" }
        m += "\n### Warnings\n\n" + (c.warnings.isEmpty ? "None.\n" : c.warnings.map { "- \(esc($0))\n" }.joined())
        m += "\n---\n\n\(esc(c.caption.attribution))\n"
        return m
    }
}
