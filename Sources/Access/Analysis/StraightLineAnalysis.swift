import Foundation
import Geo

/// Straight-line access: for every population point the nearest practice and
/// the nearest two open practices (KD-tree), its region (prepared polygons),
/// then region indicators, flags and per-practice load. With `road` (from
/// `RoadAnalysis`) the flags and loads use road distances instead.
public enum StraightLineAnalysis {
    public static func run(population: [PopulationPoint], practices: [Practice], regions: [Region],
                           parameters: AnalysisParameters, road: RoadAccess? = nil,
                           capacity: CapacityResult? = nil, eligible: EligibleSets? = nil,
                           located: RegionLocation? = nil, progress: Progress? = nil) throws -> AnalysisResult {
        var snappedToRegion: (points: Int, maxDistance: Double) = (0, 0)
        let openIndexes = practices.indices.filter { parameters.isOpen(practices[$0].status) }
        progress?.step("nearest practices")
        var points = nearest(population: population, practices: practices, openIndexes: openIndexes)
        // Under the eligible rule the open fields become "the nearest practice
        // that will take you"; every step below reads those.
        var fullyOpen: [NearestPair]?
        if parameters.partialRule == .eligible, let eligible, !eligible.pointsByPractice.isEmpty {
            fullyOpen = EligibleNearest.apply(&points, population: population, practices: practices, eligible: eligible)
        }
        if !regions.isEmpty {
            progress?.step("assigning points to regions")
            let location = try located.flatMap { $0.fits(population: population.count, regions: regions.count, toleranceM: parameters.regionToleranceM) ? $0 : nil }
                ?? locate(population: population, regions: regions, toleranceM: parameters.regionToleranceM)
            for i in points.indices { points[i].region = location.pointRegions[i] }
            snappedToRegion = (location.nearbyPoints, location.maxNearbyDistanceM)
        }
        let practiceRegions: [Int32] = regions.isEmpty
            ? Array(repeating: -1, count: practices.count)
            : try PolygonLocator.locateAll(practices.map(\.location), in: regions.map(\.geometry))
        progress?.finish()
        let regionResults = RegionIndicators.compute(
            population: population, points: points, practices: practices, practiceRegions: practiceRegions,
            regionCount: max(regions.count, 1), parameters: parameters, road: road)
        let practiceResults = PracticeLoad.compute(
            population: population, points: points, practices: practices, practiceRegions: practiceRegions,
            parameters: parameters, road: road, eligible: eligible)
        var regionsWithCapacity = regionResults
        RegionCapacityIndicators.compute(&regionsWithCapacity, population: population, points: points, practices: practices,
                                         practiceRegions: practiceRegions, parameters: parameters, road: road,
                                         fcaPer10k: capacity?.fcaPer10k, unregistered: regions.map(\.unregistered))
        Signalling.evaluate(&regionsWithCapacity, parameters: parameters, byRoad: road != nil)
        let outside = regions.isEmpty ? [] : points.indices.filter { points[$0].region < 0 }
        let total = regions.isEmpty ? nil : studyAreaTotal(population: population, points: points, practices: practices,
                                                           regions: regions, parameters: parameters, road: road, capacity: capacity)
        return AnalysisResult(
            parameters: parameters, points: points, road: road, regions: regionsWithCapacity, practices: practiceResults, capacity: capacity,
            openPracticeCount: openIndexes.count,
            totalInhabitants: population.reduce(0) { $0 + $1.inhabitants },
            pointsOutsideRegions: outside.count,
            inhabitantsOutsideRegions: outside.reduce(0) { $0 + population[$1].inhabitants },
            pointsAssignedToNearbyRegion: snappedToRegion.points,
            maxDistanceToNearbyRegionM: snappedToRegion.maxDistance, regionsTotal: total, fullyOpen: fullyOpen)
    }

    /// The indicators of the whole study area: every point (inside a region
    /// or not) and every practice counted in one region; lit but not ranked.
    static func studyAreaTotal(population: [PopulationPoint], points: [PointAccess], practices: [Practice], regions: [Region],
                               parameters: AnalysisParameters, road: RoadAccess?, capacity: CapacityResult?) -> RegionAccess {
        // `wholeArea`: every point and practice in area 0, without a copy of the points.
        let nowhere = [Int32](repeating: -1, count: practices.count)
        var total = RegionIndicators.compute(population: population, points: points, practices: practices, practiceRegions: nowhere,
                                             regionCount: 1, parameters: parameters, road: road, wholeArea: true)
        let unregistered = regions.map(\.unregistered)
        let sum: Double? = unregistered.contains(where: { $0 == nil }) ? nil : unregistered.reduce(0) { $0 + ($1 ?? 0) }
        RegionCapacityIndicators.compute(&total, population: population, points: points, practices: practices,
                                         practiceRegions: nowhere, parameters: parameters, road: road,
                                         fcaPer10k: capacity?.fcaPer10k, unregistered: [sum], wholeArea: true)
        total[0].capacity.signal = Signalling.signal(total[0], parameters: parameters, byRoad: road != nil)
        total[0].capacity.signal?.rank = 0
        return total[0]
    }

    /// Each point's region (point in polygon, all cores), then the points
    /// that lie just outside every region put into the nearest one within
    /// `toleranceM`. It depends on the points and regions only, so a trend
    /// locates once and passes the result to every date's `run(located:)`.
    public static func locate(population: [PopulationPoint], regions: [Region], toleranceM: Double) throws -> RegionLocation {
        var regionOf = try PolygonLocator.locateAll(population.map(\.location), in: regions.map(\.geometry))
        let outside = regionOf.indices.filter { regionOf[$0] < 0 }
        var count = 0, maxDistance = 0.0
        if toleranceM > 0, !outside.isEmpty {
            let locator = try PolygonLocator(polygons: regions.map(\.geometry))
            for i in outside {
                if let hit = try locator.nearest(to: population[i].location, within: toleranceM) {
                    regionOf[i] = Int32(hit.index)
                    count += 1
                    maxDistance = max(maxDistance, hit.distance)
                }
            }
        }
        return RegionLocation(pointRegions: regionOf, nearbyPoints: count, maxNearbyDistanceM: maxDistance,
                              regionCount: regions.count, toleranceM: toleranceM)
    }

    /// Nearest practice of any status and nearest two open ones, on all cores.
    static func nearest(population: [PopulationPoint], practices: [Practice], openIndexes: [Int]) -> [PointAccess] {
        let all = KDTree(practices.map(\.location))
        let open = KDTree(openIndexes.map { practices[$0].location })
        return parallelMap(count: population.count, minPerWorker: 20_000) { i in
            let q = population[i].location
            var r = PointAccess()
            if all.count > 0, case let a = all.nearest(to: q), a.index >= 0 {
                r.nearestPractice = Int32(a.index)
                r.nearestPracticeM = a.distance
            }
            if open.count > 0, case let o = open.nearestTwo(to: q), o.first >= 0 {
                r.nearestOpen = Int32(openIndexes[o.first])
                r.nearestOpenM = o.firstDistance
                if o.second >= 0 {
                    r.secondOpen = Int32(openIndexes[o.second])
                    r.secondOpenM = o.secondDistance
                }
            }
            return r
        }
    }
}
