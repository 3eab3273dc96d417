import Access
import Maps

/// Renders the maps, viewer and report of an output folder and says so.
enum MapStep {
    static func render(out: String, progress: Progress) throws {
        progress.step("rendering maps")
        let maps = try MapRenderer.renderAll(outputFolder: out, png: true)
        progress.finish()
        print("Maps: \(maps.files.filter { $0.hasPrefix("maps/") && $0.hasSuffix(".svg") }.count) maps, viewer.html and report.html in \(out) (open viewer.html in a browser; it works offline).")
        for note in maps.notes { print("  - \(note)") }
    }
}
