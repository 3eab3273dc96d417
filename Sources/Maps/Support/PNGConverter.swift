import Foundation

/// Converts SVG to PNG with librsvg's `rsvg-convert` (Debian: librsvg2-bin)
/// when it is on PATH.
enum PNGConverter {
    /// The full path of `rsvg-convert`, or nil when it is not installed.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Renders `svgPath` to `pngPath` at the SVG's own size (1,600 px wide: fast, and sharp enough on screen).
    static func convert(svgPath: String, pngPath: String, using tool: String) throws {
        let temporary = AtomicFile.temporaryName(pngPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--zoom", "1", "--background-color", "white", "--format", "png", "--output", temporary, svgPath]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MapsError.unreadable(file: svgPath, reason: "rsvg-convert failed (\(process.terminationStatus)): \(message)")
        }
        try AtomicFile.rename(temporary, to: pngPath)
    }
}
