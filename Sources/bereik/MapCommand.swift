import ArgumentParser
import Access
import Foundation
import Maps

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Render maps (SVG, PNG), viewer.html and report.html from an analysis output folder.")

    @OptionGroup var analyzed: AnalyzedFolderOption

    @Flag(help: "Skip PNG conversion even when rsvg-convert is available.")
    var noPNG = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: analyzed.from) else { throw OutputFolderError.missing(analyzed.from) }
        // Checked here, not by the output swap, whose refusal speaks of --out.
        guard FileManager.default.fileExists(atPath: (analyzed.from as NSString).appendingPathComponent("run.json")) else {
            throw OutputFolderError.withoutRun(analyzed.from)
        }
        // The folder is replaced as a whole: its data files carried over, the renderings made anew.
        let outcome = try OutputTransaction.run(out: analyzed.from, inputs: []) { tx in
            try tx.carryPreviousOutput(except: MapRenderer.renderedNames)
            let outcome = try MapRenderer.renderAll(outputFolder: tx.staging, png: !noPNG)
            try RunReport.addOutputs(outcome.files, replacing: MapRenderer.renderedNames, in: tx.staging)
            return outcome
        }
        for note in outcome.notes { print("note: \(note)") }
        print("Wrote \(outcome.files.joined(separator: ", ")) to \(analyzed.from)")
    }
}
