import Access
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
        try PNGConversion.start(svgPath: svgPath, pngPath: pngPath, using: tool).finish()
    }
}

/// One SVG being rendered to PNG by `rsvg-convert` in a process of its own:
/// `start` returns at once, `finish` waits and puts the PNG in place (or
/// throws with rsvg-convert's message); `wait` only waits (after an error
/// elsewhere, so no process outlives the rendering).
final class PNGConversion {
    private let process = Process()
    private let svgPath: String, pngPath: String, temporary: String, messages: String
    private var finished = false

    private init(svgPath: String, pngPath: String) {
        self.svgPath = svgPath
        self.pngPath = pngPath
        temporary = AtomicFile.temporaryName(pngPath)
        messages = temporary + ".messages"
    }

    static func start(svgPath: String, pngPath: String, using tool: String) throws -> PNGConversion {
        let conversion = PNGConversion(svgPath: svgPath, pngPath: pngPath)
        try conversion.run(tool)
        return conversion
    }

    private func run(_ tool: String) throws {
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--zoom", "1", "--background-color", "white", "--format", "png", "--output", temporary, svgPath]
        // rsvg-convert's messages go to a file, not a pipe: nobody reads a
        // pipe while several conversions run, and a full one would block it.
        guard FileManager.default.createFile(atPath: messages, contents: nil), let errors = FileHandle(forWritingAtPath: messages) else {
            throw MapsError.unreadable(file: svgPath, reason: "cannot create \(messages) for rsvg-convert's messages")
        }
        defer { try? errors.close() }
        process.standardError = errors
        do {
            try process.run()
        } catch {
            finished = true
            try? FileManager.default.removeItem(atPath: messages)
            throw error
        }
        ChildProcesses.started(process.processIdentifier)
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        process.waitUntilExit()
        ChildProcesses.ended(process.processIdentifier)
        let message = (try? String(contentsOfFile: messages, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: messages)
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MapsError.unreadable(file: svgPath, reason: "rsvg-convert failed (\(process.terminationStatus)): \(message)")
        }
        try AtomicFile.rename(temporary, to: pngPath)
    }

    func wait() {
        guard !finished else { return }
        finished = true
        process.waitUntilExit()
        ChildProcesses.ended(process.processIdentifier)
        try? FileManager.default.removeItem(atPath: messages)
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
