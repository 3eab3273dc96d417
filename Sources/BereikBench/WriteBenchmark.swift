import Foundation
import Geo
import Access

/// Writing the population layer at national scale: generated points analysed
/// by straight line, then the output table built and written in every
/// format. Prints features per second and the peak memory of each step
/// (the kernel's high-water mark is reset before each one).
public enum WriteBenchmark {
    public struct Step: Sendable {
        public var name: String
        public var features: Int
        public var seconds: Double
        /// Processor time (user + system) of the whole process during the step:
        /// on a shared machine a fairer figure than the wall clock.
        public var cpuSeconds: Double
        public var bytes: Int?
        /// Peak resident memory during the step (MiB), when the kernel can tell.
        public var peakMiB: Double?
        public var featuresPerSecond: Double { seconds > 0 ? Double(features) / seconds : .infinity }
    }

    /// `ogrLimit` caps the features written through OGR's GeoJSON driver (the
    /// slow path this replaces), so the benchmark does not wait minutes.
    public static func run(points n: Int, practices m: Int = 5_000, folder: String, ogrLimit: Int = 200_000,
                           seed: UInt64 = 20_261_129, progress: ((Step) -> Void)? = nil) throws -> [Step] {
        var steps: [Step] = []
        func step(_ name: String, features: Int, file: String? = nil, _ body: () throws -> Void) rethrows {
            PeakMemory.resetHighWaterMark()
            let t0 = Date(), c0 = cpuTime()
            try body()
            let seconds = Date().timeIntervalSince(t0), cpu = cpuTime() - c0
            let bytes = file.flatMap { (try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int }
            let s = Step(name: name, features: features, seconds: seconds, cpuSeconds: cpu, bytes: bytes, peakMiB: PeakMemory.mebibytes())
            steps.append(s)
            progress?(s)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        var population: [PopulationPoint] = [], practices: [Practice] = []
        step("generate points and practices", features: n) {
            (population, practices) = generate(points: n, practices: m, seed: seed)
        }
        var result: AnalysisResult!
        try step("analyse (straight line)", features: n) {
            result = try AccessAnalysis.assemble(population: population, practices: practices, regions: [],
                                                  parameters: AnalysisParameters())
        }
        var table: OutputTable!
        step("build the population table (columns; rows made when written)", features: n) {
            table = OutputTables(result: result, population: population, practices: practices, regions: []).population
        }
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let sample = min(n, ogrLimit)
        let head = table.prefix(sample)
        try step("GeoJSON through OGR (RFC7946, COORDINATE_PRECISION=7, WRITE_BBOX=NO), first \(sample)", features: sample,
                 file: path("ogr.geojson")) {
            let writer = try VectorWriter(path: path("ogr.geojson"), format: .geoJSON)
            try head.write(into: writer, crs: CoordinateTransformer.wgs84, transform: toWGS84)
            try writer.close()
        }
        try step("reproject to WGS84 (PROJ, one batch; part of the GeoJSON steps)", features: n) {
            _ = try table.wgs84Points(toWGS84, path: path("population.geojson"))
        }
        try step("GeoJSON streamed (same bytes)", features: n, file: path("population.geojson")) {
            try table.writeGeoJSON(path: path("population.geojson"), toWGS84: toWGS84)
        }
        try step("CSV streamed, rfc4180 (no geometry)", features: n, file: path("population.csv")) {
            try table.withoutGeometry.writeCSV(path: path("population.csv"), dialect: .rfc4180)
        }
        try step("CSV streamed, excel-nl (no geometry)", features: n, file: path("population-nl.csv")) {
            try table.withoutGeometry.writeCSV(path: path("population-nl.csv"), dialect: .excelNL)
        }
        try step("FlatGeobuf through OGR (EPSG:28992, spatial index)", features: n, file: path("population.fgb")) {
            let writer = try VectorWriter(path: path("population.fgb"), format: .flatGeobuf)
            try table.write(into: writer, crs: CoordinateTransformer.rdNew, transform: nil)
            try writer.close()
        }
        try step("GeoPackage through OGR (EPSG:28992, one transaction, spatial index)", features: n, file: path("bereik.gpkg")) {
            try GeoPackageOutput.write([table], path: path("bereik.gpkg"))
        }
        return steps
    }

    /// Clustered points and practices over the Netherlands' extent in RD New.
    static func generate(points n: Int, practices m: Int, seed: UInt64) -> ([PopulationPoint], [Practice]) {
        var rng = SplitMix64(seed: seed)
        return StraightLineBenchmark.clustered(points: n, practices: m, rng: &rng, idPrefix: "A")
    }
}

/// User plus system processor time of this process, in seconds.
func cpuTime() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

extension PeakMemory {
    /// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS by
    /// writing 5 to /proc/self/clear_refs (Linux); a no-op elsewhere.
    static func resetHighWaterMark() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .ascii)
    }
}
