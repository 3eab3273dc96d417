import Foundation

/// Decides whether a region's access falls below the thresholds, with the
/// reasons in words a planner can paste into a memo.
enum Flagging {
    static func evaluate(_ r: RegionAccess, parameters: AnalysisParameters, population: [PopulationPoint],
                         points: [PointAccess], members: [Int]) -> (Bool, [String]) {
        guard r.inhabitants > 0 else { return (false, []) }
        var reasons: [String] = []
        let km = parameters.flagMaxKm
        let within = members.reduce(0.0) { $0 + (points[$1].nearestOpenM <= km * 1000 ? population[$1].inhabitants : 0) } / r.inhabitants
        if within < parameters.flagMinShare {
            reasons.append("\(percent(within)) of inhabitants live within \(number(km)) km of a practice open to new patients (threshold \(percent(parameters.flagMinShare)))")
        }
        if let maxMean = parameters.flagMaxMeanKm {
            if let mean = r.meanOpenM {
                if mean > maxMean * 1000 {
                    reasons.append("mean distance to a practice open to new patients is \(number(mean / 1000)) km (threshold \(number(maxMean)) km)")
                }
            } else {
                reasons.append("some inhabitants have no practice open to new patients at all")
            }
        }
        return (!reasons.isEmpty, reasons)
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }

    static func number(_ x: Double) -> String {
        String(format: "%.1f", x)
    }
}
