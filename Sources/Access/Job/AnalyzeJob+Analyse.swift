import Foundation
import Geo

/// The analyse step: one analysis of inputs already read, not yet written.
extension AnalyzeJob {
    /// Analyses the inputs; `practices` replaces the practice list (scenarios).
    /// `reusing`: a baseline of the same inputs whose points' road snaps (and,
    /// when kept, routers and catchment pairs) are taken over instead of
    /// computed again; `routers`: routers to use (default: the baseline's).
    public func analyse(_ inputs: Inputs, practices override: [Practice]? = nil, reusing baseline: Baseline? = nil,
                        routers: RoadRouters? = nil, progress: Progress? = nil) throws -> Analysis {
        var timings: [String: Double] = [:]
        let population = inputs.population, regions = inputs.regions
        let practices = override ?? inputs.practices
        var parameters = self.parameters
        if let x = parameters.explicitDefaultFTE, !(x.isFinite && x >= 0) { throw AnalysisError.negativeDefaultFTE(x) }
        (parameters.defaultFTE, parameters.defaultFTERule) = FTEDefault.resolve(practices, explicit: parameters.explicitDefaultFTE)
        var statusCounts: [PracticeStatus: Int] = [:]
        for p in practices { statusCounts[p.status, default: 0] += 1 }
        let (eligible, eligibility) = try Self.partialRule(&parameters, inputs: inputs, practices: practices)
        guard practices.contains(where: { parameters.isOpen($0.status) }) || (eligibility?.restrictedPractices ?? 0) > 0 else {
            let counts = PracticeStatus.allCases.map { "\($0.rawValue): \(statusCounts[$0] ?? 0)" }.joined(separator: ", ")
            throw InputError.noOpenPractice(path: practicesPath, counts: counts)
        }
        var road: RoadResult?
        if let graph = inputs.roadGraph, let read = inputs.roadRead {
            road = try Self.timed("route", &timings) {
                try RoadAnalysis.run(graph: graph, read: read, population: population, practices: practices,
                                     parameters: parameters, options: parameters.roadOptions,
                                     reusingPointSnaps: baseline?.result.road?.pointSnapsByMode ?? inputs.pointSnapsByMode, eligible: eligible,
                                     routers: routers ?? baseline?.routers, progress: progress)
            }
        }
        progress?.step("competition-aware access (\(parameters.fca.method.rawValue))")
        let method = catchments ?? (road == nil ? .voronoi : .road)
        // Road catchments need only the routing: drawn beside FCA and the
        // indicators (their grid and polygonizing are mostly one thread).
        let drawnBeside = writeCatchments && method == .road && road != nil
        var besideSeconds = 0.0
        let (assembled, besideCatchments) = ParallelWork.both({ () throws -> AnalysisResult in
            let capacity = Self.timed("fca", &timings) {
                CapacityAnalysis.run(population: population, practices: practices, parameters: parameters, road: road,
                                     eligible: eligible, kept: baseline?.keptPairs)
            }
            return try Self.timed("analyse", &timings) {
                try AccessAnalysis.assemble(population: population, practices: practices, regions: regions,
                                             parameters: parameters, road: road, capacity: capacity, eligible: eligible,
                                             located: inputs.regionLocation, progress: progress)
            }
        }, { () throws -> [Catchment]? in
            guard drawnBeside, let road else { return nil }
            let started = Date()
            defer { besideSeconds = Date().timeIntervalSince(started) }
            return try Catchments.compute(method: .road, parameters: parameters, road: road, nearestOpen: nil,
                                          population: population, practices: practices, regions: regions, eligible: eligible)
        })
        var result = try assembled.get()
        let capacity = result.capacity
        result.eligibleSets = eligible
        result.eligibility = eligibility.map { $0.counted(result, practices: practices) }
        let groupResult = inputs.groups.isEmpty ? nil : try Self.timed("groups", &timings) {
            try AccessAnalysis.assemble(population: population, practices: practices, regions: inputs.groups,
                                         parameters: parameters, road: road, capacity: capacity, eligible: eligible,
                                         located: inputs.groupLocation)
        }
        let catchmentPolygons: [Catchment]?
        if drawnBeside {
            catchmentPolygons = try besideCatchments.get()
            timings["catchments"] = recordedSeconds(besideSeconds)
        } else {
            catchmentPolygons = try Self.timed("catchments", &timings) {
                writeCatchments ? try Catchments.compute(method: method, result: result, population: population, practices: practices,
                                                         regions: regions, eligible: eligible) : nil
            }
        }
        let warnings = AnalysisWarnings.compose(.init(
            inputs: inputs, result: result, practices: practices, parameters: parameters, statusCounts: statusCounts,
            catchments: catchmentPolygons, eligibleRuleInForce: eligible != nil,
            regionsPath: regionsPath, practicesPath: practicesPath, roadsPath: roadsPath))
        return Analysis(result: result, practices: practices, catchments: catchmentPolygons.map { (method, $0) },
                        groupResult: groupResult,
                        warnings: warnings, statusCounts: statusCounts, timings: timings)
    }

    /// Settles the partial rule in force (`--partial`, else by the data) in
    /// `parameters`, and the eligible sets the routing uses (nil unless the
    /// rule is `eligible`).
    static func partialRule(_ parameters: inout AnalysisParameters, inputs: Inputs,
                            practices: [Practice]) throws -> (EligibleSets?, EligibilityUse?) {
        let rule = PartialRule.resolve(requested: parameters.partialRule, practices: practices)
        parameters.partialRule = rule
        let sets = EligibilityUse.effectiveSets(inputs.eligible, practices: practices, pointCount: inputs.population.count)
        guard let use = try EligibilityUse.check(rule: rule, sets: sets, practices: practices) else { return (nil, nil) }
        return (sets, use)
    }
}
