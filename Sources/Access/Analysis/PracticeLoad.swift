/// Per-practice load, criticality and cascade risk from each point's nearest
/// and second-nearest practice that will take it (with eligibility sets:
/// the practices that accept the point; without: the open ones).
///
/// Closing practice j moves exactly the points whose first practice is j to
/// their second (nobody else's first changes), so one pass gives, for every
/// j at once, who would lose access within the flag distance (criticality),
/// how much farther they would travel, and which practice would receive
/// them — the basis of the cascade risk.
enum PracticeLoad {
    static func compute(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                        practiceRegions: OptionalIDs<RegionIndex>, parameters: AnalysisParameters, road: RoadResult?,
                        eligible: EligibleSets? = nil) -> [PracticeAccess] {
        let availability = PracticeAvailability(practices: practices, parameters: parameters, eligible: eligible)
        var result = practices.enumerated().map { j, p -> PracticeAccess in
            var a = PracticeAccess()
            a.isOpen = parameters.isOpen(p.status)
            a.region = practiceRegions[j]
            if let fte = p.gpFTE ?? parameters.defaultFTE {
                a.capacityPlaces = fte * parameters.normPatientsPerFTE
                if let list = p.listSize { a.headroomPlaces = a.capacityPlaces! - Double(list) }
            }
            return a
        }
        let limit = parameters.flagMaxKm * 1000
        var extraWeighted = [Double](repeating: 0, count: practices.count)
        var extraWeight = [Double](repeating: 0, count: practices.count)
        func assignment(_ i: Int) -> NearestPair {
            // Nearest and second-nearest practice that takes the point: by road when routed.
            road?.nearestByRoad(i) ?? points[i].open
        }
        for i in points.indices {
            let pair = assignment(i)
            guard let j = pair.first?.index else { continue }
            let w = population[i].inhabitants
            result[j].assignedInhabitants += w
            if pair.firstM <= limit && pair.secondM > limit {
                result[j].criticalityInhabitants += w
            }
            if pair.second != nil {
                extraWeighted[j] += w * (pair.secondM - pair.firstM)
                extraWeight[j] += w
            }
        }
        for j in practices.indices where extraWeight[j] > 0 {
            result[j].criticalityExtraKm = extraWeighted[j] / extraWeight[j] / 1000
        }
        // Cascade risk: what each practice would receive, summed over the
        // closures (one at a time) of the practices with at least N assigned inhabitants.
        let minimum = parameters.cascadeMinInhabitants
        for i in points.indices {
            let pair = assignment(i)
            guard let first = pair.first, let second = pair.second, result[first].assignedInhabitants >= minimum else { continue }
            result[second].receivingRiskInhabitants += population[i].inhabitants
        }
        let taking = practices.indices.filter { availability.takesSomeone[$0] }
        let ranked = taking.sorted { a, b in
            let x = result[a], y = result[b]
            if x.criticalityInhabitants != y.criticalityInhabitants { return x.criticalityInhabitants > y.criticalityInhabitants }
            if (x.criticalityExtraKm ?? 0) != (y.criticalityExtraKm ?? 0) { return (x.criticalityExtraKm ?? 0) > (y.criticalityExtraKm ?? 0) }
            return a < b
        }
        for (rank, j) in ranked.enumerated() { result[j].criticalityRank = rank + 1 }
        // Practices are in id order (StableOrder), so index order breaks ties by id.
        let atRisk = taking.sorted { a, b in
            let x = result[a].receivingRiskInhabitants, y = result[b].receivingRiskInhabitants
            return x != y ? x > y : a < b
        }
        for (rank, j) in atRisk.enumerated() { result[j].receivingRiskRank = rank + 1 }
        return result
    }
}
