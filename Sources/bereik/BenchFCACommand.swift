import Access
import BereikBench
import ArgumentParser
import Foundation

struct BenchFCA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fca",
        abstract: "Road 2SFCA with streamed pairs on a synthetic network (default 100k nodes, 50k points, 250 practices).")

    @Option(help: "Network nodes (about).") var nodes: Int = 100_000
    @Option(help: "Population points.") var points: Int = 50_000
    @Option(help: "Practices.") var practices: Int = 250
    @Option(help: "Catchment in metres of road.") var catchmentM: Double = 3_000
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Option(help: "MiB of pairs the first pass keeps for the second (0: search again for every pass).") var keptMib: Int = 512

    func run() throws {
        if let threads { ParallelWork.threads = threads }
        guard keptMib >= 0, keptMib <= 1 << 20 else { throw ValidationError("--kept-mib must be 0…1048576, got \(keptMib)") }
        let f = FCABenchmark.run(nodes: nodes, points: points, practices: practices, catchmentM: catchmentM, keptBytes: keptMib << 20)
        print("fca benchmark: \(f.nodes) nodes, \(f.points) points, \(f.practices) practices, catchment \(Int(catchmentM)) m, \(f.pairs) pairs (at most \(keptMib) MiB of them kept between the passes), \(ParallelWork.threads) threads")
        for (name, seconds) in f.phases { print("  \(name): \(String(format: "%.3f", seconds)) s") }
        print("  peak memory: \(f.peakMiB.map { String(format: "%.0f MiB", $0) } ?? "unknown")")
        print("  checksum (sum of fca_per_10k): \(String(format: "%.3f", f.checksum))")
    }
}
