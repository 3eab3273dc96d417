import Access
import Foundation

/// report.html: a printable page a planner can hand on, with the maps inline.
enum ReportPage {
    static func html(_ folder: OutputFolder, maps: [RenderedMap]) -> String {
        let c = ReportContent(folder)
        let e = Markup.escape
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(e(title(c)))</title>
        <script>window.addEventListener("error", function () { document.documentElement.setAttribute("data-js-error", "yes"); });</script>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <h1>\(e(title(c)))</h1>
        <p class="dataline">\(e(c.caption.dataLine))</p>

        """
        if c.caption.isSynthetic {
            h += "<p class=\"synthetic\"><b>SYNTHETIC data.</b> \(e(sentence(folder.run?.dataNote ?? "Example data, not real figures"))) Do not use these numbers for decisions.</p>\n"
        }
        h += "<section id=\"question\"><h2>The question</h2><p>\(e(ReportContent.question))</p>\n"
        if let run = folder.run { h += "<p>Method: \(e(run.method)). Analysis CRS: \(e(run.analysisCRS)).</p>" }
        h += "</section>\n"
        h += summary(c)
        h += regionsSection(c)
        h += "<section id=\"maps\"><h2>Maps</h2>\n"
        for map in maps {
            h += "<figure class=\"map\" id=\"figure-\(e(map.id))\">\(inlineSVG(map.svg))<figcaption>\(e(map.title)) (maps/\(e(map.id)).svg)</figcaption></figure>\n"
        }
        h += "</section>\n"
        h += sitesAndScenarios(c)
        h += dataSection(c)
        h += "<footer><p>\(e(c.caption.attribution))</p><p>Interactive map: viewer.html in the same folder.</p></footer>\n</body>\n</html>\n"
        return h
    }

    /// The text with a full stop at the end.
    static func sentence(_ s: String) -> String { s.hasSuffix(".") ? s : s + "." }

    static func title(_ c: ReportContent) -> String {
        "Access to GP practices open to new patients" + (c.caption.isSynthetic ? " — SYNTHETIC example" : "")
    }

    /// The SVG without its XML declaration, ids prefixed so several maps can share one page.
    /// Works on the UTF-8 bytes: a map of 500 m squares at national scale
    /// is tens of megabytes, where Foundation's string search (through
    /// UTF-16) took seconds.
    static func inlineSVG(_ svg: String) -> String {
        var body = Array(svg.utf8)
        if let end = ByteSearch.firstIndex(of: Array("?>\n".utf8), in: body) { body.removeSubrange(0..<end + 3) }
        var id = Array("map".utf8)
        if let start = ByteSearch.firstIndex(of: Array("id=\"".utf8), in: body),
           let close = body[(start + 4)...].firstIndex(of: UInt8(ascii: "\"")) {
            id = Array(body[(start + 4)..<close])
        }
        for name in ["designation-hatch", "map-clip"].map({ Array($0.utf8) }) {
            let q = [UInt8(ascii: "\"")], dash = [UInt8(ascii: "-")]
            body = ByteSearch.replacingAll(Array("id=\"".utf8) + name + q, with: Array("id=\"".utf8) + id + dash + name + q, in: body)
            body = ByteSearch.replacingAll(Array("url(#".utf8) + name + Array(")".utf8), with: Array("url(#".utf8) + id + dash + name + Array(")".utf8), in: body)
        }
        return String(decoding: body, as: UTF8.self)
    }

    static func summary(_ c: ReportContent) -> String {
        guard let run = c.folder.run else { return "" }
        let flagged = Int(run.count(.flaggedRegions) ?? 0), regions = Int(run.count(.regions) ?? 0)
        var s = "<section id=\"summary\"><h2>In short</h2><ul>"
        s += "<li><b>\(flagged) of \(regions)</b> regions fall below the access thresholds.</li>"
        s += "<li>\(ReportContent.count(run.count(.inhabitants))) inhabitants in \(ReportContent.count(run.count(.populationPoints))) population points; \(ReportContent.count(run.count(.practices))) practices, of which \(ReportContent.count(run.count(.openPractices))) count as open to new patients.</li>"
        if !run.practiceStatuses.isEmpty {
            s += "<li>Practice statuses: " + Markup.escape(run.practiceStatuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")) + ".</li>"
        }
        return s + "</ul></section>\n"
    }

    static func regionsSection(_ c: ReportContent) -> String {
        let e = Markup.escape
        let regions = c.rankedRegions
        guard !regions.isEmpty else { return "" }
        var s = "<section id=\"regions\"><h2>Regions ranked by urgency</h2>"
        s += "<p>Flagged regions first, then by mean distance to the nearest practice open to new patients\(c.folder.regions?.has(RegionColumn.urgencyRank) == true ? " (order: urgency_rank)" : "").</p>"
        s += "<table id=\"ranked-regions\"><thead><tr><th>#</th><th>Region</th><th>Designation</th><th class=\"num\">Inhabitants</th><th class=\"num\">Mean distance (open)</th><th class=\"num\">Within 1 km</th><th class=\"num\">Within 5 km</th><th>Flag and reasons</th></tr></thead><tbody>\n"
        for (i, r) in regions.enumerated() {
            let reasons = r.flag(RegionColumn.flagged) ? "<b>flagged</b>: " + e(r.text(RegionColumn.flagReasons) ?? "") : "not flagged"
            s += "<tr class=\"\(r.flag(RegionColumn.flagged) ? "flagged" : "")\"><td>\(i + 1)</td><td>\(e(r.text(RegionColumn.name) ?? r.text(RegionColumn.regionID) ?? "?"))</td><td>\(e(r.text(RegionColumn.designation) ?? "—"))</td>"
            s += "<td class=\"num\">\(ReportContent.count(r.number(RegionColumn.inhabitants)))</td><td class=\"num\">\(ReportContent.km(r.number(RegionColumn.meanOpenM)))</td>"
            s += "<td class=\"num\">\(ReportContent.share(r.number(RegionColumn.shareWithin(km: 1))))</td><td class=\"num\">\(ReportContent.share(r.number(RegionColumn.shareWithin(km: 5))))</td><td>\(reasons)</td></tr>\n"
        }
        return s + "</tbody></table></section>\n"
    }

    static func sitesAndScenarios(_ c: ReportContent) -> String {
        let e = Markup.escape
        var s = ""
        if let sites = c.folder.sites {
            s += "<section id=\"sites\"><h2>Housing sites</h2><p>\(sites.features.count) sites: "
            s += c.siteVerdicts.map { "\($0.1) \(e($0.0))" }.joined(separator: ", ") + ".</p>"
            let fields = sites.fieldNames.filter { $0 != SiteColumn.verdict.text }.prefix(6)
            s += "<table><thead><tr>" + fields.map { "<th>\(e($0))</th>" }.joined() + "<th>verdict</th></tr></thead><tbody>"
            for f in sites.features.prefix(100) {
                s += "<tr>" + fields.map { "<td>\(e(f.text(field: $0) ?? "—"))</td>" }.joined() + "<td>\(e(f.text(SiteColumn.verdict) ?? "—"))</td></tr>"
            }
            s += "</tbody></table></section>\n"
        }
        for (name, header, rows) in c.scenarioTables {
            s += "<section class=\"scenario\"><h2>Scenario: \(e(name))</h2><table><thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in rows { s += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }
            s += "</tbody></table></section>\n"
        }
        return s
    }

    static func dataSection(_ c: ReportContent) -> String {
        let e = Markup.escape
        var s = "<section id=\"data\"><h2>Data used</h2>"
        if let run = c.folder.run {
            s += "<table><thead><tr><th>Role</th><th>File (layer)</th><th>Format</th><th>CRS</th><th class=\"num\">Features</th><th class=\"num\">Used</th><th>SHA-256</th></tr></thead><tbody>"
            for i in run.inputs {
                s += "<tr><td>\(e(i.role))</td><td>\(e((i.path as NSString).lastPathComponent)) (\(e(i.layer)))</td><td>\(e(i.driver))</td><td>\(e(i.crs))</td>"
                s += "<td class=\"num\">\(i.features)</td><td class=\"num\">\(i.used)</td><td class=\"hash\">\(e(i.sha256 ?? "—"))</td></tr>"
            }
            s += "</tbody></table>"
        }
        s += "<h3>Thresholds and parameters</h3><table id=\"thresholds\"><tbody>"
        for (k, v) in c.thresholds { s += "<tr><td>\(e(k))</td><td>\(e(v))</td></tr>" }
        s += "</tbody></table>"
        let warnings = c.warnings
        s += "<h3>Warnings</h3>" + (warnings.isEmpty ? "<p>None.</p>" : "<ul>" + warnings.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        if let run = c.folder.run {
            s += "<p class=\"small\">Run started \(e(run.startedAt)) with <code>\(e(run.command.joined(separator: " ")))</code>; \(e(run.tool)) \(e(run.version)); "
            s += e(run.libraries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) + ".</p>"
        }
        return s + "</section>\n"
    }

    static let css = """
    body { font: 14px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; max-width: 1120px; margin: 24px auto; padding: 0 16px; }
    h1 { font-size: 24px; margin-bottom: 4px; }
    h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 3px; margin-top: 28px; }
    .dataline { color: #444; margin-top: 0; }
    .synthetic { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px 10px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
    th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #f0f0f0; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.flagged td:first-child { border-left: 4px solid #D55E00; }
    .hash { font-family: monospace; font-size: 10px; word-break: break-all; }
    figure.map { margin: 16px 0; page-break-inside: avoid; break-inside: avoid; }
    figure.map svg { width: 100%; height: auto; border: 1px solid #ddd; }
    figcaption { font-size: 12px; color: #555; }
    .small, footer { font-size: 12px; color: #555; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11pt; }
      h2 { page-break-after: avoid; break-after: avoid; }
      tr { page-break-inside: avoid; break-inside: avoid; }
      #maps figure { page-break-before: always; break-before: page; }
      a { color: inherit; text-decoration: none; }
    }
    @page { size: A4; margin: 14mm; }
    """
}
