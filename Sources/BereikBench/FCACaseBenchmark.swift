import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Geo
import Access

/// The road FCA of `bereik analyze` on a generated national case
/// (`NationalCase`, release builds): reads the roads, population and
/// practices, routes (for the snapped positions), then times
/// `CapacityAnalysis.run` with the analysis defaults (2SFCA unless asked,
/// 5 km of road, open practices' FTE) and prints its own steps, the resident
/// memory before it and the peak during it (the peak is reset just before).
public enum FCACaseBenchmark {
    public struct Figures: Sendable {
        public var points: Int, nodes: Int, practices: Int, pairs: Int
        /// Reading and routing, then the FCA's own steps.
        public var preparation: [(String, Double)]
        public var fcaSeconds: Double
        /// Processor seconds (user + system, all threads) of that run.
        public var fcaProcessorSeconds: Double
        public var fcaSteps: [(String, Double)]
        public var residentBeforeMiB: Double?
        public var peakDuringMiB: Double?
        public var peakResetWorked: Bool
        public var checksum: Double
        /// FNV-1a over the bits of every point's value (nil: 0), to see a change in any last bit.
        public var digest: UInt64
    }

    public static func run(folder: String, method: FCAMethod = .twoStep, catchmentKm: Double = 5, keptBytes: Int = 512 << 20,
                           repeats: Int = 1) throws -> Figures {
        var preparation: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { preparation.append((name, Date().timeIntervalSince(t))); t = Date() }
        func file(_ f: String) -> String { (folder as NSString).appendingPathComponent(f) }
        let roadOptions = RoadOptions()
        let (graph, read) = try RoadAnalysis.buildGraph(path: file(NationalCase.roadsFile), options: roadOptions)
        lap("read roads and build the graph")
        let (population, _) = try PopulationReader.read(path: file(NationalCase.populationFile), options: InputOptions())
        let (practices, _) = try PracticeReader.read(path: file(NationalCase.practicesFile), options: InputOptions())
        lap("read population and practices")
        var parameters = AnalysisParameters()
        parameters.fca.method = method
        parameters.fca.catchmentKm = catchmentKm
        let road = try RoadAnalysis.run(graph: graph, read: read, population: population, practices: practices,
                                        parameters: parameters, options: roadOptions)
        lap("snap and route (for the snapped positions)")
        var result: CapacityResult?
        var best = Double.infinity, bestProcessor = 0.0
        let before = residentMiB()
        let reset = resetPeak()
        for _ in 0..<Swift.max(1, repeats) {
            let t0 = Date(), p0 = processorSeconds()
            let r = CapacityAnalysis.run(population: population, practices: practices, parameters: parameters, road: road,
                                         keptBytes: keptBytes)
            let s = Date().timeIntervalSince(t0)
            if s < best { best = s; bestProcessor = processorSeconds() - p0; result = r }
        }
        let peak = PeakMemory.mebibytes()
        let r = result!
        return Figures(points: population.count, nodes: graph.nodeCount, practices: practices.count, pairs: r.pairs,
                       preparation: preparation, fcaSeconds: best, fcaProcessorSeconds: bestProcessor, fcaSteps: r.steps, residentBeforeMiB: before,
                       peakDuringMiB: peak, peakResetWorked: reset,
                       checksum: r.fcaPer10k.reduce(0) { $0 + ($1 ?? 0) },
                       digest: r.fcaPer10k.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ ($1 ?? 0).bitPattern) &* 0x100_0000_01b3 })
    }

    /// User + system seconds of this process so far (all threads).
    static func processorSeconds() -> Double {
        var usage = rusage()
        // getrusage returns 0 on success.
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// VmRSS of this process in MiB.
    static func residentMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) }.map { $0 / 1024 }
        }
        return nil
    }

    /// Resets VmHWM to the current RSS (Linux: "5" to /proc/self/clear_refs).
    static func resetPeak() -> Bool {
        guard let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? h.close() }
        return (try? h.write(contentsOf: Data("5".utf8))) != nil
    }
}
