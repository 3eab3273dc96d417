import ArgumentParser
import Access
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Where k new practices would bring the most inhabitants within reach (maximal covering).",
        discussion: """
        Chooses locations for --new K practices among candidates (--candidates FILE of points, or generated:
        the heaviest uncovered population point per --candidate-spacing-m grid cell) that bring the most
        inhabitants within --flag-max-km of an open practice (by road over the first --mode with --roads, else
        straight line). Greedy: each added practice is the one that gains most given the earlier ones, which is
        guaranteed to reach at least 1 − 1/e (63 %) of the best possible coverage; small instances are also
        solved exactly and both values are printed. Writes plan.csv and plan.geojson to --out.
        """)

    @Option(name: .customLong("new"), help: "Number of new practices to place (1 or more).") var new: Int = 1
    @Option(help: "Candidate locations (points; polygons use their point on surface).") var candidates: String?
    @Option(help: "Layer of the candidates source.") var candidatesLayer: String?
    @Option(help: "Grid spacing in metres for generated candidates.") var candidateSpacingM: Double = 1000
    @Option(help: "At most this many generated candidates (the most populated cells).") var maxCandidates: Int = 5000
    @Flag(help: "Also count covered inhabitants whose nearest open practice lacks room (weighted by its shortfall).") var weightShortfall = false
    @OptionGroup var inputs: DecisionInputs

    func validate() throws {
        guard new >= 1 else { throw ValidationError("--new must be at least 1, got \(new)") }
        guard candidateSpacingM > 0 else { throw ValidationError("--candidate-spacing-m must be > 0") }
        guard maxCandidates >= 1 else { throw ValidationError("--max-candidates must be at least 1") }
    }

    func run() throws {
        var job = PlanJob(job: try inputs.job(), newPractices: new)
        job.candidatesPath = candidates
        job.candidatesLayer = candidatesLayer
        job.weightShortfall = weightShortfall
        job.candidateSpacingM = candidateSpacingM
        job.maxCandidates = maxCandidates
        let o = try OutputRun.perform(out: inputs.out, inputs: job.inputPaths, maps: false) { staging in
            var staged = job
            staged.job.outputFolder = staging
            return try staged.run(progress: Progress())
        }.value
        func n(_ x: Double) -> String { String(Int(x.rounded())) }
        let share = o.totalInhabitants > 0 ? o.coveredBefore / o.totalInhabitants * 100 : 0
        print("Now \(n(o.coveredBefore)) of \(n(o.totalInhabitants)) inhabitants (\(String(format: "%.1f", share)) %) live within \(String(format: "%g", o.limitM / 1000)) km (\(o.measure)) of an open practice; \(o.candidates) candidate locations.")
        for c in o.choices {
            print("  \(c.rank). \(c.candidate.name) [\(c.candidate.id)] at RD \(n(c.candidate.location.x)), \(n(c.candidate.location.y)): +\(n(c.inhabitantsGained)) inhabitants (total +\(n(c.cumulativeInhabitants)))")
        }
        if o.choices.count < new { print("  Only \(o.choices.count) location(s) add anything; further practices would bring nobody new within reach.") }
        if let e = o.exact {
            print("Exact optimum for \(new) practice(s) among these candidates: \(n(e.value)); greedy: \(n(e.greedy)).")
        }
        print("Wrote \(o.files.joined(separator: ", ")) to \(inputs.out).")
    }
}
