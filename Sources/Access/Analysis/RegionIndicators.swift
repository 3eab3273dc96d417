/// Region indicators and flags from per-point access.
enum RegionIndicators {
    static func compute(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                        practiceRegions: OptionalIDs<RegionIndex>, regionCount: Int, parameters: AnalysisParameters,
                        road: RoadResult?, wholeArea: Bool = false) -> [RegionAccess] {
        // Without regions (or for the study-area total) everything is one area (index 0).
        let single = wholeArea || (practiceRegions.allSatisfy { $0 == nil } && points.allSatisfy { $0.region == nil } && regionCount == 1)
        func regionOf(_ r: RegionIndex?) -> Int? { single ? 0 : r?.index }
        var members = [[Int]](repeating: [], count: regionCount)
        for i in points.indices {
            if let r = regionOf(points[i].region) { members[r].append(i) }
        }
        var results = (0..<regionCount).map { RegionAccess(regionIndex: $0) }
        for (j, p) in practices.enumerated() {
            guard let r = regionOf(practiceRegions[j]) else { continue }
            results[r].practices += 1
            if parameters.isOpen(p.status) { results[r].openPractices += 1 }
            if p.status == .closed || p.status == .partial { results[r].closedOrPartialPractices += 1 }
            if let f = p.gpFTE ?? parameters.defaultFTE { results[r].gpFTE = (results[r].gpFTE ?? 0) + f }
        }
        // Each region on its own (all cores); the study-area total is one region.
        let counted = results
        results = parallelMap(count: regionCount) { r in
            var res = counted[r]
            let idx = members[r]
            res.points = idx.count
            res.inhabitants = idx.reduce(0) { $0 + population[$1].inhabitants }
            let known65 = idx.filter { population[$0].inhabitants65plus != nil }
            if !known65.isEmpty { res.inhabitants65plus = known65.reduce(0) { $0 + population[$1].inhabitants65plus! } }
            if res.inhabitants > 0 {
                let reachable = idx.filter { points[$0].nearestOpen != nil }
                let weights = reachable.map { population[$0].inhabitants }
                let distances = reachable.map { points[$0].nearestOpenM }
                if reachable.count == idx.count {
                    res.meanOpenM = zip(weights, distances).reduce(0) { $0 + $1.0 * $1.1 } / res.inhabitants
                    let q = WeightedQuantile.values(distances, weights: weights, qs: [0.5, 0.9])
                    res.medianOpenM = q[0]
                    res.p90OpenM = q[1]
                    res.maxOpenM = distances.max()
                }
                let anyDistances = idx.filter { points[$0].nearestPractice != nil }
                if anyDistances.count == idx.count {
                    res.meanAnyM = idx.reduce(0) { $0 + population[$1].inhabitants * points[$1].nearestPracticeM } / res.inhabitants
                }
                res.shareWithin = parameters.bandsKm.map { km in
                    idx.reduce(0) { $0 + (points[$1].nearestOpenM <= km * 1000 ? population[$1].inhabitants : 0) } / res.inhabitants
                }
                if let fte = res.gpFTE { res.gpFTEPer10k = fte / res.inhabitants * 10_000 }
            }
            if let road, res.inhabitants > 0 { addRoadIndicators(&res, road: road, members: idx, population: population, parameters: parameters) }
            if parameters.partialRule == .eligible {
                let limit = parameters.flagMaxKm * 1000
                res.inhabitantsWithoutEligibleWithinFlag = idx.reduce(0) { sum, i in
                    let d = road.map { $0.roadM[i] } ?? points[i].nearestOpenM
                    return d <= limit ? sum : sum + population[i].inhabitants
                }
            }
            (res.flagged, res.flagReasons) = Flagging.evaluate(res, parameters: parameters, population: population, points: points, road: road, members: idx)
            return res
        }
        return results
    }
}

extension RegionIndicators {
    /// Means and quantiles are over the inhabitants who reach an open
    /// practice by road; the others are counted apart (`road_unreachable_*`)
    /// and count as not within every band.
    static func addRoadIndicators(_ res: inout RegionAccess, road: RoadResult, members idx: [Int],
                                  population: [PopulationPoint], parameters: AnalysisParameters) {
        let total = res.inhabitants
        let reachable = idx.filter { road.roadM[$0].isFinite }
        let reachedInhabitants = reachable.reduce(0) { $0 + population[$1].inhabitants }
        res.roadUnreachableInhabitants = max(0, total - reachedInhabitants)
        res.roadUnreachableShare = total > 0 ? res.roadUnreachableInhabitants / total : nil
        if reachedInhabitants > 0 {
            res.meanRoadM = reachable.reduce(0) { $0 + population[$1].inhabitants * road.roadM[$1] } / reachedInhabitants
            res.p90RoadM = WeightedQuantile.value(reachable.map { road.roadM[$0] }, weights: reachable.map { population[$0].inhabitants }, q: 0.9)
        }
        res.shareWithinByRoad = parameters.bandsKm.map { km in
            idx.reduce(0) { $0 + (road.roadM[$1] <= km * 1000 ? population[$1].inhabitants : 0) } / total
        }
        for (k, mode) in road.modes.enumerated() where k < road.minutes.count {
            let m = road.minutes[k]
            let reached = idx.filter { m[$0].isFinite }
            let w = reached.reduce(0) { $0 + population[$1].inhabitants }
            res.meanMinutes.append(w > 0 ? reached.reduce(0) { $0 + population[$1].inhabitants * m[$1] } / w : nil)
            res.shareWithinMinutes.append(parameters.roadOptions.bands(mode).map { b in
                idx.reduce(0) { $0 + (m[$1] <= b ? population[$1].inhabitants : 0) } / total
            })
        }
    }
}

/// Weighted quantiles (lower weighted quantile: the smallest value whose
/// cumulative weight reaches q of the total).
enum WeightedQuantile {
    static func value(_ values: [Double], weights: [Double], q: Double) -> Double? {
        Self.values(values, weights: weights, qs: [q])[0]
    }

    /// Several quantiles (ascending `qs`) from one sort.
    static func values(_ values: [Double], weights: [Double], qs: [Double]) -> [Double?] {
        let total = weights.reduce(0, +)
        guard total > 0, !values.isEmpty else { return qs.map { _ in nil } }
        // Sorted (value, weight) pairs: equal values give the same quantile
        // whatever their order, so the result does not depend on it.
        let pairs = sortedByValue(zip(values, weights).map { (value: $0, weight: $1) })
        var result = [Double?](repeating: pairs[pairs.count - 1].value, count: qs.count)
        var k = 0, cumulative = 0.0
        for p in pairs where k < qs.count {
            cumulative += p.weight
            while k < qs.count && cumulative >= qs[k] * total - 1e-9 { result[k] = p.value; k += 1 }
        }
        return result
    }

    /// Sorted by value, stably (ties keep their order). Large lists (the
    /// study-area total at national scale) are sorted in parts on all cores
    /// and merged left part first on ties: the same order as one stable sort.
    static func sortedByValue(_ input: [(value: Double, weight: Double)]) -> [(value: Double, weight: Double)] {
        let parts = Swift.min(ParallelWork.threads, input.count / 500_000)
        guard parts > 1 else { return input.sorted { $0.value < $1.value } }
        let size = (input.count + parts - 1) / parts
        var sorted = parallelMap(count: parts) { k in
            input[(k * size)..<Swift.min(input.count, (k + 1) * size)].sorted { $0.value < $1.value }
        }
        while sorted.count > 1 {
            let right = sorted.remove(at: 1)
            sorted[0] = merge(sorted[0], right)
        }
        return sorted[0]
    }

    private static func merge(_ a: [(value: Double, weight: Double)], _ b: [(value: Double, weight: Double)]) -> [(value: Double, weight: Double)] {
        var out: [(value: Double, weight: Double)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            // b's element first only when strictly smaller: ties keep a's first.
            if b[j].value < a[i].value { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
