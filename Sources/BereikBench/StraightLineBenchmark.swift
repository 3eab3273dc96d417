import Foundation
import Geo
import Access

/// The straight-line analysis at national scale on generated data: clustered
/// population points and practices over a 280 × 300 km box in RD New, with
/// a grid of municipality-sized regions. Prints per-phase time and peak memory.
public enum StraightLineBenchmark {
    public struct Figures {
        public var phases: [(String, Double)]
        public var peakMiB: Double?
        public var points: Int
        public var practices: Int
        public var regions: Int
        public var checksum: Double
    }

    public static func run(points n: Int, practices m: Int, regionGrid: Int, seed: UInt64 = 20_261_123) throws -> Figures {
        var rng = SplitMix64(seed: seed)
        var phases: [(String, Double)] = []
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let t0 = Date()
            let r = try body()
            phases.append((name, Date().timeIntervalSince(t0)))
            return r
        }
        let box = clusteredBox
        let (population, practices, regions) = timed("generate") { () -> ([PopulationPoint], [Practice], [Region]) in
            let (population, practices) = clustered(points: n, practices: m, rng: &rng, idPrefix: "")
            let w = box.width / Double(regionGrid), h = box.height / Double(regionGrid)
            var regions: [Region] = []
            for gx in 0..<regionGrid {
                for gy in 0..<regionGrid {
                    let x0 = box.minX + Double(gx) * w, y0 = box.minY + Double(gy) * h
                    let ring = [Coordinate(x: x0, y: y0), Coordinate(x: x0 + w, y: y0), Coordinate(x: x0 + w, y: y0 + h),
                                Coordinate(x: x0, y: y0 + h), Coordinate(x: x0, y: y0)]
                    regions.append(Region(id: "R\(gx)_\(gy)", name: "R\(gx)_\(gy)", geometry: .polygon([ring])))
                }
            }
            return (population, practices, regions)
        }
        let result = try timed("analyse (index + nearest + regions + indicators)") {
            try AccessAnalysis.assemble(population: population, practices: practices, regions: regions,
                                         parameters: AnalysisParameters())
        }
        let checksum = result.regions.reduce(0) { $0 + ($1.meanOpenM ?? 0) }
        return Figures(phases: phases, peakMiB: PeakMemory.mebibytes(), points: n, practices: m,
                       regions: regions.count, checksum: checksum)
    }

    /// The 280 × 300 km box in RD New the generated points lie in.
    static let clusteredBox = Envelope(minX: 10_000, minY: 310_000, maxX: 290_000, maxY: 610_000)

    /// Clustered population points and practices: people and practices
    /// gather around 2,000 random town centres in `clusteredBox`.
    static func clustered(points n: Int, practices m: Int, rng: inout SplitMix64,
                          idPrefix: String) -> ([PopulationPoint], [Practice]) {
        let box = clusteredBox
        let towns = (0..<2_000).map { _ in
            Coordinate(x: box.minX + rng.unit() * box.width, y: box.minY + rng.unit() * box.height)
        }
        func around(_ spread: Double) -> Coordinate {
            let t = towns[Int(rng.next() % UInt64(towns.count))]
            let r = spread * (-log(max(rng.unit(), 1e-12))).squareRoot()
            let a = rng.unit() * 2 * Double.pi
            return Coordinate(x: min(max(t.x + r * cos(a), box.minX), box.maxX), y: min(max(t.y + r * sin(a), box.minY), box.maxY))
        }
        let population = (0..<n).map { i in
            PopulationPoint(id: "\(idPrefix)\(i)", location: around(2_500), inhabitants: Double(1 + rng.next() % 40))
        }
        let statuses: [PracticeStatus] = [.open, .open, .partial, .closed]
        let practices = (0..<m).map { j in
            Practice(id: "P\(j)", name: "P\(j)", location: around(1_500),
                     status: statuses[Int(rng.next() % 4)], gpFTE: 0.5 + rng.unit() * 3)
        }
        return (population, practices)
    }
}
