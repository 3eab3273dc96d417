import Foundation
import Geo

/// The whole access analysis put together: for every population point the
/// nearest practice and the nearest two open practices by straight line
/// (`StraightLineAnalysis`), the nearest that will take it under the eligible
/// rule, its region; then region indicators, per-practice load, capacity
/// indicators, signalling and the study-area total. With `road` (from
/// `RoadAnalysis`) flags and loads use road distances instead.
public enum AccessAnalysis {
    public static func assemble(population: [PopulationPoint], practices: [Practice], regions: [Region],
                           parameters: AnalysisParameters, road: RoadResult? = nil,
                           capacity: CapacityResult? = nil, eligible: EligibleSets? = nil,
                           located: RegionLocation? = nil, progress: Progress? = nil) throws -> AnalysisResult {
        var snappedToRegion: (points: Int, maxDistance: Double) = (0, 0)
        let openIndexes = practices.indices.filter { parameters.isOpen(practices[$0].status) }
        progress?.step("nearest practices")
        var points = StraightLineAnalysis.nearest(population: population, practices: practices, openIndexes: openIndexes)
        // Under the eligible rule the open fields become "the nearest practice
        // that will take you"; every step below reads those.
        var fullyOpen: [NearestPair]?
        if parameters.partialRule == .eligible, let eligible, !eligible.pointsByPractice.isEmpty {
            fullyOpen = EligibleNearest.apply(&points, population: population, practices: practices, eligible: eligible)
        }
        if !regions.isEmpty {
            progress?.step("assigning points to regions")
            let location = try located.flatMap { $0.fits(population: population.count, regions: regions.count, toleranceM: parameters.regionToleranceM) ? $0 : nil }
                ?? StraightLineAnalysis.locate(population: population, regions: regions, toleranceM: parameters.regionToleranceM)
            for i in points.indices { points[i].region = location.pointRegions[i] }
            snappedToRegion = (location.nearbyPoints, location.maxNearbyDistanceM)
        }
        let practiceRegions = regions.isEmpty
            ? OptionalIDs<RegionIndex>(repeating: nil, count: practices.count)
            : OptionalIDs(raw: try PolygonLocator.locateAll(practices.map(\.location), in: regions.map(\.geometry)))
        progress?.finish()
        // The study-area total (one region of every point: long passes on
        // one thread) beside the regions and practices (all workers).
        let located = points
        let (perRegion, studyArea) = ParallelWork.both({ () -> ([RegionAccess], [PracticeAccess]) in
            var regionResults = RegionIndicators.compute(
                population: population, points: located, practices: practices, practiceRegions: practiceRegions,
                regionCount: max(regions.count, 1), parameters: parameters, road: road)
            let practiceResults = PracticeLoad.compute(
                population: population, points: located, practices: practices, practiceRegions: practiceRegions,
                parameters: parameters, road: road, eligible: eligible)
            RegionCapacityIndicators.compute(&regionResults, population: population, points: located, practices: practices,
                                             practiceRegions: practiceRegions, parameters: parameters, road: road,
                                             fcaPer10k: capacity?.fcaPer10k, unregistered: regions.map(\.unregistered))
            Signalling.evaluate(&regionResults, parameters: parameters, byRoad: road != nil)
            return (regionResults, practiceResults)
        }, { () -> RegionAccess? in
            regions.isEmpty ? nil : studyAreaTotal(population: population, points: located, practices: practices,
                                                   practiceRegions: practiceRegions, regions: regions, parameters: parameters,
                                                   road: road, capacity: capacity)
        })
        // (Neither part throws.)
        let (regionsWithCapacity, practiceResults) = try perRegion.get()
        let total = try studyArea.get()
        let outside = regions.isEmpty ? [] : points.indices.filter { points[$0].region == nil }
        return AnalysisResult(
            parameters: parameters, points: points, road: road, regions: regionsWithCapacity, practices: practiceResults, capacity: capacity,
            openPracticeCount: openIndexes.count,
            totalInhabitants: population.reduce(0) { $0 + $1.inhabitants },
            pointsOutsideRegions: outside.count,
            inhabitantsOutsideRegions: outside.reduce(0) { $0 + population[$1].inhabitants },
            pointsAssignedToNearbyRegion: snappedToRegion.points,
            maxDistanceToNearbyRegionM: snappedToRegion.maxDistance, regionsTotal: total, fullyOpen: fullyOpen)
    }

    /// The indicators of the whole study area, the regions together: every
    /// point and practice that lies in some region counted in one region;
    /// lit but not ranked. Points in no region (often latitude and longitude
    /// swapped, or a population wider than the regions) stay out of it, as
    /// they stay out of every region's row: they would otherwise pull the
    /// total's mean by their distance from anywhere (counted apart in
    /// `inhabitantsOutsideRegions`).
    static func studyAreaTotal(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                               practiceRegions: OptionalIDs<RegionIndex>, regions: [Region],
                               parameters: AnalysisParameters, road: RoadResult?, capacity: CapacityResult?) -> RegionAccess {
        // `wholeArea`: every located point and practice in area 0, without a copy of the points.
        var total = RegionIndicators.compute(population: population, points: points, practices: practices, practiceRegions: practiceRegions,
                                             regionCount: 1, parameters: parameters, road: road, wholeArea: true)
        let unregistered = regions.map(\.unregistered)
        let sum: Double? = unregistered.contains(where: { $0 == nil }) ? nil : unregistered.reduce(0) { $0 + ($1 ?? 0) }
        RegionCapacityIndicators.compute(&total, population: population, points: points, practices: practices,
                                         practiceRegions: practiceRegions, parameters: parameters, road: road,
                                         fcaPer10k: capacity?.fcaPer10k, unregistered: [sum], wholeArea: true)
        total[0].capacity.signal = Signalling.signal(total[0], parameters: parameters, byRoad: road != nil)
        total[0].capacity.signal?.rank = 0
        return total[0]
    }
}
