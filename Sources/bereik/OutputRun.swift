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
        try perform(out: out, inputs: inputs, maps: maps, progress: progress) { staging, _ in try write(staging) }
    }

    /// `write` also gets the maps' rendering (nil without maps), which it may
    /// run while it writes files the maps do not read, with layers it has in
    /// memory as they will read back from their files (by file name); the maps
    /// are rendered after `write` unless it ran them.
    static func perform<T>(out: String, inputs: [String], maps: Bool, progress: Access.Progress? = nil,
                           _ write: (_ staging: String, _ renderMaps: (([String: MapLayer]) throws -> Void)?) throws -> T) throws -> Result<T> {
        try OutputTransaction.run(out: out, inputs: inputs) { tx in
            for note in tx.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            let step = maps ? MapsStep(folder: tx.staging, progress: progress) : nil
            let value = try write(tx.staging, step.map { step in { try step.render(known: $0) } })
            guard let step else { return Result(value: value, maps: nil) }
            if step.outcome == nil { try step.render() }
            guard let outcome = step.outcome else { return Result(value: value, maps: nil) }
            // run.json is final once `write` returns: the maps' files and time go in now.
            try RunReport.addOutputs(outcome.files, timings: ["maps": step.seconds], in: tx.staging)
            return Result(value: value, maps: outcome)
        }
    }

    /// Runs `job` with its output folder set to the staging folder.
    static func perform<Job: FolderWritingJob>(_ job: Job, out: String, maps: Bool, progress: Access.Progress) throws -> Result<Job.Outcome> {
        try perform(out: out, inputs: job.inputPaths, maps: maps, progress: progress) { staging in
            var staged = job
            staged.job.outputFolder = staging
            return try staged.run(progress: progress)
        }
    }

    /// The maps, viewer and report of a staging folder, rendered once.
    private final class MapsStep {
        let folder: String
        let progress: Access.Progress?
        var outcome: MapRenderer.Outcome?
        var seconds = 0.0

        init(folder: String, progress: Access.Progress?) {
            self.folder = folder
            self.progress = progress
        }

        func render(known: [String: MapLayer] = [:]) throws {
            guard outcome == nil else { return }
            progress?.step("rendering maps")
            defer { progress?.finish() }
            let started = Date()
            outcome = try MapRenderer.renderAll(outputFolder: folder, png: true, known: known)
            seconds = Date().timeIntervalSince(started)
        }
    }

    /// The line printed after maps were rendered.
    static func mapsLine(_ maps: MapRenderer.Outcome, out: String) -> String {
        "Maps: \(maps.files.filter { $0.hasPrefix("maps/") && $0.hasSuffix(".svg") }.count) maps, viewer.html and report.html in \(out) (open viewer.html in a browser; it works offline)."
            + maps.notes.map { "\n  - \($0)" }.joined()
    }
}

/// A command's job that writes the analysis job's output folder (`job.outputFolder`) and reads `inputPaths`.
protocol FolderWritingJob {
    associatedtype Outcome
    var job: AnalyzeJob { get set }
    var inputPaths: [String] { get }
    func run(progress: Access.Progress?) throws -> Outcome
}

extension PlanJob: FolderWritingJob {}
extension SitesJob: FolderWritingJob {}
extension TrendJob: FolderWritingJob {}
