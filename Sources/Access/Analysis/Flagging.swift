import Foundation

/// Decides whether a region's access falls below the thresholds, with the
/// reasons in words a planner can paste into a memo.
enum Flagging {
    static func evaluate(_ r: RegionAccess, parameters: AnalysisParameters, population: [PopulationPoint],
                         points: [PointAccess], road: RoadResult?, members: [Int]) -> (Bool, [String]) {
        guard r.inhabitants > 0 else { return (false, []) }
        var reasons: [String] = []
        let km = parameters.flagMaxKm
        // By road when roads were given: straight lines understate rural distances.
        let distance: (Int) -> Double = road.map { road in { road.roadM[$0] } } ?? { points[$0].nearestOpenM }
        let how = road == nil ? "" : " by road"
        let within = members.reduce(0.0) { $0 + (distance($1) <= km * 1000 ? population[$1].inhabitants : 0) } / r.inhabitants
        if within < parameters.flagMinShare {
            reasons.append("\(percent(within)) of inhabitants live within \(number(km)) km\(how) of a practice open to new patients (threshold \(percent(parameters.flagMinShare)))")
        }
        // The mean is over the inhabitants who reach an open practice; those
        // who do not flag a region only through the share above or the
        // explicit unreachable threshold, never by emptying the mean.
        if let maxMean = parameters.flagMaxMeanKm, let mean = road == nil ? r.meanOpenM : r.meanRoadM, mean > maxMean * 1000 {
            reasons.append("mean distance\(how) to a practice open to new patients is \(number(mean / 1000)) km (threshold \(number(maxMean)) km)")
        }
        if road != nil, let maxShare = parameters.flagMaxUnreachableShare, let share = r.roadUnreachableShare, share > maxShare {
            reasons.append("\(SafeNumber.whole(r.roadUnreachableInhabitants)) inhabitants (\(percent(share))) cannot reach any practice open to new patients by road (threshold \(percent(maxShare)))")
        }
        return (!reasons.isEmpty, reasons)
    }

    static func percent(_ share: Double) -> String {
        "\(SafeNumber.whole(share * 100)) %"
    }

    static func number(_ x: Double) -> String {
        String(format: "%.1f", x)
    }
}
