import Foundation
import Geo

/// Competition-aware access per population point: the cost matrix within
/// the catchment (road or straight line), then the chosen FCA variant with
/// GP FTE as supply. With eligibility sets (issue 13) a practice restricted
/// to an area offers its supply only to the points it accepts: its pairs
/// with other points are dropped (`EligiblePairs`).
public struct CapacityResult: Sendable {
    public var method: FCAMethod
    /// What the costs are, for run.json and the summary.
    public var basis: String
    /// GP FTE per 10,000 inhabitants reachable, per point; nil for points
    /// that did not snap to the road network.
    public var fcaPer10k: [Double?]
    public var pairs: Int
    public var seconds: Double
    /// Seconds per step of the FCA (for benchmarks).
    public var steps: [(String, Double)] = []
}

public enum CapacityAnalysis {
    /// - Parameters:
    ///   - kept: pairs of an earlier run on the same points (see
    ///     `keepPairs`); used when they fit these practices, else searched again.
    ///   - keptBytes: the budget of pairs the first pass keeps for the second
    ///     (`FCAPairMemo`; benchmarks compare budgets).
    public static func run(population: [PopulationPoint], practices: [Practice], parameters: AnalysisParameters,
                           road: RoadResult?, eligible: EligibleSets? = nil, kept: KeptCatchmentPairs? = nil,
                           keptBytes: Int = 512 << 20) -> CapacityResult {
        let t0 = Date()
        let fca = parameters.fca
        // No FTE at all: supply is unknown, so is every point's access.
        guard parameters.defaultFTE != nil || practices.contains(where: { $0.gpFTE != nil }) else {
            return CapacityResult(method: fca.method, basis: FTEDefault.noFTEReason,
                                  fcaPer10k: Array(repeating: nil, count: population.count), pairs: 0,
                                  seconds: Date().timeIntervalSince(t0))
        }
        let availability = PracticeAvailability(practices: practices, parameters: parameters, eligible: eligible)
        let supply = practices.indices.map { j -> Double in
            guard !fca.openOnly || availability.takesSomeone[j] else { return 0 }
            return FTEDefault.fte(practices[j], parameters)?.value ?? 0
        }
        let catchment: Double, basis: String
        let demand = population.map(\.inhabitants)
        var result: FloatingCatchment.Result, pairs: Int
        var snapped: [SnappedPoint?]?
        if let road, let mode = road.modes.first {
            let minutes = fca.catchmentMinutes[mode]
            let weight: RouteWeight = minutes == nil ? .length : .time
            catchment = minutes ?? fca.catchmentKm * 1000
            // The positions the road pass snapped for its first mode.
            snapped = road.pointSnaps
            // Pairs streamed from bounded searches, kept between the passes only within a budget (FCAPairMemo).
            basis = minutes.map { "road travel time by \(mode.name), catchment \(Flagging.number($0)) min" }
                ?? "road length by \(mode.name), catchment \(Flagging.number(fca.catchmentKm)) km"
            func source(_ practiceSnaps: [SnappedPoint?]) -> RoadPairs {
                RoadCosts.pairs(graph: road.graph, mode: mode, weight: weight, points: road.pointSnaps,
                                practices: practiceSnaps, catchment: catchment)
            }
            if let kept, kept.fits(practices, catchment: catchment, basis: basis) {
                // Only the practices added after the kept ones are searched.
                let added = practices.count > kept.practiceCount
                    ? source(road.practiceSnaps.enumerated().map { $0.offset < kept.practiceCount ? nil : $0.element }) : nil
                (result, pairs) = FloatingCatchment.compute(pairs: ExtendedCatchmentPairs(kept: kept, live: added, practiceCount: practices.count)
                                                                .restricted(by: eligible),
                                                            demand: demand, supply: supply, method: fca.method, catchment: catchment)
            } else {
                let tPrepare = Date()
                let pairSource = source(road.practiceSnaps)
                let prepared = Date().timeIntervalSince(tPrepare)
                (result, pairs) = FloatingCatchment.compute(pairs: pairSource.restricted(by: eligible), demand: demand, supply: supply,
                                                            method: fca.method, catchment: catchment, keptBytes: keptBytes)
                result.steps.insert(("prepare the search network and attach the points", prepared), at: 0)
            }
        } else {
            catchment = fca.catchmentKm * 1000
            basis = "straight line, catchment \(Flagging.number(fca.catchmentKm)) km"
            func source() -> StraightLinePairs {
                StraightLineCosts.pairs(points: population.map(\.location), practices: practices.map(\.location), catchmentM: catchment)
            }
            if let kept, kept.fits(practices, catchment: catchment, basis: basis) {
                let added = practices.count > kept.practiceCount ? source() : nil
                (result, pairs) = FloatingCatchment.compute(pairs: ExtendedCatchmentPairs(kept: kept, live: added, practiceCount: practices.count)
                                                                .restricted(by: eligible),
                                                            demand: demand, supply: supply, method: fca.method, catchment: catchment)
            } else {
                (result, pairs) = FloatingCatchment.compute(pairs: source().restricted(by: eligible), demand: demand, supply: supply,
                                                            method: fca.method, catchment: catchment)
            }
        }
        let per10k: [Double?] = result.access.indices.map { i in
            snapped.map { $0[i] == nil } == true ? nil : result.access[i] * 10_000
        }
        return CapacityResult(method: fca.method, basis: basis, fcaPer10k: per10k, pairs: pairs,
                              seconds: Date().timeIntervalSince(t0), steps: result.steps)
    }

    /// The pairs `run` would search for these inputs, searched once and kept
    /// for later runs on the same points (nil when no practice has an FTE:
    /// `run` then searches nothing).
    public static func keepPairs(population: [PopulationPoint], practices: [Practice], parameters: AnalysisParameters,
                                 road: RoadResult?) -> KeptCatchmentPairs? {
        let fca = parameters.fca
        guard parameters.defaultFTE != nil || practices.contains(where: { $0.gpFTE != nil }) else { return nil }
        let places = practices.map(\.location)
        if let road, let mode = road.modes.first {
            let minutes = fca.catchmentMinutes[mode]
            let catchment = minutes ?? fca.catchmentKm * 1000
            let basis = minutes.map { "road travel time by \(mode.name), catchment \(Flagging.number($0)) min" }
                ?? "road length by \(mode.name), catchment \(Flagging.number(fca.catchmentKm)) km"
            let source = RoadCosts.pairs(graph: road.graph, mode: mode, weight: minutes == nil ? .length : .time, points: road.pointSnaps,
                                         practices: road.practiceSnaps, catchment: catchment)
            return KeptCatchmentPairs(source, practiceLocations: places, catchment: catchment, basis: basis)
        }
        let catchment = fca.catchmentKm * 1000
        let source = StraightLineCosts.pairs(points: population.map(\.location), practices: places, catchmentM: catchment)
        return KeptCatchmentPairs(source, practiceLocations: places, catchment: catchment,
                                  basis: "straight line, catchment \(Flagging.number(fca.catchmentKm)) km")
    }
}
