import Access
import ArgumentParser
import Foundation

struct BenchFCA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fca",
        abstract: "Road cost matrix + 2SFCA on a synthetic network (default 100k nodes, 50k points, 250 practices).")

    @Option(help: "Network nodes (about).") var nodes: Int = 100_000
    @Option(help: "Population points.") var points: Int = 50_000
    @Option(help: "Practices.") var practices: Int = 250
    @Option(help: "Catchment in metres of road.") var catchmentM: Double = 3_000

    func run() throws {
        let f = FCABenchmark.run(nodes: nodes, points: points, practices: practices, catchmentM: catchmentM)
        print("fca benchmark: \(f.nodes) nodes, \(f.points) points, \(f.practices) practices, catchment \(Int(catchmentM)) m, \(f.pairs) pairs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for (name, seconds) in f.phases { print("  \(name): \(String(format: "%.3f", seconds)) s") }
        let matrixAndFCA = f.phases.filter { $0.0 == "cost matrix" || $0.0 == "2sfca" }.reduce(0) { $0 + $1.1 }
        print("  full matrix + 2SFCA: \(String(format: "%.3f", matrixAndFCA)) s")
        print("  peak memory: \(f.peakMiB.map { String(format: "%.0f MiB", $0) } ?? "unknown")")
        print("  checksum (sum of fca_per_10k): \(String(format: "%.3f", f.checksum))")
    }
}
