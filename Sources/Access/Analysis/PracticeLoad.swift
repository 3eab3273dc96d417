/// Per-practice load and criticality from nearest / second-nearest open.
enum PracticeLoad {
    static func compute(population: [PopulationPoint], points: [PointAccess], practices: [Practice],
                        practiceRegions: [Int32], parameters: AnalysisParameters) -> [PracticeAccess] {
        var result = practices.enumerated().map { j, p -> PracticeAccess in
            var a = PracticeAccess()
            a.isOpen = parameters.isOpen(p.status)
            a.region = practiceRegions[j]
            if let fte = p.gpFTE {
                a.capacityPlaces = fte * parameters.normPatientsPerFTE
                if let list = p.listSize { a.headroomPlaces = a.capacityPlaces! - Double(list) }
            }
            return a
        }
        let limit = parameters.flagMaxKm * 1000
        var extraWeighted = [Double](repeating: 0, count: practices.count)
        var extraWeight = [Double](repeating: 0, count: practices.count)
        for (i, p) in points.enumerated() where p.nearestOpen >= 0 {
            let j = Int(p.nearestOpen)
            let w = population[i].inhabitants
            result[j].assignedInhabitants += w
            if p.nearestOpenM <= limit && p.secondOpenM > limit {
                result[j].criticalityInhabitants += w
            }
            if p.secondOpen >= 0 {
                extraWeighted[j] += w * (p.secondOpenM - p.nearestOpenM)
                extraWeight[j] += w
            }
        }
        for j in practices.indices where extraWeight[j] > 0 {
            result[j].criticalityExtraKm = extraWeighted[j] / extraWeight[j] / 1000
        }
        return result
    }
}
