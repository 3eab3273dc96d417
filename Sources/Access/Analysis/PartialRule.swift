/// How a partial patient stop counts (`--partial`): as open to everyone, as
/// closed, or — `eligible` — open only to the population points of its
/// eligibility area (issue 13). Under `eligible` a partial practice without
/// eligibility data follows `closed` and is counted in the warnings.
public enum PartialRule: String, Codable, CaseIterable, Sendable {
    case open, closed, eligible

    /// The rule in force: the one asked for, else `eligible` when some
    /// partial practice has an eligibility area, else `closed`.
    public static func resolve(requested: PartialRule?, practices: [Practice]) -> PartialRule {
        if let requested { return requested }
        return practices.contains { $0.status == .partial && $0.eligibility != nil } ? .eligible : .closed
    }
}

/// What the `eligible` rule did, for `run.json`, the summary and the
/// warnings: every figure that shows the rule changed a result.
public struct EligibilityUse: Codable, Sendable, Equatable {
    public var rule: PartialRule
    /// Partial practices that take new patients from their area only.
    public var restrictedPractices: Int
    /// (practice, point) pairs of those areas, and the distinct points they hold.
    public var acceptedPairs: Int
    public var pointsAccepted: Int
    /// Partial practices without eligibility data: they count as closed.
    public var partialWithoutData: Int
    /// Points whose nearest practice that will take them is a restricted one
    /// (straight line; by road over the first mode's length when routed).
    public var pointsServedByRestricted: Int = 0
    public var pointsServedByRestrictedByRoad: Int?

    /// The eligible sets the analysis routes with: only partial practices
    /// (an area on an open or closed practice is ignored), practice indexes
    /// in range, and points in range.
    public static func effectiveSets(_ sets: EligibleSets?, practices: [Practice], pointCount: Int) -> EligibleSets {
        guard let sets else { return EligibleSets() }
        var kept = EligibleSets(pointsWithoutPostcode: sets.pointsWithoutPostcode, inhabitantsWithoutPostcode: sets.inhabitantsWithoutPostcode)
        for (p, points) in sets.pointsByPractice where p >= 0 && Int(p) < practices.count && practices[Int(p)].status == .partial {
            kept.pointsByPractice[p] = points.filter { $0 >= 0 && Int($0) < pointCount }
        }
        return kept
    }

    /// Checks the rule against the data and counts what it does. Returns nil
    /// unless the rule is `eligible`.
    /// - Throws: `AnalysisError.noEligibilityData` for `eligible` without
    ///   any eligibility area, `.eligibilityNotResolved` for a partial
    ///   practice with an area that has no eligible set (an input wiring error).
    public static func check(rule: PartialRule, sets: EligibleSets, practices: [Practice]) throws -> EligibilityUse? {
        guard rule == .eligible else { return nil }
        let partial = practices.indices.filter { practices[$0].status == .partial }
        let restricted = partial.filter { sets.pointsByPractice[Int32($0)] != nil }
        if restricted.isEmpty {
            throw AnalysisError.noEligibilityData(partialPractices: partial.count)
        }
        if let missing = partial.first(where: { practices[$0].eligibility != nil && sets.pointsByPractice[Int32($0)] == nil }) {
            throw AnalysisError.eligibilityNotResolved(practiceID: practices[missing].id)
        }
        var seen = Set<Int32>()
        var pairs = 0
        for list in sets.pointsByPractice.values { pairs += list.count; seen.formUnion(list) }
        return EligibilityUse(rule: rule, restrictedPractices: restricted.count, acceptedPairs: pairs, pointsAccepted: seen.count,
                              partialWithoutData: partial.count - restricted.count)
    }
}

extension EligibilityUse {
    /// With the counts of the points whose practice that will take them is
    /// a restricted one (straight line, and by road when routed).
    func counted(_ result: AnalysisResult, practices: [Practice]) -> EligibilityUse {
        var use = self
        func restricted(_ p: PracticeIndex?) -> Bool { p.map { $0.index < practices.count && practices[$0].status == .partial } ?? false }
        use.pointsServedByRestricted = result.points.filter { restricted($0.nearestOpen) }.count
        use.pointsServedByRestrictedByRoad = result.road.map { $0.roadPractice.filter(restricted).count }
        return use
    }

    /// For `run.json`'s counts.
    public var counts: [String: Double] {
        var c: [String: Double] = [
            "eligibility_restricted_practices": Double(restrictedPractices),
            "eligibility_accepted_pairs": Double(acceptedPairs),
            "eligibility_points_accepted": Double(pointsAccepted),
            "eligibility_partial_without_data": Double(partialWithoutData),
            "eligibility_points_served_by_restricted": Double(pointsServedByRestricted),
        ]
        if let r = pointsServedByRestrictedByRoad { c["eligibility_points_served_by_restricted_by_road"] = Double(r) }
        return c
    }

    /// The rule in words, and what counts differently because of it.
    public var warnings: [String] {
        var w = ["Partial patient stops follow the eligible rule (--partial eligible): \(restrictedPractices) partial practices take new patients only from their eligibility area (\(pointsAccepted) population points accepted); distances, flags and loads use the nearest practice that will take each point (\(pointsServedByRestricted) points are served by a partial practice)."]
        if partialWithoutData > 0 {
            w.append("\(partialWithoutData) partial practices have no eligibility area and count as closed (--partial eligible).")
        }
        return w
    }
}
