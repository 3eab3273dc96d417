import Foundation

extension RunReport {
    /// `run.json` text: pretty, keys sorted, so equal runs give equal bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes `run.json` into `folder` (the staging folder of a run).
    public func write(into folder: String) throws {
        try encoded().write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("run.json")))
    }
}

extension RunReport {
    /// Adds files written after run.json (maps, viewer, report, scenario
    /// tables) to its `outputs`, and inputs read outside the analysis.
    /// `replacing`: top-level names whose earlier entries are dropped first (a redraw's maps/, viewer.html…);
    /// `timings`: phases timed after run.json was written (seconds, e.g. `maps`), merged into `timingsSeconds`.
    /// `warnings`: said after the analysis (a scenario's repeated change), appended to `warnings`.
    public static func addOutputs(_ files: [String], inputs: [InputReport] = [], replacing: Set<String> = [],
                                  timings: [String: Double] = [:], warnings: [String] = [], in folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("run.json")
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var run = try JSONDecoder().decode(RunReport.self, from: data)
        run.outputs.removeAll { replacing.contains(String($0.split(separator: "/").first ?? "")) }
        for f in files where !run.outputs.contains(f) { run.outputs.append(f) }
        run.inputs += inputs
        run.warnings += warnings
        for (phase, seconds) in timings { run.timingsSeconds[phase] = recordedSeconds(seconds) }
        try run.write(into: folder)
    }
}
