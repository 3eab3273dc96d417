import Foundation
import Geo
import Access

/// Criticality of all practices and `plan --new k` on a generated road
/// network. Criticality costs one routing pass (nearest and second-nearest
/// open practice per point) plus one sweep over the points; closing each
/// practice and re-routing would cost one pass per practice.
public enum DecisionsBenchmark {
    public static func run(nodes: Int, practices m: Int, points n: Int, newPractices k: Int, seed: UInt64 = 7) throws -> [(String, String)] {
        var out: [(String, String)] = []
        let clock = ContinuousClock()
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let t0 = clock.now
            let r = try body()
            let d = clock.now - t0
            out.append((name, String(format: "%.3f s", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)))
            return r
        }
        let inputs = timed("generate + build graph, points, practices") { AnalyzeJob.Inputs.synthetic(nodes: nodes, points: n, practices: m, seed: seed) }
        let graph = inputs.roadGraph!, population = inputs.population, practices = inputs.practices
        var parameters = AnalysisParameters()
        parameters.flagMaxKm = 3
        let road = try timed("routing pass (nearest + second-nearest, car)") {
            try RoadAnalysis.run(graph: graph, read: RoadFileCounts(), population: population, practices: practices,
                                 parameters: parameters, options: parameters.roadOptions)
        }
        let result = try timed("criticality of all \(m) practices (analysis incl. regions and load)") {
            try AccessAnalysis.assemble(population: population, practices: practices, regions: [], parameters: parameters, road: road)
        }
        let critical = result.practices.filter { $0.criticalityInhabitants > 0 }.count
        out.append(("practices with criticality_inhabitants > 0", "\(critical) of \(m)"))
        let measure = AccessMeasure(result)
        let limit = parameters.flagMaxKm * 1000
        let uncovered = population.indices.map { !(measure.metres[$0] <= limit) }
        let elements = population.indices.filter { uncovered[$0] }
        let candidates = PlanJob.generate(population: population, uncovered: uncovered, spacingM: 1_000, max: 5_000)
        let sets = timed("plan: road coverage of \(candidates.count) candidates (bounded searches, \(Int(limit)) m)") {
            CoverageSets.road(candidates: candidates.map(\.location), elements: elements.map { population[$0].location },
                              graph: graph, mode: .car, limitM: limit, maxSnapM: 1_000)
        }
        let steps = timed("plan: greedy --new \(k)") {
            MaximalCovering.greedy(sets: sets, weights: elements.map { population[$0].inhabitants }, k: k)
        }
        out.append(("graph", "\(graph.nodeCount) nodes, \(graph.edgeCount) edges; \(n) points, \(m) practices"))
        out.append(("uncovered inhabitants before / gained by plan", "\(Int(elements.reduce(0) { $0 + population[$1].inhabitants })) / \(Int(steps.reduce(0) { $0 + $1.gain }))"))
        out.append(("peak memory", PeakMemory.mebibytes().map { String(format: "%.0f MiB", $0) } ?? "unknown"))
        return out
    }
}
