import Foundation

/// One row of `trend.csv`: a region's access on one date. Distances are to
/// the nearest practice that will take a new patient under the analysis's
/// rules (`--partial`, `--unknown-status`): by road when roads are given,
/// else in a straight line (`distance_basis`).
public struct TrendRow: Sendable, Equatable {
    /// Most regions a trend shows one by one (terminal summary, overview
    /// chart, per-region charts), so its output does not grow with the regions.
    public static let shownRegionCap = 12

    public var regionID: String
    public var name: String
    public var date: CalendarDay
    public var inhabitants: Double
    /// Practices located in the region, of any status.
    public var practices: Int
    /// Practices that count as open to new patients under the rules.
    public var openPractices: Int
    /// Partial stops that still accept new patients from an area (eligibility
    /// known, and the `eligible` partial rule in force on that date).
    public var partialWithArea: Int
    /// `openPractices` + `partialWithArea`: the practices that will take someone new.
    public var takingNewPatients: Int
    public var byRoad: Bool
    public var meanM: Double?
    public var p90M: Double?
    /// Shares of inhabitants within each band of `bandsKm`.
    public var shareWithin: [Double?]
    /// Share within the flag distance (`--flag-max-km`): `access_share`.
    public var shareWithinFlagKm: Double?
    /// Inhabitants without such a practice within the flag distance.
    public var inhabitantsBeyondFlagKm: Double?
    /// With roads: inhabitants who reach no such practice by road at all.
    public var roadUnreachableInhabitants: Double?
    public var flagged: Bool
    public var light: String?
    /// Statistics below `--min-inhabitants` are not exported (null).
    public var suppressed: Bool
    /// Practices whose status on this date came from the history.
    public var practicesFromHistory: Int
    /// The study-area total row (not a region).
    public var isTotal = false
}

extension TrendRow {
    /// Per region index (the last entry: the whole study area), the partial
    /// practices with an area that take new patients under the rules: one
    /// pass over the practices, not one per region. `regionOf(j)`: practice
    /// j's region, nil when in none.
    static func partialWithArea(_ practices: [Practice], regionOf: [RegionIndex?], regions: Int, parameters: AnalysisParameters) -> [Int] {
        var counts = [Int](repeating: 0, count: regions + 1)
        guard parameters.partialRule == .eligible else { return counts }
        for (j, p) in practices.enumerated() where p.status == .partial && p.eligibility != nil {
            if let r = regionOf[j]?.index, r < regions { counts[r] += 1 }
            counts[regions] += 1
        }
        return counts
    }

    /// The row of one region (or the study-area total) of an analysis on
    /// `date`; `partialWithArea`: its count from `partialWithArea(_:…)`.
    static func make(_ r: RegionAccess, id: String, name: String, date: CalendarDay, partialWithArea: Int,
                     parameters: AnalysisParameters, byRoad: Bool, fromHistory: Int) -> TrendRow {
        let share = r.capacity.accessShare
        let suppressed = r.capacity.suppressed
        return TrendRow(
            regionID: id, name: name, date: date, inhabitants: r.inhabitants, practices: r.practices,
            openPractices: r.openPractices, partialWithArea: partialWithArea, takingNewPatients: r.openPractices + partialWithArea,
            byRoad: byRoad,
            meanM: suppressed ? nil : (byRoad ? r.meanRoadM : r.meanOpenM),
            p90M: suppressed ? nil : (byRoad ? r.p90RoadM : r.p90OpenM),
            shareWithin: suppressed ? parameters.bandsKm.map { _ in nil }
                : (byRoad ? r.shareWithinByRoad : r.shareWithin).map { Optional($0) },
            shareWithinFlagKm: suppressed ? nil : share,
            inhabitantsBeyondFlagKm: suppressed ? nil : r.inhabitantsWithoutEligibleWithinFlag ?? share.map { max(0, r.inhabitants * (1 - $0)) },
            roadUnreachableInhabitants: suppressed || !byRoad ? nil : r.roadUnreachableInhabitants,
            flagged: r.flagged, light: r.capacity.signal?.light.rawValue, suppressed: suppressed,
            practicesFromHistory: fromHistory)
    }
}
