import Foundation

/// Scores every region on each indicator against the amber and red
/// thresholds, gives a light per indicator and overall (the worst), ranks the
/// regions by urgency and writes the reasons in a planner's words.
enum Signalling {
    static func evaluate(_ regions: inout [RegionAccess], parameters: AnalysisParameters, byRoad: Bool) {
        for r in regions.indices {
            regions[r].capacity.signal = signal(regions[r], parameters: parameters, byRoad: byRoad)
        }
        // Suppressed regions are not ranked; the rest most urgent first,
        // ties by more inhabitants, then by region order (regions are in id
        // order, see `StableOrder`).
        let order = regions.indices.filter { regions[$0].capacity.signal != nil }.sorted { a, b in
            let ua = regions[a].capacity.signal!.urgency, ub = regions[b].capacity.signal!.urgency
            if ua != ub { return ua > ub }
            if regions[a].inhabitants != regions[b].inhabitants { return regions[a].inhabitants > regions[b].inhabitants }
            return a < b
        }
        for (k, r) in order.enumerated() { regions[r].capacity.signal!.rank = k + 1 }
    }

    static func value(_ i: SignalIndicator, _ r: RegionAccess, byRoad: Bool) -> Double? {
        let c = r.capacity
        switch i {
        case .accessShare: return c.accessShare
        case .meanDistanceKm: return (byRoad ? r.meanRoadM : r.meanOpenM).map { $0 / 1000 }
        case .fcaPer10k: return c.fcaPer10k
        case .shortfallShare: return r.inhabitants > 0 ? c.shortfallPlaces.map { $0 / r.inhabitants } : nil
        case .closedOrPartialShare: return r.practices > 0 ? Double(r.closedOrPartialPractices) / Double(r.practices) : nil
        case .outflowShare: return c.outflowFTE.flatMap { out in r.gpFTE.flatMap { $0 > 0 ? out / $0 : nil } }
        case .unregisteredPer1000: return c.unregistered.flatMap { r.inhabitants > 0 ? $0 / r.inhabitants * 1000 : nil }
        }
    }

    static func signal(_ r: RegionAccess, parameters: AnalysisParameters, byRoad: Bool) -> RegionSignal? {
        guard !r.capacity.suppressed else { return nil }
        var s = RegionSignal()
        for i in SignalIndicator.allCases {
            let t = parameters.signal.threshold(i)
            guard t.enabled else { continue }
            guard let v = value(i, r, byRoad: byRoad) else {
                if r.capacity.fteUnknown && i.needsFTE { s.reasons.append("\(i.rawValue) not scored: \(FTEDefault.noFTEReason)") }
                continue
            }
            // Signed so that larger = worse.
            let sign = i.higherIsWorse ? 1.0 : -1.0
            let x = sign * v, amber = sign * t.amber, red = sign * t.red
            let light: RegionSignal.Light = x > red ? .red : (x > amber ? .amber : .green)
            s.lights[i] = light
            s.light = max(s.light, light)
            if light != .green {
                s.urgency += red > amber ? (x - amber) / (red - amber) : 1
                s.reasons.append(reason(i, v, t, light, parameters: parameters, byRoad: byRoad))
            }
        }
        return s
    }

    static func reason(_ i: SignalIndicator, _ v: Double, _ t: SignalConfig.Threshold, _ light: RegionSignal.Light,
                       parameters: AnalysisParameters, byRoad: Bool) -> String {
        let how = byRoad ? " by road" : ""
        let threshold = light == .red ? t.red : t.amber
        let text: String
        switch i {
        case .accessShare:
            text = "\(pct(1 - v)) of inhabitants live more than \(num(parameters.flagMaxKm)) km\(how) from a practice that accepts new patients; \(pct(v)) within, threshold \(pct(threshold))"
        case .meanDistanceKm:
            text = "mean distance\(how) to a practice that accepts new patients is \(num(v)) km; threshold \(num(threshold)) km"
        case .fcaPer10k:
            text = "\(num(v)) GP FTE per 10,000 inhabitants within reach, allowing for competition (\(parameters.fca.method.rawValue)); threshold \(num(threshold))"
        case .shortfallShare:
            text = "practices in the region have places for \(pct(1 - v)) of its inhabitants at the normpraktijk of \(SafeNumber.whole(parameters.normPatientsPerFTE)) per FTE (shortfall \(pct(v))); threshold \(pct(threshold)) shortfall"
        case .closedOrPartialShare:
            text = "\(pct(v)) of the region's practices have a full or partial patient stop; threshold \(pct(threshold))"
        case .outflowShare:
            text = "\(pct(v)) of the region's GP FTE is expected to retire within \(RetirementRule.horizonYears) years; threshold \(pct(threshold))"
        case .unregisteredPer1000:
            text = "\(num(v)) per 1,000 inhabitants have no GP; threshold \(num(threshold))"
        }
        return "\(light.rawValue): \(text)"
    }

    static func pct(_ share: Double) -> String { "\(SafeNumber.whole(share * 100)) %" }
    static func num(_ x: Double) -> String { String(format: "%.1f", x) }
}
