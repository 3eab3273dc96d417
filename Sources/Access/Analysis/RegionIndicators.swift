/// Region indicators and flags from per-point access.
enum RegionIndicators {
    static func compute(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                        practiceRegions: OptionalIDs<RegionIndex>, regionCount: Int, parameters: AnalysisParameters,
                        road: RoadResult?, wholeArea: Bool = false) -> [RegionAccess] {
        // Without regions everything is one area (index 0); the study-area
        // total (`wholeArea`) is the regions together: area 0 holds every
        // point and practice that lies in some region.
        let single = !wholeArea && practiceRegions.allSatisfy { $0 == nil } && points.allSatisfy { $0.region == nil } && regionCount == 1
        func regionOf(_ r: RegionIndex?) -> Int? { wholeArea ? r.map { _ in 0 } : single ? 0 : r?.index }
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
            // The members' columns gathered once: every pass below reads them
            // contiguously, adding in member order as one pass per figure did.
            let weights = idx.map { population[$0].inhabitants }
            let openM = idx.map { points[$0].nearestOpenM }
            res.inhabitants = weights.reduce(0) { $0 + $1 }
            var known65 = false, sum65 = 0.0
            for i in idx { if let v = population[i].inhabitants65plus { known65 = true; sum65 += v } }
            if known65 { res.inhabitants65plus = sum65 }
            if res.inhabitants > 0 {
                if idx.allSatisfy({ points[$0].nearestOpen != nil }) {
                    res.meanOpenM = zip(weights, openM).reduce(0) { $0 + $1.0 * $1.1 } / res.inhabitants
                    let q = WeightedQuantile.values(openM, weights: weights, qs: [0.5, 0.9])
                    res.medianOpenM = q[0]
                    res.p90OpenM = q[1]
                    res.maxOpenM = openM.max()
                }
                if idx.allSatisfy({ points[$0].nearestPractice != nil }) {
                    res.meanAnyM = zip(idx, weights).reduce(0) { $0 + $1.1 * points[$1.0].nearestPracticeM } / res.inhabitants
                }
                res.shareWithin = parameters.bandsKm.map { km in
                    Self.sumWithin(weights, openM, km * 1000) / res.inhabitants
                }
                if let fte = res.gpFTE { res.gpFTEPer10k = fte / res.inhabitants * 10_000 }
            }
            let roadM = road.map { road in idx.map { road.roadM[$0] } }
            if let road, let roadM, res.inhabitants > 0 {
                addRoadIndicators(&res, road: road, members: idx, weights: weights, roadM: roadM, parameters: parameters)
            }
            if parameters.partialRule == .eligible {
                let limit = parameters.flagMaxKm * 1000
                res.inhabitantsWithoutEligibleWithinFlag = zip(roadM ?? openM, weights).reduce(0) { sum, x in
                    x.0 <= limit ? sum : sum + x.1
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
    static func addRoadIndicators(_ res: inout RegionAccess, road: RoadResult, members idx: [Int], weights: [Double], roadM: [Double],
                                  parameters: AnalysisParameters) {
        let total = res.inhabitants
        var reachedInhabitants = 0.0, allReached = true
        for (d, w) in zip(roadM, weights) { if d.isFinite { reachedInhabitants += w } else { allReached = false } }
        res.roadUnreachableInhabitants = max(0, total - reachedInhabitants)
        res.roadUnreachableShare = total > 0 ? res.roadUnreachableInhabitants / total : nil
        if reachedInhabitants > 0 {
            var weighted = 0.0
            for (d, w) in zip(roadM, weights) where d.isFinite { weighted += w * d }
            res.meanRoadM = weighted / reachedInhabitants
            let reachable = allReached ? Array(roadM.indices) : roadM.indices.filter { roadM[$0].isFinite }
            res.p90RoadM = allReached ? WeightedQuantile.value(roadM, weights: weights, q: 0.9)
                : WeightedQuantile.value(reachable.map { roadM[$0] }, weights: reachable.map { weights[$0] }, q: 0.9)
        }
        res.shareWithinByRoad = parameters.bandsKm.map { km in
            sumWithin(weights, roadM, km * 1000) / total
        }
        for (k, mode) in road.modes.enumerated() where k < road.minutes.count {
            let m = idx.map { road.minutes[k][$0] }
            var w = 0.0, weighted = 0.0
            for (x, v) in zip(m, weights) where x.isFinite { w += v }
            for (x, v) in zip(m, weights) where x.isFinite { weighted += v * x }
            res.meanMinutes.append(w > 0 ? weighted / w : nil)
            res.shareWithinMinutes.append(parameters.roadOptions.bands(mode).map { b in
                sumWithin(weights, m, b) / total
            })
        }
    }

    /// Σ weights[k] over the k with values[k] <= limit, added in order.
    static func sumWithin(_ weights: [Double], _ values: [Double], _ limit: Double) -> Double {
        var sum = 0.0
        for (w, v) in zip(weights, values) { sum += v <= limit ? w : 0 }
        return sum
    }
}

/// Weighted quantiles (lower weighted quantile: the smallest value whose
/// cumulative weight reaches q of the total).
enum WeightedQuantile {
    static func value(_ values: [Double], weights: [Double], q: Double) -> Double? {
        Self.values(values, weights: weights, qs: [q])[0]
    }

    /// From this many values on, distances (never negative) are sorted by radix.
    static let radixFrom = 2_048

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
        if input.count >= radixFrom, let sorted = NonNegativeRadixSort.sorted(input) { return sorted }
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
