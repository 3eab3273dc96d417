import Access
import BereikBench
import ArgumentParser
import Foundation
import Maps

struct BenchMaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maps",
        abstract: "Time rendering maps, viewer and report from an output folder (build with -c release).")

    @Option(name: .customLong("from"), help: "An output folder written by `bereik analyze`.")
    var from: String

    @Flag(help: "Include PNG conversion with rsvg-convert (an external program).")
    var png = false

    func run() throws {
        let start = Date()
        let outcome = try MapRenderer.renderAll(outputFolder: from, png: png)
        let seconds = Date().timeIntervalSince(start)
        print("maps benchmark: \(outcome.files.count) files from \(from)\(png ? " (with PNG)" : " (SVG, viewer, report; no PNG)")")
        print("  render: \(String(format: "%.3f", seconds)) s")
        print("  peak memory: \(PeakMemory.mebibytes().map { String(format: "%.0f MiB", $0) } ?? "unknown")")
    }
}
