/// Per-practice load and criticality from nearest / second-nearest open.
enum PracticeLoad {
    static func compute(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                        practiceRegions: [Int32], parameters: AnalysisParameters, road: RoadAccess?) -> [PracticeAccess] {
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
        for i in points.indices {
            // Nearest and second-nearest open practice: by road when routed.
            let (first, firstM, second, secondM): (Int32, Double, Int32, Double) = road.map {
                ($0.roadPractice[i], $0.roadM[i], $0.roadSecondPractice[i], $0.roadSecondM[i])
            } ?? (points[i].nearestOpen, points[i].nearestOpenM, points[i].secondOpen, points[i].secondOpenM)
            guard first >= 0 else { continue }
            let j = Int(first)
            let w = population[i].inhabitants
            result[j].assignedInhabitants += w
            if firstM <= limit && secondM > limit {
                result[j].criticalityInhabitants += w
            }
            if second >= 0 {
                extraWeighted[j] += w * (secondM - firstM)
                extraWeight[j] += w
            }
        }
        for j in practices.indices where extraWeight[j] > 0 {
            result[j].criticalityExtraKm = extraWeighted[j] / extraWeight[j] / 1000
        }
        let ranked = practices.indices.filter { result[$0].isOpen }.sorted { a, b in
            let x = result[a], y = result[b]
            if x.criticalityInhabitants != y.criticalityInhabitants { return x.criticalityInhabitants > y.criticalityInhabitants }
            if (x.criticalityExtraKm ?? 0) != (y.criticalityExtraKm ?? 0) { return (x.criticalityExtraKm ?? 0) > (y.criticalityExtraKm ?? 0) }
            return a < b
        }
        for (rank, j) in ranked.enumerated() { result[j].criticalityRank = rank + 1 }
        return result
    }
}
