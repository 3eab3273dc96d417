import Foundation
import XCTest

/// Runs Debian's `chromium` headless on a local file. Tests skip when it is
/// not installed (apt-get install chromium).
enum HeadlessChromium {
    static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        throw XCTSkip("chromium is not on PATH (Debian: apt-get install chromium); HTML pages not checked in a browser")
    }

    /// The DOM after the page's scripts ran, and chromium's log (console
    /// messages included); `query` is added to the page's address (e.g. "layers=population").
    static func dumpDOM(_ file: String, query: String? = nil) throws -> (dom: String, log: String) {
        let address = URL(fileURLWithPath: file).absoluteString + (query.map { "?" + $0 } ?? "")
        return try run(["--dump-dom", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", address])
    }

    static func screenshot(_ file: String, to png: String) throws {
        _ = try run(["--screenshot=\(png)", "--window-size=1280,900", "--hide-scrollbars", "--virtual-time-budget=3000", URL(fileURLWithPath: file).absoluteString])
    }

    private static func run(_ arguments: [String]) throws -> (dom: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=" + NSTemporaryDirectory() + "bereik-chromium-profile"] + arguments
        // The log goes to a file so neither output can fill a pipe and block chromium.
        let logPath = NSTemporaryDirectory() + "bereik-chromium-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: killer)
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        let log = FileManager.default.contents(atPath: logPath) ?? Data()
        return (String(decoding: dom, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }
}
