import Access
import Foundation
import Maps

/// Every command's output as one transaction (`OutputTransaction`): the
/// command writes into a staging folder, the maps are rendered there too,
/// and only then does the staging folder replace `--out` in one step.
enum OutputRun {
    struct Result<T> {
        var value: T
        var maps: MapRenderer.Outcome?
    }

    /// `write` gets the staging folder; maps are rendered into it unless `maps` is false.
    static func perform<T>(out: String, inputs: [String], maps: Bool, progress: Access.Progress? = nil,
                           _ write: (_ staging: String) throws -> T) throws -> Result<T> {
        try OutputTransaction.run(out: out, inputs: inputs) { tx in
            for note in tx.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            let value = try write(tx.staging)
            var rendered: MapRenderer.Outcome?
            if maps {
                progress?.step("rendering maps")
                defer { progress?.finish() }
                let started = Date()
                let outcome = try MapRenderer.renderAll(outputFolder: tx.staging, png: true)
                try RunReport.addOutputs(outcome.files, timings: ["maps": Date().timeIntervalSince(started)], in: tx.staging)
                rendered = outcome
            }
            return Result(value: value, maps: rendered)
        }
    }

    /// The line printed after maps were rendered.
    static func mapsLine(_ maps: MapRenderer.Outcome, out: String) -> String {
        "Maps: \(maps.files.filter { $0.hasPrefix("maps/") && $0.hasSuffix(".svg") }.count) maps, viewer.html and report.html in \(out) (open viewer.html in a browser; it works offline)."
            + maps.notes.map { "\n  - \($0)" }.joined()
    }
}
