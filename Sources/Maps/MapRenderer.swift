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
        let mapsDir = (outputFolder as NSString).appendingPathComponent("maps")
        let tool = png ? PNGConverter.executable : nil
        // The viewer needs neither the maps nor their PNGs: it is drawn and
        // written while the maps are drawn, written and converted (the
        // rsvg-convert processes), which no longer wait for the viewer.
        // Errors keep their order: the maps', the PNGs', then the viewer's.
        // The viewer begins once the first map is drawn: that map (the
        // practices map, `MapCatalog.drawnFirst`) thins the catchments on all
        // threads, and its PNG takes longest, so it goes first on its own.
        let firstMapDrawn = DispatchSemaphore(value: 0)
        let (drawn, viewer) = ParallelWork.both({ () throws -> (maps: [RenderedMap], files: [String]) in
            defer { firstMapDrawn.signal() }
            try FileManager.default.createDirectory(atPath: mapsDir, withIntermediateDirectories: true)
            // Each map is written and its PNG started (rsvg-convert, a process
            // of its own) as soon as it is drawn, so the conversions run while
            // the next maps (the practices map thins the catchments) and the
            // viewer are drawn, not all after them. Every started conversion
            // is waited for, also after an error.
            var conversions = [PNGConversion](), failure: Error?
            defer { for conversion in conversions { conversion.wait() } }
            func write(_ map: RenderedMap) {
                defer { firstMapDrawn.signal() }
                guard failure == nil else { return }
                do {
                    let svg = (mapsDir as NSString).appendingPathComponent("\(map.id).svg")
                    try AtomicFile.write(map.svg, to: svg)
                    if let tool {
                        conversions.append(try PNGConversion.start(svgPath: svg, pngPath: (svg as NSString).deletingPathExtension + ".png", using: tool))
                    }
                } catch {
                    failure = error
                }
            }
            var maps = MapCatalog.render(folder, drawn: write)
            if let failure { throw failure }
            let scenarioMaps = try ScenarioMaps.render(folder)
            scenarioMaps.forEach(write)
            maps += scenarioMaps
            if let failure { throw failure }
            TestHook.pause("render")
            for conversion in conversions { try conversion.finish() }
            // In the maps' order, not the order they were drawn in.
            return (maps, maps.map { "maps/\($0.id).svg" } + (tool == nil ? [] : maps.map { "maps/\($0.id).png" }))
        }, { () throws -> String in
            firstMapDrawn.wait()
            let html = try ViewerPage.html(folder)
            try AtomicFile.write(html, to: (outputFolder as NSString).appendingPathComponent("viewer.html"))
            return "viewer.html"
        })
        let (maps, mapFiles) = try drawn.get()
        var files = mapFiles, notes = [String]()
        if png && tool == nil {
            notes.append("PNG maps skipped: rsvg-convert not found on PATH (Debian package librsvg2-bin); the SVG maps are written.")
        }
        files.append(try viewer.get())
        for (text, relative) in [(ReportPage.html(folder, maps: maps), "report.html"), (ReportMarkdown.text(folder, maps: maps), "report.md")] {
            try AtomicFile.write(text, to: (outputFolder as NSString).appendingPathComponent(relative))
            files.append(relative)
        }
        return Outcome(files: files, notes: notes)
    }

    /// Converts the maps two at a time (rsvg-convert is single-threaded), the
    /// largest first, each worker taking the next when it is free: with
    /// fixed shares the largest map's conversion ran alone at the end.
    static func convertToPNG(_ maps: [RenderedMap], in dir: String, tool: String) throws {
        let largestFirst = maps.indices.sorted { (maps[$0].svg.utf8.count, $1) > (maps[$1].svg.utf8.count, $0) }
        try ParallelWork.forEachTaking(largestFirst) { i in
            let svg = (dir as NSString).appendingPathComponent("\(maps[i].id).svg")
            try PNGConverter.convert(svgPath: svg, pngPath: (svg as NSString).deletingPathExtension + ".png", using: tool)
        }
    }
}
