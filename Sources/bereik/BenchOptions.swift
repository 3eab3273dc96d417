import ArgumentParser
import Access

/// The default size of a `bench` command's generated case.
protocol GeneratedCaseDefaults {
    static var defaultPoints: Int { get }
    static var defaultPractices: Int { get }
}

/// `--points` and `--practices`: the size of a generated case, the options
/// the `bench` commands share; each command gives its own defaults.
struct GeneratedCaseSize<Defaults: GeneratedCaseDefaults>: ParsableArguments {
    @Option(help: "Population points.") var points: Int = Defaults.defaultPoints
    @Option(help: "Practices.") var practices: Int = Defaults.defaultPractices
}

/// `--threads`: the worker threads of a `bench` command.
struct WorkerThreadsOption: ParsableArguments {
    @Option(help: "Worker threads (default: all cores).") var threads: Int?

    /// Sets `ParallelWork.threads` when --threads was given.
    func apply() {
        if let threads { ParallelWork.threads = threads }
    }
}

/// How the `bench` commands print their figures.
enum BenchFigures {
    /// A phase's line: "  name: 1.234 s" (`indent` spaces before the name).
    static func phase(_ name: String, _ seconds: Double, indent: Int = 2) -> String {
        "\(String(repeating: " ", count: indent))\(name): \(String(format: "%.3f", seconds)) s"
    }

    /// Mebibytes without decimals, or "unknown" where the platform does not tell.
    static func mebibytes(_ mib: Double?) -> String {
        mib.map { String(format: "%.0f MiB", $0) } ?? "unknown"
    }

    /// The closing line of most benchmarks.
    static func peakMemory(_ mib: Double?) -> String {
        "  peak memory: \(mebibytes(mib))"
    }
}
