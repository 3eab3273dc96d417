/// Per population point: nearest practice of any status, nearest and
/// second-nearest open practice (nil when none) with straight-line metres,
/// and the region it lies in (nil: none).
/// Under the `eligible` partial rule "open" means "will take this point":
/// the fully open practices and the partial ones whose area holds it
/// (`AnalysisResult.fullyOpen` keeps the fully open pair).
public struct PointAccess: Sendable {
    public var nearestPractice: PracticeIndex?
    public var nearestPracticeM: Double = .infinity
    public var nearestOpen: PracticeIndex?
    public var nearestOpenM: Double = .infinity
    public var secondOpen: PracticeIndex?
    public var secondOpenM: Double = .infinity
    public var region: RegionIndex?

    /// The nearest and second-nearest open practice as a pair.
    public var open: NearestPair {
        get { NearestPair(first: nearestOpen, firstM: nearestOpenM, second: secondOpen, secondM: secondOpenM) }
        set { nearestOpen = newValue.first; nearestOpenM = newValue.firstM; secondOpen = newValue.second; secondOpenM = newValue.secondM }
    }
}

/// Indicators of one region.
public struct RegionAccess: Sendable {
    public var regionIndex: Int
    public var inhabitants: Double = 0
    public var inhabitants65plus: Double?
    public var points = 0
    /// Population-weighted mean straight-line distance to an open practice.
    public var meanOpenM: Double?
    public var medianOpenM: Double?
    public var p90OpenM: Double?
    public var maxOpenM: Double?
    /// Mean distance to the nearest practice of any status, for the gap.
    public var meanAnyM: Double?
    /// Share of inhabitants within each band of `AnalysisParameters.bandsKm`.
    public var shareWithin: [Double] = []
    public var practices = 0
    public var openPractices = 0
    public var closedOrPartialPractices = 0
    /// Sum of GP FTE of the practices located in the region (nil: none known).
    public var gpFTE: Double?
    public var gpFTEPer10k: Double?
    /// Road indicators (when roads were given): population-weighted mean
    /// shortest road distance and its 90th percentile over the inhabitants
    /// who reach an open practice, shares within the km bands by road (the
    /// unreachable count as not within), and per mode the mean minutes (over
    /// those who reach one) and shares within the minute bands.
    public var meanRoadM: Double?
    public var p90RoadM: Double?
    public var shareWithinByRoad: [Double] = []
    public var meanMinutes: [Double?] = []
    public var shareWithinMinutes: [[Double]] = []
    /// Inhabitants with no open practice reachable by road (first mode).
    public var roadUnreachableInhabitants: Double = 0
    /// `roadUnreachableInhabitants` / inhabitants (nil without inhabitants).
    public var roadUnreachableShare: Double?
    /// Under the `eligible` rule: inhabitants without a practice that will
    /// take them within the flag distance (by road over the first mode when
    /// routed — the unreachable count as without —, else straight line).
    public var inhabitantsWithoutEligibleWithinFlag: Double?
    public var flagged = false
    public var flagReasons: [String] = []
    /// Capacity, competition-aware access and the signalling matrix.
    public var capacity = RegionCapacity()
}

/// Per practice: the inhabitants for whom it is the nearest open practice,
/// capacity by the normpraktijk, and how much access depends on it.
public struct PracticeAccess: Sendable {
    /// (First, so that with `isOpen` it fills the first 8 bytes as the Int32 with -1 did.)
    public var region: RegionIndex?
    public var isOpen = false
    public var assignedInhabitants: Double = 0
    public var capacityPlaces: Double?
    public var headroomPlaces: Double?
    /// Inhabitants for whom this is the only open practice within the flag
    /// distance (they would have none within it if it closed).
    public var criticalityInhabitants: Double = 0
    /// Population-weighted mean extra km its assigned inhabitants would
    /// travel to the next open practice if it closed.
    public var criticalityExtraKm: Double?
    /// 1 = most critical open practice (by criticality inhabitants, then
    /// extra km); nil for practices that do not count as open.
    public var criticalityRank: Int?
    /// Cascade risk: the inhabitants that would turn to this practice, summed
    /// over the closures (one at a time) of every practice with at least
    /// `cascadeMinInhabitants` assigned inhabitants.
    public var receivingRiskInhabitants: Double = 0
    /// 1 = most at risk of being overrun next (ties by practice id); nil for
    /// practices that take nobody.
    public var receivingRiskRank: Int?
}

public struct AnalysisResult: Sendable {
    public var parameters: AnalysisParameters
    public var points: [PointAccess]
    public var road: RoadResult?
    public var regions: [RegionAccess]
    public var practices: [PracticeAccess]
    /// Competition-aware access per point (set by `AnalyzeJob`).
    public var capacity: CapacityResult?
    public var openPracticeCount: Int
    public var totalInhabitants: Double
    /// Points and inhabitants that fall in no region (only with regions).
    public var pointsOutsideRegions: Int
    public var inhabitantsOutsideRegions: Double
    /// Points outside every region counted in one within the tolerance.
    public var pointsAssignedToNearbyRegion: Int
    public var maxDistanceToNearbyRegionM: Double
    /// The whole study area as one more row (`region_id` "total") when
    /// regions were given: the regions together, over the population points
    /// and practices that lie in some region (not those outside every
    /// region, counted in `pointsOutsideRegions`). Not ranked.
    public var regionsTotal: RegionAccess? = nil
    /// Under the `eligible` rule: per point the nearest two fully open
    /// practices (no patient stop), straight line; nil otherwise (then the
    /// open fields of `points` are these).
    public var fullyOpen: [NearestPair]? = nil
    /// What the `eligible` rule did (nil under `open` and `closed`).
    public var eligibility: EligibilityUse? = nil
    /// The eligible sets routed with (nil unless the rule is `eligible`):
    /// capacity, catchments and decisions read them from here.
    public var eligibleSets: EligibleSets? = nil
}
