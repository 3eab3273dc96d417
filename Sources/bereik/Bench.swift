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

        @OptionGroup var size: GeneratedCaseSize<StraightLine>
        @Option(help: "Regions per side of the region grid.") var regionGrid: Int = 19

        func run() throws {
            let f = try StraightLineBenchmark.run(points: size.points, practices: size.practices, regionGrid: regionGrid)
            print("straight-line benchmark: \(f.points) points, \(f.practices) practices, \(f.regions) regions, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            for (name, seconds) in f.phases { print(BenchFigures.phase(name, seconds)) }
            print(BenchFigures.peakMemory(f.peakMiB))
            print("  checksum (sum of region means): \(String(format: "%.1f", f.checksum))")
        }
    }
}

extension Bench.StraightLine: GeneratedCaseDefaults {
    static let defaultPoints = 1_000_000
    static let defaultPractices = 5_000
}
