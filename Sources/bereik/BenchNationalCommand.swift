import Access
import BereikBench
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bereik bench national`: generates a national-size case once into a
/// folder and runs `bereik analyze` on it (a child process per thread
/// count), printing run.json's per-phase times, the speed-up per phase and
/// the child's peak RSS.
struct BenchNational: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "Generate a national-size case (9M points, 5M road nodes, 5,000 practices, 355 municipalities at scale 1) and time analyze on it.")

    @Option(help: "Size factor (1 = national; 0.1 for a quick run).") var scale: Double = 1
    @Option(help: "Thread counts to run analyze with, comma-separated (e.g. 1,2); speed-up is against the first.")
    var threads: String = "\(ProcessInfo.processInfo.activeProcessorCount)"
    @Option(help: "Folder for the generated case and the outputs (reused when the case is already there).")
    var folder: String = "national-case"
    @Option(parsing: .unconditional, help: "Extra options for analyze, e.g. \"--no-maps\".") var analyzeArgs: String = ""

    func validate() throws {
        guard scale > 0, scale <= 4 else { throw ValidationError("--scale must be in (0, 4], got \(scale)") }
        guard !parsedThreads.isEmpty, parsedThreads.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--threads: expected positive counts separated by commas, got '\(threads)'")
        }
    }

    var parsedThreads: [Int] { threads.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        let size = NationalCase.Size(scale: scale)
        print("national benchmark, scale \(scale): \(size.points) points, ~\(size.roadNodes) road nodes, \(size.practices) practices, \(size.regions) regions; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let generated = try NationalCase.prepare(size, in: folder) { print("  generated \($0)"); fflush(nil) }
        if !generated { print("  case already in \(folder)") }
        func file(_ f: String) -> String { (folder as NSString).appendingPathComponent(f) }
        var baseline: [String: Double]?
        for n in parsedThreads {
            let out = file("out-t\(n)")
            let args = ["analyze", "--population", file(NationalCase.populationFile), "--practices", file(NationalCase.practicesFile),
                        "--regions", file(NationalCase.regionsFile), "--roads", file(NationalCase.roadsFile), "--out", out]
                + analyzeArgs.split(separator: " ").map(String.init)
            fflush(nil)
            let t0 = Date()
            let (status, peakKiB, cpu) = try spawn(args, threads: n)
            let wall = Date().timeIntervalSince(t0)
            let mib = Double(peakKiB) / 1024
            print("\nanalyze with \(n) thread(s): exit \(status), wall \(String(format: "%.1f", wall)) s, processor \(String(format: "%.1f", cpu)) s, peak RSS \(String(format: "%.0f", mib)) MiB"
                  + " (\(String(format: "%.0f", mib / (Double(size.points) / 1e6))) MiB per million points)")
            guard status == 0 else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent("run.json")))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let timings = (json?["timings_seconds"] ?? json?["timingsSeconds"]) as? [String: Double] ?? [:]
            for (name, s) in timings.sorted(by: { $0.key < $1.key }) {
                let speedUp = baseline?[name].map { s > 0 ? String(format: "  (×%.2f)", $0 / s) : "" } ?? ""
                print("  \(name): \(String(format: "%.3f", s)) s\(speedUp)")
            }
            if baseline == nil { baseline = timings }
        }
    }

    /// Runs this executable with `args` and BEREIK_THREADS=n; returns the exit
    /// status, the child's peak RSS in KiB and its processor seconds (user +
    /// system; wait4's rusage).
    func spawn(_ args: [String], threads n: Int) throws -> (Int32, Int, Double) {
        let exe = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var env = ProcessInfo.processInfo.environment
        env["BEREIK_THREADS"] = String(n)
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        // posix_spawn returns 0 on success, else an errno value.
        let rc = posix_spawn(&pid, exe, nil, nil, argv, envp)
        guard rc == 0 else { throw ValidationError("cannot start \(exe): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        // wait4 returns the pid, or -1 with errno (EINTR: try again).
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw ValidationError("waiting for analyze: \(String(cString: strerror(errno)))") }
        }
        let exited = (status & 0x7f) == 0
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), usage.ru_maxrss, cpu)
    }
}
