/// What the summary and run.json say about the FTE behind the capacity
/// figures: once, in a planner's words.
enum CapacityWarnings {
    static func fte(practices: [Practice], parameters: AnalysisParameters, result: AnalysisResult, path: String) -> [String] {
        let withoutFTE = practices.filter { $0.gpFTE == nil }.count
        guard withoutFTE > 0 else { return [] }
        guard let fte = parameters.defaultFTE else {
            return ["No practice in \(path) has a GP FTE: gp_fte_per_10k, fca_per_10k, capacity_places, shortfall_places, headroom_places, "
                + "their lights and the room of practices in sites/scenario are left empty (\(FTEDefault.noFTEReason)); "
                + "each region's light and urgency rank rest on the indicators that have data. Give --default-fte X to assume X FTE per practice."]
        }
        let share = imputedShare(practices, parameters).map { " (\(Flagging.percent($0)) of the FTE counted)" } ?? ""
        let rule = parameters.defaultFTERule == .option
            ? "the FTE given with --default-fte"
            : "the median of the known FTE; give --default-fte X to choose another assumption"
        return ["\(withoutFTE) of \(practices.count) practices have no GP FTE; they count with \(Flagging.number(fte)) FTE\(share), "
            + "\(rule). imputed_fte_share in regions.csv gives the share per region."]
    }

    /// Share of all counted FTE that was imputed; nil when no FTE is known.
    static func imputedShare(_ practices: [Practice], _ parameters: AnalysisParameters) -> Double? {
        var counted = 0.0, imputed = 0.0
        for p in practices {
            guard let f = FTEDefault.fte(p, parameters) else { continue }
            counted += f.value
            if f.imputed { imputed += f.value }
        }
        return counted > 0 ? imputed / counted : nil
    }

    static func addCounts(_ report: inout RunReport, result: AnalysisResult, practices: [Practice], regions: [Region]) {
        let p = result.parameters
        var byRegion: [String: Double] = [:]
        for r in result.regions where r.regionIndex < regions.count {
            if let share = r.capacity.imputedFTEShare { byRegion[regions[r.regionIndex].id] = (share * 1000).rounded() / 1000 }
        }
        report.fte = FTEReport(rule: (p.defaultFTERule ?? (p.defaultFTE == nil ? .none : .median)).rawValue, defaultFTE: p.defaultFTE,
                               practicesWithoutFTE: practices.filter { $0.gpFTE == nil }.count,
                               imputedFTEShare: imputedShare(practices, p), imputedFTEShareByRegion: byRegion)
        if let t = result.regionsTotal {
            report.studyAreaTotal = StudyAreaTotal(
                regionID: OutputTables.totalLabel(regions).id, inhabitants: t.inhabitants,
                inhabitantsOutsideRegions: result.inhabitantsOutsideRegions, meanOpenM: t.meanOpenM, meanRoadM: t.meanRoadM,
                roadUnreachableInhabitants: result.road == nil ? nil : t.roadUnreachableInhabitants,
                light: t.capacity.signal?.light.rawValue)
        }
        if let fte = result.parameters.defaultFTE { report.counts["default_fte"] = fte }
        if let share = imputedShare(practices, result.parameters) { report.counts["imputed_fte_share"] = share }
        report.counts["fte_known"] = result.parameters.defaultFTE != nil || practices.contains { $0.gpFTE != nil } ? 1 : 0
        report.counts["road_unreachable_inhabitants"] = result.regionsTotal?.roadUnreachableInhabitants
            ?? result.regions.reduce(0) { $0 + $1.roadUnreachableInhabitants }
    }
}
