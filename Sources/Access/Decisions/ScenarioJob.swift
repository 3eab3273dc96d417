import Foundation

/// `bereik scenario`: reads the inputs once, analyses the baseline and the
/// changed practice list on them, writes the scenario's output contract plus
/// `changes.csv`, `receiving_practices.csv` and `point_changes.csv`.
public struct ScenarioJob {
    public var job: AnalyzeJob
    public var changes: [PracticeChange]
    public var changesSource = "scenario"
    /// The changes file, when one was given, and the CRS its added
    /// practices were read in (`ChangeFileReader.ChangesFile.crs`; for run.json).
    public var changesPath: String?
    public var changesCRS = ChangeFileReader.CRSBasis(crs: "none (no practice added)", source: "none")

    public init(job: AnalyzeJob, changes: [PracticeChange]) {
        self.job = job
        self.changes = changes
    }

    public struct Outcome {
        public var outcome: AnalyzeJob.Outcome
        public var baseline: AnalysisResult
        public var baselinePractices: [Practice]
        public var comparison: ScenarioComparison
        public var files: [String]
        public var summary: String
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        let inputs = try job.readInputs(progress: progress)
        let (changes, repeated) = PracticeChange.once(self.changes, practices: inputs.practices, source: changesSource)
        let changed = try ScenarioApplier.apply(changes, to: inputs.practices, source: changesSource, parameters: job.parameters)
        let notes = repeated + PracticeChange.unchanged(changes, before: inputs.practices, after: changed, source: changesSource)
        let baseline = try job.baseline(inputs, progress: progress)
        let scenario = try job.analyse(try ScenarioEligibility.inputs(inputs, changed: changed), practices: changed,
                                       reusing: baseline, progress: progress)
        let outcome = try job.write(inputs, scenario, progress: progress)
        let comparison = ScenarioComparison.compare(population: inputs.population, baseline: baseline.result, scenario: scenario.result,
                                                    scenarioPractices: changed, regionsGiven: !inputs.regions.isEmpty)
        let summary = ScenarioSummary.paragraph(changes: changes, baselinePractices: inputs.practices, comparison: comparison,
                                                regions: inputs.regions, scenarioPractices: changed)
            + notes.map { " " + $0 }.joined()
        let extra = try DecisionFiles(folder: job.outputFolder, csvDialect: job.csvDialect).write(
            tables: [(ScenarioTables.changesFileName, ScenarioTables.regions(comparison, regions: inputs.regions)),
                     (ScenarioTables.receivingFileName, ScenarioTables.receiving(comparison, practices: changed)),
                     (ScenarioTables.pointChangesFileName, ScenarioTables.points(comparison, population: inputs.population,
                                                                 before: AccessMeasure(baseline.result), after: AccessMeasure(scenario.result),
                                                                 baselinePractices: inputs.practices, scenarioPractices: changed))],
            texts: [("scenario.md", "# Scenario\n\n" + summary + "\n")])
        try RunReport.addOutputs(extra, inputs: changesPath.map { [.decisionFile(role: "changes", path: $0, features: self.changes.count,
                                                                                         crs: changesCRS.crs, crsSource: changesCRS.source)] } ?? [],
                                 warnings: notes, in: job.outputFolder)
        return Outcome(outcome: outcome, baseline: baseline.result, baselinePractices: inputs.practices,
                       comparison: comparison, files: outcome.files + extra, summary: summary)
    }
}
