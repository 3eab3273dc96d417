/// The eligible sets of a trend's dates on the same points: the points a
/// practice's area accepts are found once per (practice, area) and reused on
/// every date the practice is partial with that same area — so a village
/// polygon is tested against the points once, not once per date. Equal to
/// `EligibleSets.build` on each date's practices (tested).
struct TrendEligibleSets {
    private var accepted: [Int32: (area: EligibilityArea, points: [Int32])] = [:]
    /// Practices whose accepted points were looked up (not reused), for the timings note.
    private(set) var lookups = 0

    /// nil when no practice is partial with an area on this date.
    mutating func sets(population: [PopulationPoint], practices: [Practice]) throws -> EligibleSets? {
        var byPractice: [Int32: [Int32]] = [:]
        var missing = practices
        var anyMissing = false, anyList = false
        for (i, p) in practices.enumerated() {
            guard p.status == .partial, let area = p.eligibility else { continue }
            if case .postcodes = area { anyList = true }
            if let hit = accepted[Int32(i)], hit.area == area {
                byPractice[Int32(i)] = hit.points
                missing[i].eligibility = nil
            } else {
                anyMissing = true
            }
        }
        guard anyMissing || !byPractice.isEmpty else { return nil }
        for i in missing.indices where missing[i].status != .partial || missing[i].eligibility == nil { missing[i].eligibility = nil }
        if anyMissing {
            let built = try EligibleSets.build(population: population, practices: missing)
            for (i, points) in built.pointsByPractice {
                accepted[i] = (practices[Int(i)].eligibility!, points)
                byPractice[i] = points
                lookups += 1
            }
        }
        // As `build`: points without a postcode count only when some practice has a list.
        var without = 0, inhabitants = 0.0
        if anyList {
            for p in population where p.postcode == nil { without += 1; inhabitants += p.inhabitants }
        }
        return EligibleSets(pointsByPractice: byPractice, pointsWithoutPostcode: without, inhabitantsWithoutPostcode: inhabitants)
    }
}
