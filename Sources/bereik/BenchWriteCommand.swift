import Access
import BereikBench
import ArgumentParser
import Foundation

struct BenchWrite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write the population layer of generated points in every output format; features per second and peak memory (build with -c release).")

    @OptionGroup var size: GeneratedCaseSize<BenchWrite>
    @Option(help: "At most this many features through OGR's GeoJSON driver (the old, slow path).") var ogrLimit: Int = 200_000
    @Option(help: "Folder for the files written (removed afterwards unless --keep).") var folder: String?
    @Flag(help: "Keep the files written.") var keep = false

    func run() throws {
        let dir = folder ?? NSTemporaryDirectory() + "bereik-bench-write-\(getpid())"
        print("write benchmark: \(size.points) points, \(size.practices) practices, \(ProcessInfo.processInfo.activeProcessorCount) cores, files in \(dir)")
        defer { if !keep { try? FileManager.default.removeItem(atPath: dir) } }
        _ = try WriteBenchmark.run(points: size.points, practices: size.practices, folder: dir, ogrLimit: ogrLimit) { s in
            let rate = s.featuresPerSecond >= 1e6 ? String(format: "%.2f M/s", s.featuresPerSecond / 1e6) : String(format: "%.0f k/s", s.featuresPerSecond / 1e3)
            let size = s.bytes.map { String(format: ", %.0f MB", Double($0) / 1e6) } ?? ""
            let peak = s.peakMiB.map { String(format: ", peak %.0f MiB", $0) } ?? ""
            print("  \(s.name): \(String(format: "%.3f", s.seconds)) s (cpu \(String(format: "%.3f", s.cpuSeconds)) s), \(rate)\(size)\(peak)")
        }
    }
}

extension BenchWrite: GeneratedCaseDefaults {
    static let defaultPoints = 1_000_000
    static let defaultPractices = 5_000
}
