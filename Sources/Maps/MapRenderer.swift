import Access
import Foundation

/// Renders an analysis output folder: maps/*.svg (and *.png when
/// `rsvg-convert` is available), viewer.html, report.html and report.md.
/// The CLI renders into the staging folder of its `OutputTransaction`, before
/// the folder replaces the previous output.
public enum MapRenderer {
    /// The entries of an output folder that rendering writes (anew, as a whole).
    public static let renderedNames: Set<String> = ["maps", "viewer.html", "report.html", "report.md"]

    /// Renders everything into `outputFolder`; returns the paths written, relative to it.
    @discardableResult
    public static func renderAll(outputFolder: String) throws -> [String] {
        try renderAll(outputFolder: outputFolder, png: true).files
    }

    public struct Outcome: Sendable {
        /// Paths written, relative to the output folder.
        public var files: [String]
        /// Things the user should know, e.g. PNGs skipped.
        public var notes: [String]
    }

    /// `known`: layers by file name already in memory, as they read back
    /// from their files (`OutputFolderReader.read`).
    public static func renderAll(outputFolder: String, png: Bool, known: [String: MapLayer] = [:]) throws -> Outcome {
        if TrendRenderer.isTrendFolder(outputFolder) { return try TrendRenderer.renderAll(outputFolder: outputFolder, png: png) }
        let folder = try OutputFolderReader.read(outputFolder, known: known)
        // The viewer does not need the maps: drawn at the same time.
        let (drawn, viewer) = ParallelWork.both({ MapCatalog.render(folder) + (try ScenarioMaps.render(folder)) },
                                                { try ViewerPage.html(folder) })
        let maps = try drawn.get()
        let mapsDir = (outputFolder as NSString).appendingPathComponent("maps")
        try FileManager.default.createDirectory(atPath: mapsDir, withIntermediateDirectories: true)
        var files = [String](), notes = [String]()
        func write(_ text: String, _ relative: String) throws {
            try AtomicFile.write(text, to: (outputFolder as NSString).appendingPathComponent(relative))
            files.append(relative)
        }
        for map in maps { try write(map.svg, "maps/\(map.id).svg") }
        TestHook.pause("render")
        let tool = png ? PNGConverter.executable : nil
        if png && tool == nil {
            notes.append("PNG maps skipped: rsvg-convert not found on PATH (Debian package librsvg2-bin); the SVG maps are written.")
        }
        // The PNGs (rsvg-convert processes) are made while the viewer and the
        // report are written: neither reads the other's files. (A viewer that
        // failed to draw fails here, after the maps, as before.)
        let (converted, pages) = ParallelWork.both({ () throws -> [String] in
            guard let tool else { return [] }
            try convertToPNG(maps, in: mapsDir, tool: tool)
            return maps.map { "maps/\($0.id).png" }
        }, { () throws -> [String] in
            func page(_ text: String, _ relative: String) throws -> String {
                try AtomicFile.write(text, to: (outputFolder as NSString).appendingPathComponent(relative))
                return relative
            }
            return [try page(try viewer.get(), "viewer.html"), try page(ReportPage.html(folder, maps: maps), "report.html"),
                    try page(ReportMarkdown.text(folder, maps: maps), "report.md")]
        })
        files += try converted.get()
        files += try pages.get()
        return Outcome(files: files, notes: notes)
    }

    /// Converts the maps two at a time (rsvg-convert is single-threaded).
    static func convertToPNG(_ maps: [RenderedMap], in dir: String, tool: String) throws {
        try ParallelWork.forEachWorker(count: maps.count) { _, indexes in
            for i in indexes {
                let svg = (dir as NSString).appendingPathComponent("\(maps[i].id).svg")
                try PNGConverter.convert(svgPath: svg, pngPath: (svg as NSString).deletingPathExtension + ".png", using: tool)
            }
        }
    }
}
