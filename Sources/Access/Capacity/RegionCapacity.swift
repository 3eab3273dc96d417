/// Capacity indicators of one region, beside the distance indicators.
public struct RegionCapacity: Sendable {
    /// Population-weighted mean of the points' `fca_per_10k`.
    public var fcaPer10k: Double?
    /// Σ FTE × normpraktijk of the practices located in the region (every
    /// status: a practice with a stop still serves its own list); nil when
    /// no FTE is known at all ("no FTE in the practice list").
    public var capacityPlaces: Double?
    /// max(0, inhabitants − capacity_places); nil with `capacityPlaces`.
    public var shortfallPlaces: Double?
    /// Share of the region's counted GP FTE that was imputed (`defaultFTE`)
    /// for practices without one; nil when FTE is unknown or no practices.
    public var imputedFTEShare: Double?
    /// No practice has an FTE and no `--default-fte` was given: the FTE
    /// figures are empty for that reason ("no FTE in the practice list").
    public var fteUnknown = false
    /// Share of inhabitants within the flag distance (by road with roads).
    public var accessShare: Double?
    /// GP FTE of the region's practices expected to leave within 5 years;
    /// nil when no practice has an age, birth year or retirement year.
    public var outflowFTE: Double?
    public var unregistered: Double?
    /// Fewer inhabitants than `minInhabitants`: statistics are not exported.
    public var suppressed = false
    public var signal: RegionSignal?

    public init() {}
}

/// The signalling matrix for one region.
public struct RegionSignal: Sendable {
    public enum Light: String, Sendable, Comparable {
        case green, amber, red
        var severity: Int { self == .green ? 0 : self == .amber ? 1 : 2 }
        public static func < (a: Light, b: Light) -> Bool { a.severity < b.severity }
    }
    /// Light per indicator that could be scored (others: no data).
    public var lights: [SignalIndicator: Light] = [:]
    public var light: Light = .green
    /// Sum over indicators of how far past amber the value lies, in units
    /// of the amber–red gap (0 when all are green); ranks the regions.
    public var urgency: Double = 0
    /// 1 = most urgent.
    public var rank = 0
    public var reasons: [String] = []
}

enum RegionCapacityIndicators {
    static func compute(_ regions: inout [RegionAccess], population: [PopulationPoint], points: [PointAccess],
                        practices: [Practice], practiceRegions: OptionalIDs<RegionIndex>, parameters: AnalysisParameters,
                        road: RoadResult?, fcaPer10k: [Double?]?, unregistered: [Double?], wholeArea: Bool = false) {
        // `wholeArea`: the study-area total, every point and practice that lies in some region.
        let single = !wholeArea && regions.count == 1 && points.allSatisfy { $0.region == nil }
        func regionOf(_ r: RegionIndex?) -> Int? { wholeArea ? r.map { _ in 0 } : single ? 0 : r?.index }
        for r in regions.indices {
            regions[r].capacity.unregistered = r < unregistered.count ? unregistered[r] : nil
        }
        // Without any FTE (and no --default-fte) capacity is unknown, not 0.
        let fteKnown = parameters.defaultFTE != nil || practices.contains { $0.gpFTE != nil }
        var imputed = [Double](repeating: 0, count: regions.count), counted = imputed
        for r in regions.indices {
            if fteKnown { regions[r].capacity.capacityPlaces = 0 } else { regions[r].capacity.fteUnknown = true }
        }
        for (j, p) in practices.enumerated() {
            guard let r = regionOf(practiceRegions[j]), r < regions.count else { continue }
            let fte = FTEDefault.fte(p, parameters)
            if let fte {
                regions[r].capacity.capacityPlaces = (regions[r].capacity.capacityPlaces ?? 0) + fte.value * parameters.normPatientsPerFTE
                counted[r] += fte.value
                if fte.imputed { imputed[r] += fte.value }
            }
            if p.expectedRetirementYear != nil, let fte {
                regions[r].capacity.outflowFTE = (regions[r].capacity.outflowFTE ?? 0)
                    + (RetirementRule.leavesSoon(p.expectedRetirementYear, referenceYear: parameters.referenceYear) ? fte.value : 0)
            }
        }
        for r in regions.indices where counted[r] > 0 { regions[r].capacity.imputedFTEShare = imputed[r] / counted[r] }
        var fcaSum = [Double](repeating: 0, count: regions.count), fcaWeight = fcaSum
        var within = fcaSum
        let limit = parameters.flagMaxKm * 1000
        for i in points.indices {
            guard let r = regionOf(points[i].region), r < regions.count else { continue }
            let w = population[i].inhabitants
            if let v = fcaPer10k?[i] ?? nil { fcaSum[r] += w * v; fcaWeight[r] += w }
            let d = road.map { $0.roadM[i] } ?? points[i].nearestOpenM
            if d <= limit { within[r] += w }
        }
        for r in regions.indices {
            let inh = regions[r].inhabitants
            regions[r].capacity.shortfallPlaces = regions[r].capacity.capacityPlaces.map { max(0, inh - $0) }
            if fcaPer10k != nil && fcaWeight[r] > 0 { regions[r].capacity.fcaPer10k = fcaSum[r] / fcaWeight[r] }
            if inh > 0 { regions[r].capacity.accessShare = within[r] / inh }
            regions[r].capacity.suppressed = inh < parameters.minInhabitants
            // A flag is a statistic about residents too: the exports leave it
            // empty, so the counts, the summary, trend and scenario must not
            // report it either.
            if regions[r].capacity.suppressed {
                regions[r].flagged = false
                regions[r].flagReasons = []
            }
        }
    }
}
