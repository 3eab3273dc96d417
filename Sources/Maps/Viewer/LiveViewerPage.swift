import Access
import Foundation

/// The viewer page of an output folder with extra style and script appended,
/// for `bereik serve`, which adds its live layer to the same viewer. The
/// viewer's script publishes its map state as `window.bereikViewer`.
public enum LiveViewerPage {
    public static func html(outputFolder: String, extraStyle: String, extraScript: String, extraSidebar: String) throws -> String {
        var page = try ViewerPage.html(try OutputFolderReader.read(outputFolder))
        if let r = page.range(of: "</style>") { page.replaceSubrange(r, with: extraStyle + "\n</style>") }
        if let r = page.range(of: "<section><h2>Layers</h2>") { page.replaceSubrange(r, with: extraSidebar + "\n<section><h2>Layers</h2>") }
        if let r = page.range(of: "</body>", options: .backwards) {
            page.replaceSubrange(r, with: "<script>\n" + extraScript + "\n</script>\n</body>")
        }
        return page
    }
}
