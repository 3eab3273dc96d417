import ArgumentParser
import Access
import BereikBench
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print their figures and peak memory (build with -c release).",
        subcommands: [StraightLine.self, BenchMaps.self, BenchFCA.self, BenchDecisions.self, BenchExternal.self, BenchRoads.self,
                       BenchCatchments.self, BenchNational.self, BenchWrite.self])

    struct StraightLine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "straight-line",
            abstract: "Straight-line analysis on generated data (default 1,000,000 points, 5,000 practices).")

        @Option(help: "Population points.") var points: Int = 1_000_000
        @Option(help: "Practices.") var practices: Int = 5_000
        @Option(help: "Regions per side of the region grid.") var regionGrid: Int = 19

        func run() throws {
            let f = try StraightLineBenchmark.run(points: points, practices: practices, regionGrid: regionGrid)
            print("straight-line benchmark: \(f.points) points, \(f.practices) practices, \(f.regions) regions, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            for (name, seconds) in f.phases {
                print("  \(name): \(String(format: "%.3f", seconds)) s")
            }
            print("  peak memory: \(f.peakMiB.map { String(format: "%.0f MiB", $0) } ?? "unknown")")
            print("  checksum (sum of region means): \(String(format: "%.1f", f.checksum))")
        }
    }
}
