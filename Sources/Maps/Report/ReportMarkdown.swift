import Access
import Foundation

/// report.md: the report's text in Markdown, with the maps linked as files.
enum ReportMarkdown {
    static func text(_ folder: OutputFolder, maps: [RenderedMap]) -> String {
        let c = ReportContent(folder)
        var m = "# \(esc(ReportPage.title(c)))\n\n\(esc(c.caption.dataLine))\n\n"
        if c.caption.isSynthetic {
            m += "> **SYNTHETIC data.** \(esc(ReportPage.sentence(folder.run?.dataNote ?? "Example data, not real figures"))) Do not use these numbers for decisions.\n\n"
        }
        m += "## The question\n\n\(ReportContent.question)\n\n"
        if let run = folder.run { m += "Method: \(esc(run.method)). Analysis CRS: \(esc(run.analysisCRS)).\n\n" }

        let regions = c.rankedRegions
        if !regions.isEmpty {
            m += "## Regions ranked by urgency\n\n| # | Region | Designation | Inhabitants | Mean distance (open) | Within 1 km | Within 5 km | Flag and reasons |\n|---:|---|---|---:|---:|---:|---:|---|\n"
            for (i, r) in regions.enumerated() {
                let reasons = r.flag(RegionColumn.flagged) ? "**flagged**: " + cell(r.text(RegionColumn.flagReasons) ?? "") : "not flagged"
                m += "| \(i + 1) | \(cell(r.text(RegionColumn.name) ?? r.text(RegionColumn.regionID) ?? "?")) | \(cell(r.text(RegionColumn.designation) ?? "—")) | \(ReportContent.count(r.number(RegionColumn.inhabitants))) | \(ReportContent.km(r.number(RegionColumn.meanOpenM))) | \(ReportContent.share(r.number(RegionColumn.shareWithin(km: 1)))) | \(ReportContent.share(r.number(RegionColumn.shareWithin(km: 5)))) | \(reasons) |\n"
            }
            m += "\n"
        }
        m += "## Maps\n\n"
        for map in maps { m += "![\(esc(map.title))](maps/\(map.id).svg)\n\n" }

        if let sites = folder.sites {
            m += "## Housing sites\n\n\(sites.features.count) sites: " + c.siteVerdicts.map { "\($0.1) \(esc($0.0))" }.joined(separator: ", ") + ".\n\n"
        }
        for (name, header, rows) in c.scenarioTables {
            m += "## Scenario: \(esc(name))\n\n| " + header.map(cell).joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { m += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            m += "\n"
        }

        m += "## Data used\n\n"
        if let run = folder.run {
            m += "| Role | File (layer) | Format | CRS | Features | Used | SHA-256 |\n|---|---|---|---|---:|---:|---|\n"
            for i in run.inputs {
                m += "| \(cell(i.role)) | \(cell((i.path as NSString).lastPathComponent)) (\(cell(i.layer))) | \(cell(i.driver)) | \(cell(i.crs)) | \(i.features) | \(i.used) | `\(i.sha256 ?? "—")` |\n"
            }
            m += "\n"
        }
        m += "### Thresholds and parameters\n\n"
        for (k, v) in c.thresholds { m += "- \(esc(k)): \(esc(v))\n" }
        m += "\n### Warnings\n\n" + (c.warnings.isEmpty ? "None.\n" : c.warnings.map { "- \(esc($0))\n" }.joined())
        m += "\n---\n\n\(esc(c.caption.attribution))\n"
        return m
    }

    /// Text from the inputs or run.json, inert in Markdown (names such as `<script>` or `*x*`).
    static func esc(_ s: String) -> String { MarkdownText.escape(s) }

    static func cell(_ s: String) -> String { MarkdownText.escape(s) }
}
