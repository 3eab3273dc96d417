import ArgumentParser
import Access
import BereikBench
import Foundation

struct BenchDecisions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "Time criticality of all practices and plan --new K on a generated road network (build with -c release).")

    @Option(help: "Road graph nodes (about).") var nodes: Int = 1_000_000
    @Option(help: "Practices (all open).") var practices: Int = 300
    @Option(help: "Population points.") var points: Int = 200_000
    @Option(name: .customLong("new"), help: "New practices to plan.") var new: Int = 5

    func run() throws {
        print("decisions benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores):")
        for (name, value) in try DecisionsBenchmark.run(nodes: nodes, practices: practices, points: points, newPractices: new) {
            print("  \(name): \(value)")
        }
    }
}
