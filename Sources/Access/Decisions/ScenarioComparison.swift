/// Baseline against scenario on the same population: per region the change
/// in mean distance and time, inhabitants pushed beyond (or brought within)
/// each band, flag changes; per point the change in distance; per receiving
/// practice the patients it would have to take and the places it lacks.
public struct ScenarioComparison: Sendable {
    public struct RegionChange: Sendable {
        public var regionIndex: Int
        public var inhabitants: Double = 0
        public var meanBeforeM: Double?
        public var meanAfterM: Double?
        public var meanMinutesBefore: [Double?] = []
        public var meanMinutesAfter: [Double?] = []
        /// Per band of `bandsKm`: inhabitants within it before, not after.
        public var pushedBeyond: [Double] = []
        /// Per band: inhabitants within it after, not before.
        public var broughtWithin: [Double] = []
        public var displaced: Double = 0
        public var flaggedBefore = false
        public var flaggedAfter = false
    }

    public struct Receiving: Sendable {
        public var practice: Int
        public var received: Double
        public var capacity: Double?
        public var headroom: Double?
        /// "list size" or "assigned inhabitants" (what occupies the capacity).
        public var headroomBasis: String
        public var shortfall: Double?
    }

    public var measure: String
    public var bandsKm: [Double]
    public var modes: [String]
    public var regions: [RegionChange]
    /// Per point: change in metres (after − before; nil when either is unreachable).
    public var deltaM: [Double?]
    public var displacedInhabitants: Double
    public var displacedPoints: Int
    /// Inhabitants with an open practice before and none reachable after.
    public var strandedInhabitants: Double
    public var receiving: [Receiving]
    public var meanBeforeM: Double?
    public var meanAfterM: Double?

    public var totalShortfall: Double { receiving.compactMap(\.shortfall).reduce(0, +) }

    public static func compare(population: [PopulationPoint], baseline: AnalysisResult, scenario: AnalysisResult,
                               scenarioPractices: [Practice], regionsGiven: Bool) -> ScenarioComparison {
        let before = AccessMeasure(baseline), after = AccessMeasure(scenario)
        let bands = baseline.parameters.bandsKm
        let modeCount = before.minutes.count
        let regionCount = max(baseline.regions.count, 1)
        var regions = (0..<regionCount).map { r -> RegionChange in
            var c = RegionChange(regionIndex: r)
            c.pushedBeyond = Array(repeating: 0, count: bands.count)
            c.broughtWithin = c.pushedBeyond
            c.flaggedBefore = r < baseline.regions.count && baseline.regions[r].flagged
            c.flaggedAfter = r < scenario.regions.count && scenario.regions[r].flagged
            return c
        }
        var sums = [(wb: Double, b: Double, wa: Double, a: Double)](repeating: (0, 0, 0, 0), count: regionCount)
        var minuteSums = [[(wb: Double, b: Double, wa: Double, a: Double)]](repeating: Array(repeating: (0, 0, 0, 0), count: modeCount), count: regionCount)
        var total = (wb: 0.0, b: 0.0, wa: 0.0, a: 0.0)
        var deltas = [Double?](repeating: nil, count: population.count)
        var received = [Double](repeating: 0, count: scenarioPractices.count)
        var displaced = 0.0, displacedPoints = 0, stranded = 0.0
        for i in population.indices {
            let w = population[i].inhabitants
            let region = regionsGiven ? baseline.points[i].region?.index : 0
            let b = before.metres[i], a = after.metres[i]
            if b.isFinite && a.isFinite { deltas[i] = a - b }
            if b.isFinite { total.wb += w; total.b += w * b }
            if a.isFinite { total.wa += w; total.a += w * a }
            // Displaced: the nearest open practice changes because the old one
            // no longer counts as open or a nearer one appears (not a tie swap
            // between practices at one address).
            let was = before.practice[i], now = after.practice[i]
            let moved = was.map { was in was != now && (!(was.index < scenario.practices.count && scenario.practices[was].isOpen) || a < b - 0.5) } ?? false
            if moved {
                displaced += w; displacedPoints += 1
                if let now { received[now] += w } else { stranded += w }
            }
            guard let region, region < regionCount else { continue }
            regions[region].inhabitants += w
            if moved { regions[region].displaced += w }
            if b.isFinite { sums[region].wb += w; sums[region].b += w * b }
            if a.isFinite { sums[region].wa += w; sums[region].a += w * a }
            for (k, km) in bands.enumerated() {
                let limit = km * 1000
                if b <= limit && !(a <= limit) { regions[region].pushedBeyond[k] += w }
                if a <= limit && !(b <= limit) { regions[region].broughtWithin[k] += w }
            }
            for k in 0..<min(modeCount, after.minutes.count) {
                let mb = before.minutes[k][i], ma = after.minutes[k][i]
                if mb.isFinite { minuteSums[region][k].wb += w; minuteSums[region][k].b += w * mb }
                if ma.isFinite { minuteSums[region][k].wa += w; minuteSums[region][k].a += w * ma }
            }
        }
        for r in regions.indices {
            regions[r].meanBeforeM = sums[r].wb > 0 ? sums[r].b / sums[r].wb : nil
            regions[r].meanAfterM = sums[r].wa > 0 ? sums[r].a / sums[r].wa : nil
            regions[r].meanMinutesBefore = minuteSums[r].map { $0.wb > 0 ? $0.b / $0.wb : nil }
            regions[r].meanMinutesAfter = minuteSums[r].map { $0.wa > 0 ? $0.a / $0.wa : nil }
        }
        var receiving: [Receiving] = []
        for j in scenarioPractices.indices where received[j] > 0 {
            let h = PracticeHeadroom(practice: scenarioPractices[j], norm: baseline.parameters.normPatientsPerFTE,
                                     assigned: j < baseline.practices.count ? baseline.practices[j].assignedInhabitants : 0,
                                     defaultFTE: scenario.parameters.defaultFTE)
            receiving.append(Receiving(practice: j, received: received[j], capacity: h.capacity, headroom: h.places,
                                       headroomBasis: h.basis, shortfall: h.places.map { max(0, received[j] - max(0, $0)) }))
        }
        receiving.sort { $0.received != $1.received ? $0.received > $1.received : $0.practice < $1.practice }
        return ScenarioComparison(
            measure: before.label, bandsKm: bands, modes: baseline.road?.modes.map(\.name) ?? [], regions: regions,
            deltaM: deltas, displacedInhabitants: displaced, displacedPoints: displacedPoints,
            strandedInhabitants: stranded, receiving: receiving,
            meanBeforeM: total.wb > 0 ? total.b / total.wb : nil, meanAfterM: total.wa > 0 ? total.a / total.wa : nil)
    }
}
