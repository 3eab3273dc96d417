import Foundation
import Geo

/// Straight-line nearest practices (KD-tree) and the region of every
/// population point (prepared polygons): the straight-line parts of the
/// analysis that `AccessAnalysis.assemble` puts together.
public enum StraightLineAnalysis {
    /// Each point's region (point in polygon, all cores), then the points
    /// that lie just outside every region put into the nearest one within
    /// `toleranceM`. It depends on the points and regions only, so a trend
    /// locates once and passes the result to every date's `AccessAnalysis.assemble(located:)`.
    public static func locate(population: [PopulationPoint], regions: [Region], toleranceM: Double) throws -> RegionLocation {
        var regionOf = OptionalIDs<RegionIndex>(raw: try PolygonLocator.locateAll(population.map(\.location), in: regions.map(\.geometry)))
        let outside = regionOf.indices.filter { regionOf[$0] == nil }
        var count = 0, maxDistance = 0.0
        if toleranceM > 0, !outside.isEmpty {
            let locator = try PolygonLocator(polygons: regions.map(\.geometry))
            for i in outside {
                if let hit = try locator.nearest(to: population[i].location, within: toleranceM) {
                    regionOf[i] = RegionIndex(hit.index)
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
        // Mostly open practices: one traversal of one tree answers all three
        // (the same answers, ties included, as the two trees below).
        if openIndexes.count >= 2 && openIndexes.count * 4 >= practices.count {
            var isOpen = [Bool](repeating: false, count: practices.count)
            for j in openIndexes { isOpen[j] = true }
            let tree = KDTree(practices.map(\.location), marked: isOpen)
            return parallelMap(count: population.count, minPerWorker: 20_000) { i in
                let a = tree.nearestAndTwoMarked(to: population[i].location)
                var r = PointAccess()
                if a.any >= 0 {
                    r.nearestPractice = PracticeIndex(a.any)
                    r.nearestPracticeM = a.anyDistance
                }
                if a.first >= 0 {
                    r.nearestOpen = PracticeIndex(a.first)
                    r.nearestOpenM = a.firstDistance
                    if a.second >= 0 {
                        r.secondOpen = PracticeIndex(a.second)
                        r.secondOpenM = a.secondDistance
                    }
                }
                return r
            }
        }
        let all = KDTree(practices.map(\.location))
        let open = KDTree(openIndexes.map { practices[$0].location })
        return parallelMap(count: population.count, minPerWorker: 20_000) { i in
            let q = population[i].location
            var r = PointAccess()
            if all.count > 0, case let a = all.nearest(to: q), a.index >= 0 {
                r.nearestPractice = PracticeIndex(a.index)
                r.nearestPracticeM = a.distance
            }
            if open.count > 0, case let o = open.nearestTwo(to: q), o.first >= 0 {
                r.nearestOpen = PracticeIndex(openIndexes[o.first])
                r.nearestOpenM = o.firstDistance
                if o.second >= 0 {
                    r.secondOpen = PracticeIndex(openIndexes[o.second])
                    r.secondOpenM = o.secondDistance
                }
            }
            return r
        }
    }
}
