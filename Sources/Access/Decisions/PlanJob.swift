import Foundation
import Geo

/// `bereik plan`: where k new practices would bring the most inhabitants
/// within the threshold (the flag distance, by road when roads are given) of
/// an open practice — maximal covering, solved greedily (see
/// `MaximalCovering`). Candidates come from a file or are generated from the
/// population points that are not covered now (one per grid cell).
public struct PlanJob {
    public var job: AnalyzeJob
    public var newPractices: Int
    public var candidatesPath: String?
    public var candidatesLayer: String?
    /// Also count covered inhabitants whose nearest open practice lacks room,
    /// weighted by the share of its assigned inhabitants it lacks room for.
    public var weightShortfall = false
    /// Grid spacing (metres) for generated candidates.
    public var candidateSpacingM = 1_000.0
    public var maxCandidates = 5_000
    /// Also solve exactly when the number of subsets is at most this.
    public var exactLimit = 2_000_000.0

    public init(job: AnalyzeJob, newPractices: Int) {
        self.job = job
        self.newPractices = newPractices
    }

    public struct Candidate: Sendable {
        public var id: String
        public var name: String
        public var location: Coordinate
    }

    public struct Choice: Sendable {
        public var rank: Int
        public var candidate: Candidate
        /// Objective gained (inhabitants, or shortfall-weighted inhabitants).
        public var gain: Double
        /// Uncovered inhabitants brought within the threshold by this practice.
        public var inhabitantsGained: Double
        public var cumulativeInhabitants: Double
    }

    public struct Outcome {
        public var choices: [Choice]
        public var candidates: Int
        public var totalInhabitants: Double
        public var coveredBefore: Double
        public var measure: String
        public var limitM: Double
        /// The exact optimum and the greedy value, when the instance was small enough.
        public var exact: (value: Double, greedy: Double)?
        public var files: [String]
        /// What reading --candidates said (CRS detected, rows skipped, lines placed).
        public var warnings: [String] = []
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        let started = Date()
        let inputs = try job.readInputs(progress: progress)
        let analysis = try job.baseline(inputs, progress: progress).analysis
        let baseline = analysis.result
        let parameters = job.parameters, population = inputs.population
        let limit = parameters.flagMaxKm * 1000
        let measure = AccessMeasure(baseline)
        var weights = [Double](repeating: 0, count: population.count)
        var uncovered = [Bool](repeating: false, count: population.count)
        for i in population.indices {
            if !(measure.metres[i] <= limit) { uncovered[i] = true; weights[i] = population[i].inhabitants; continue }
            guard weightShortfall, let j = measure.practice[i]?.index else { continue }
            let assigned = baseline.practices[j].assignedInhabitants
            let h = PracticeHeadroom(practice: inputs.practices[j], norm: parameters.normPatientsPerFTE, assigned: assigned,
                                     defaultFTE: baseline.parameters.defaultFTE)
            if let places = h.places, places < 0, assigned > 0 { weights[i] = population[i].inhabitants * min(1, -places / assigned) }
        }
        let elements = population.indices.filter { weights[$0] > 0 }
        let read = try candidatesPath.map { try Self.readCandidates($0, layer: candidatesLayer, input: job.input) }
        let candidates = read?.0 ?? Self.generate(population: population, uncovered: uncovered, spacingM: candidateSpacingM, max: maxCandidates)
        progress?.step("coverage of \(candidates.count) candidates")
        let sets: [[Int32]]
        if let graph = inputs.roadGraph {
            sets = CoverageSets.road(candidates: candidates.map(\.location), elements: elements.map { population[$0].location },
                                     graph: graph, mode: parameters.roadOptions.modes[0], limitM: limit,
                                     maxSnapM: parameters.roadOptions.maxSnapM)
        } else {
            sets = CoverageSets.straight(candidates: candidates.map(\.location), elements: elements.map { population[$0].location }, limitM: limit)
        }
        progress?.finish()
        let elementWeights = elements.map { weights[$0] }
        let steps = MaximalCovering.greedy(sets: sets, weights: elementWeights, k: newPractices)
        var exact: (Double, Double)?
        if Self.binomial(sets.count, newPractices) <= exactLimit {
            let e = MaximalCovering.exact(sets: sets, weights: elementWeights, k: newPractices)
            exact = (e.value, steps.reduce(0) { $0 + $1.gain })
        }
        var covered = Set<Int32>(), cumulative = 0.0
        let choices = steps.enumerated().map { r, s -> Choice in
            var gained = 0.0
            for e in sets[s.candidate] where !covered.contains(e) {
                covered.insert(e)
                if uncovered[elements[Int(e)]] { gained += population[elements[Int(e)]].inhabitants }
            }
            cumulative += gained
            return Choice(rank: r + 1, candidate: candidates[s.candidate], gain: s.gain, inhabitantsGained: gained,
                          cumulativeInhabitants: cumulative)
        }
        let total = population.reduce(0) { $0 + $1.inhabitants }
        let before = population.indices.reduce(0) { uncovered[$1] ? $0 : $0 + population[$1].inhabitants }
        let table = Self.table(choices, total: total, before: before, weighted: weightShortfall)
        let planFiles = try DecisionFiles(folder: job.outputFolder, csvDialect: job.csvDialect, geoPackage: job.geoPackage).write(tables: [("plan.csv", table), ("plan.geojson", table)])
        let candidateReports = read.map { [$0.1] } ?? []
        let files = try job.writeDecisionReport(inputs, analysis, extraInputs: candidateReports,
                                                counts: ["new_practices": Double(newPractices), "candidates": Double(candidates.count)],
                                                outputs: planFiles, started: started)
        return Outcome(choices: choices, candidates: candidates.count, totalInhabitants: total, coveredBefore: before,
                       measure: measure.label, limitM: limit, exact: exact, files: files,
                       warnings: candidateReports.flatMap(\.warnings))
    }

    /// One candidate per grid cell of uncovered population: the heaviest point in it.
    public static func generate(population: [PopulationPoint], uncovered: [Bool], spacingM: Double, max: Int) -> [Candidate] {
        struct Cell: Hashable { let x: Int64, y: Int64 }
        var best: [Cell: (Int, Double)] = [:]
        for i in population.indices where uncovered[i] {
            let p = population[i].location
            let key = Cell(x: Int64((p.x / spacingM).rounded(.down)), y: Int64((p.y / spacingM).rounded(.down)))
            if best[key].map({ population[i].inhabitants > $0.1 }) ?? true { best[key] = (i, population[i].inhabitants) }
        }
        let chosen = best.values.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(max).map(\.0).sorted()
        return chosen.map { Candidate(id: "pop:\(population[$0].id)", name: "near population point \(population[$0].id)", location: population[$0].location) }
    }

    /// The candidates of a file, with the reader's own report (its CRS and
    /// how it was decided, skips, warnings). An id twice is refused: plan.csv
    /// names a chosen location by it.
    static func readCandidates(_ path: String, layer: String?, input: InputOptions) throws -> ([Candidate], InputReport) {
        let reader = LayerReader(role: "candidates", path: path, layerName: layer, crsOverride: input.crs, strict: input.strict)
        var fields: [String: String] = [:]
        let (raw, wanted) = try reader.read(pick: { r in
            let picks = [try r.resolve(.siteID, override: nil, required: false), try r.resolve(.siteName, override: nil, required: false)]
            for (role, i) in zip(["id", "name"], picks) { if let i { fields[role] = r.fieldNames[i] } }
            return picks.map { $0 ?? -1 }
        })
        let slots = PopulationReader.slotIndexes(wanted)
        let engine = try GeometryEngine()
        var seen: [String: Int] = [:], lines: [String] = []
        let candidates = try raw.features.map { f in
            let id = slots[0].flatMap { f.values[$0].text } ?? String(f.position)
            if let earlier = seen[id] { throw InputError.duplicateKey(path: path, field: fields["id"] ?? "id", key: id, features: [earlier, f.position]) }
            seen[id] = f.position
            if let note = try reader.nonArealNote(f) { lines.append(note) }
            let location = try f.point ?? engine.pointOnSurface(f.shape!)
            return Candidate(id: id, name: slots[1].flatMap { f.values[$0].text } ?? id, location: location)
        }
        var report = raw.report(role: "candidates", used: candidates.count, fields: fields)
        if !lines.isEmpty {
            report.warnings.append("\(path): \(lines.count) candidates are not points or polygons (features \(lines.prefix(5).joined(separator: ", "))); each stands at its point on surface (for a line, the vertex nearest its centroid) (--strict refuses them).")
        }
        return (candidates, report)
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var r = 1.0
        for i in 0..<min(k, n - k) { r = r * Double(n - i) / Double(i + 1) }
        return r
    }

    static func table(_ choices: [Choice], total: Double, before: Double, weighted: Bool) -> OutputTable {
        typealias P = PlanColumn
        let columns: [OutputColumn<Choice>] = [
            .count(P.rank) { $0.rank },
            .text(P.candidateID) { $0.candidate.id },
            .text(P.name) { $0.candidate.name },
            .number(P.xRD, .metres, decimals: 0) { $0.candidate.location.x },
            .number(P.yRD, .metres, decimals: 0) { $0.candidate.location.y },
            .number(P.inhabitantsGained, .inhabitants, decimals: 0) { $0.inhabitantsGained },
            .number(P.cumulativeInhabitantsGained, .inhabitants, decimals: 0) { $0.cumulativeInhabitants },
            .number(P.coveredShareAfter, .share, decimals: 4) { c in total > 0 ? (before + c.cumulativeInhabitants) / total : nil },
            .number(weighted ? P.weightedGain : P.objectiveGain, .score, decimals: 1) { $0.gain },
        ]
        return OutputTable(name: "plan", columns: columns, rows: choices,
                           geometries: choices.map { .point($0.candidate.location) }, kind: .point)
    }
}
