import ArgumentParser
import Access
import BereikBench

/// `bereik bench roads`: graph build, snapping and the routing pass on a
/// generated road-like network (default the scenario: 1,000,000
/// nodes, 1,000,000 points, 2,000 practices of which 70 % open).
struct BenchRoads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roads",
        abstract: "Road graph build, snapping and routing on a generated 1M-node network; prints phases and peak memory.")

    @Option(help: "Road nodes.") var nodes: Int = 1_000_000
    @Option(help: "Population points.") var points: Int = 1_000_000
    @Option(help: "Practices.") var practices: Int = 2_000

    func run() throws {
        let r = SyntheticRoadNetwork.benchmarkLarge(nodes: nodes, points: points, practices: practices)
        print(r)
    }
}
