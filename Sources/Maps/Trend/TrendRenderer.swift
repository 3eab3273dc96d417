import Access
import Foundation

/// Renders a `bereik trend` folder (`trend.csv` + `run.json`): the charts
/// as maps/trend_*.svg (and .png through the maps' converter) and
/// report.html / report.md with the trend section.
enum TrendRenderer {
    static func isTrendFolder(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(TrendTable.fileName))
            && !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("regions.geojson"))
    }

    static func renderAll(outputFolder: String, png: Bool) throws -> MapRenderer.Outcome {
        let run = try OutputFolderReader.readRun(outputFolder)
        let series = try TrendSeries.read((outputFolder as NSString).appendingPathComponent(TrendTable.fileName),
                                          totalIDs: RegionColumn.totalRowIDs)
        let charts = TrendCharts.render(series, run: run)
        let mapsDir = (outputFolder as NSString).appendingPathComponent("maps")
        try FileManager.default.createDirectory(atPath: mapsDir, withIntermediateDirectories: true)
        var files: [String] = [], notes: [String] = []
        func write(_ text: String, _ relative: String) throws {
            try AtomicFile.write(text, to: (outputFolder as NSString).appendingPathComponent(relative))
            files.append(relative)
        }
        for chart in charts { try write(chart.svg, "maps/\(chart.id).svg") }
        if png {
            if let tool = PNGConverter.executable {
                try MapRenderer.convertToPNG(charts, in: mapsDir, tool: tool)
                files += charts.map { "maps/\($0.id).png" }
            } else {
                notes.append("PNG charts skipped: rsvg-convert not found on PATH (Debian package librsvg2-bin); the SVG charts are written.")
            }
        }
        var folder = OutputFolder(path: outputFolder)
        folder.run = run
        try write(TrendReportPage.html(folder, series: series, charts: charts), "report.html")
        try write(TrendReportPage.markdown(folder, series: series, charts: charts), "report.md")
        return MapRenderer.Outcome(files: files, notes: notes)
    }
}
