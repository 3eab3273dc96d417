import Access
import BereikBench
import ArgumentParser
import Foundation

struct BenchFCA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fca",
        abstract: "Road 2SFCA with streamed pairs on a synthetic network (default 100k nodes, 50k points, 250 practices), or analyze's FCA on a generated national case (--case).")

    @Option(help: "Network nodes (about).") var nodes: Int = 100_000
    @OptionGroup var size: GeneratedCaseSize<BenchFCA>
    @Option(help: "Catchment in metres of road.") var catchmentM: Double = 3_000
    @OptionGroup var threads: WorkerThreadsOption
    @Option(help: "MiB of pairs the first pass keeps for the second (0: search again for every pass).") var keptMib: Int = 512
    @Option(help: "A folder made by `bereik bench national` (e.g. national-case): time analyze's FCA on it (defaults: 2SFCA, 5 km) after reading and routing.")
    var `case`: String?
    @Option(help: "With --case: the FCA method (2sfca, e2sfca, gaussian, balanced).") var method: FCAMethod = .twoStep
    @Option(help: "With --case: how often to run the FCA (the fastest run is shown).") var repeats: Int = 1

    func validate() throws {
        guard keptMib >= 0, keptMib <= 1 << 20 else { throw ValidationError("--kept-mib must be 0…1048576, got \(keptMib)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
    }

    func run() throws {
        threads.apply()
        if let folder = `case` {
            let f = try FCACaseBenchmark.run(folder: folder, method: method, keptBytes: keptMib << 20, repeats: repeats)
            print("fca on \(folder): \(f.points) points, \(f.nodes) nodes, \(f.practices) practices, \(method.rawValue) within 5 km of road, \(f.pairs) pairs (at most \(keptMib) MiB of them kept between the passes), \(ParallelWork.threads) threads")
            for (name, seconds) in f.preparation { print(BenchFigures.phase(name, seconds)) }
            print("  FCA (CapacityAnalysis.run\(repeats > 1 ? ", fastest of \(repeats)" : "")): \(String(format: "%.3f", f.fcaSeconds)) s, processor \(String(format: "%.3f", f.fcaProcessorSeconds)) s")
            for (name, seconds) in f.fcaSteps { print(BenchFigures.phase(name, seconds, indent: 4)) }
            let mib = BenchFigures.mebibytes
            print("  resident before the FCA: \(mib(f.residentBeforeMiB)); peak during it: \(mib(f.peakDuringMiB))"
                  + (f.peakResetWorked ? "" : " (peak could not be reset: process peak)"))
            print("  checksum (sum of fca_per_10k): \(String(format: "%.6f", f.checksum)); digest of every value's bits: \(String(f.digest, radix: 16))")
            return
        }
        let f = FCABenchmark.run(nodes: nodes, points: size.points, practices: size.practices, catchmentM: catchmentM, keptBytes: keptMib << 20)
        print("fca benchmark: \(f.nodes) nodes, \(f.points) points, \(f.practices) practices, catchment \(Int(catchmentM)) m, \(f.pairs) pairs (at most \(keptMib) MiB of them kept between the passes), \(ParallelWork.threads) threads")
        for (name, seconds) in f.phases { print(BenchFigures.phase(name, seconds)) }
        print(BenchFigures.peakMemory(f.peakMiB))
        print("  checksum (sum of fca_per_10k): \(String(format: "%.3f", f.checksum))")
    }
}

extension BenchFCA: GeneratedCaseDefaults {
    static let defaultPoints = 50_000
    static let defaultPractices = 250
}
