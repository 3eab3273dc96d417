import Access
import BereikBench
import ArgumentParser
import Foundation
import Maps

struct BenchMaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maps",
        abstract: "Time rendering maps, viewer and report from an output folder (build with -c release).")

    @OptionGroup var analyzed: AnalyzedFolderOption

    @Flag(help: "Include PNG conversion with rsvg-convert (an external program).")
    var png = false

    func run() throws {
        let start = Date()
        let outcome = try MapRenderer.renderAll(outputFolder: analyzed.from, png: png)
        let seconds = Date().timeIntervalSince(start)
        print("maps benchmark: \(outcome.files.count) files from \(analyzed.from)\(png ? " (with PNG)" : " (SVG, viewer, report; no PNG)")")
        print(BenchFigures.phase("render", seconds))
        print(BenchFigures.peakMemory(PeakMemory.mebibytes()))
    }
}
