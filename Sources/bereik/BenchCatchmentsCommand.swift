import Access
import BereikBench
import ArgumentParser
import Foundation

struct BenchCatchments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchments",
        abstract: "Road catchments on a generated network by several methods side by side (default 1M nodes, 400 practices).")

    @Option(help: "Network nodes (about).") var nodes: Int = 1_000_000
    @Option(help: "Practices.") var practices: Int = 400
    @Option(help: "Methods, comma-separated: grid (used by analyze), coverage, boundary, union (the previous method).")
    var methods: String = "grid"
    @OptionGroup var threads: WorkerThreadsOption

    func run() throws {
        threads.apply()
        var chosen: [CatchmentBenchmark.Method] = []
        for name in methods.split(separator: ",") {
            guard let m = CatchmentBenchmark.Method(rawValue: String(name)) else {
                throw ValidationError("--methods: unknown method '\(name)'; expected grid, coverage, boundary or union")
            }
            chosen.append(m)
        }
        let f = try CatchmentBenchmark.run(nodes: nodes, practices: practices, methods: chosen)
        print("catchment benchmark: \(f.nodes) nodes (\(f.labelledNodes) labelled), \(f.practices) practices, grid cell \(Int(f.cellSize)) m, \(ParallelWork.threads) threads")
        for (name, s) in f.phases { print(BenchFigures.phase(name, s)) }
        for r in f.rows {
            let agree = r.agreement.map { String(format: ", %.2f %% of 5,000 sample places as the exact Voronoi", $0 * 100) } ?? ""
            print("  \(r.method.rawValue): \(String(format: "%.3f", r.seconds)) s, \(r.sites) sites, \(r.catchments) catchments, \(r.vertices) vertices\(agree)")
        }
        print(BenchFigures.peakMemory(f.peakMiB))
    }
}
