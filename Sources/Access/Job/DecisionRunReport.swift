import Foundation
import Geo

extension AnalyzeJob {
    /// Writes `run.json` for `sites` and `plan`: the baseline analysis's report
    /// (inputs with SHA-256, parameters, warnings, timings) plus the command's
    /// own inputs, counts and outputs. Returns the outputs including run.json.
    public func writeDecisionReport(_ inputs: Inputs, _ baseline: Analysis, extraInputs: [InputReport],
                                    counts: [String: Double], outputs: [String], started: Date,
                                    extraWarnings: [String] = []) throws -> [String] {
        var run = runReport(inputs, baseline)
        run.inputs += extraInputs
        run.counts.merge(counts) { $1 }
        var timings = inputs.timings.merging(baseline.timings) { $1 }
        timings["total"] = recordedSeconds(since: started)
        run.timingsSeconds = timings
        run.warnings += extraInputs.flatMap(\.warnings)
        run.warnings += extraWarnings.filter { !run.warnings.contains($0) }
        run.outputs = outputs + ["run.json"]
        try run.write(into: outputFolder)
        return run.outputs
    }
}

extension InputReport {
    /// A report for an input a decision command reads itself (changes file,
    /// candidates): the path, its SHA-256, how many features were used and
    /// the CRS its coordinates were read in, with where that came from.
    public static func decisionFile(role: String, path: String, features: Int, crs: String, crsSource: String) -> InputReport {
        InputReport(role: role, path: path, layer: "", driver: "", sha256: FileDigest.sha256(ofFile: path), crs: crs,
                    crsSource: crsSource, features: features, used: features, skipped: [:], examples: [], warnings: [], fields: [:])
    }
}
