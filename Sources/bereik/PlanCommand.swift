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

    @Option(name: .customLong("new"), parsing: .unconditional, help: "Number of new practices to place (1 or more).") var new: Int = 1
    @Option(help: "Candidate locations (points; polygons use their point on surface).") var candidates: String?
    @Option(help: "Layer of the candidates source.") var candidatesLayer: String?
    @Option(parsing: .unconditional, help: "Grid spacing in metres for generated candidates (default: 1000).") var candidateSpacingM: Double?
    @Option(parsing: .unconditional, help: "At most this many generated candidates, the most populated cells (default: 5000).") var maxCandidates: Int?
    @Flag(help: "Also count covered inhabitants whose nearest open practice lacks room (weighted by its shortfall).") var weightShortfall = false
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        try OptionCheck.check(new, "--new", from: 1, to: 10_000)
        if let candidateSpacingM { try OptionCheck.check(candidateSpacingM, "--candidate-spacing-m", .from(10, upTo: 100_000, "m")) }
        if let maxCandidates { try OptionCheck.check(maxCandidates, "--max-candidates", from: 1, to: 1_000_000) }
        if candidates != nil {
            for (option, given) in [("--candidate-spacing-m", candidateSpacingM != nil), ("--max-candidates", maxCandidates != nil)] where given {
                throw ValidationError("\(option) has no effect with --candidates (it shapes generated candidates); leave one of them out")
            }
        } else if candidatesLayer != nil {
            throw ValidationError("--candidates-layer has no effect without --candidates")
        }
        try shared.output.rejectCatchments(command: "plan")
    }

    func run() throws {
        try FileErrorWords.run(out: shared.output.out) { try runCommand() }
    }

    private func runCommand() throws {
        var job = PlanJob(job: try shared.job(), newPractices: new)
        job.candidatesPath = candidates
        job.candidatesLayer = candidatesLayer
        job.weightShortfall = weightShortfall
        if let candidateSpacingM { job.candidateSpacingM = candidateSpacingM }
        if let maxCandidates { job.maxCandidates = maxCandidates }
        let o = try OutputRun.perform(job, out: shared.output.out, maps: false, progress: Progress()).value
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
        if !o.warnings.isEmpty {
            print("Warnings:")
            for w in o.warnings { print("  - \(w)") }
        }
        print("Wrote \(o.files.joined(separator: ", ")) to \(shared.output.out).")
    }
}
