import ArgumentParser
import Maps

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Render maps (SVG, PNG), viewer.html and report.html from an analysis output folder.")

    @Option(name: .customLong("from"), help: "An output folder written by `bereik analyze`.")
    var from: String

    @Flag(help: "Skip PNG conversion even when rsvg-convert is available.")
    var noPNG = false

    func run() throws {
        let outcome = try MapRenderer.renderAll(outputFolder: from, png: !noPNG)
        for note in outcome.notes { print("note: \(note)") }
        print("Wrote \(outcome.files.joined(separator: ", ")) to \(from)")
    }
}
