import Access

/// The verdict of `bereik sites` for posted sites, and how the new residents
/// would add to the load of the practices near them.
enum SiteAnswer {
    static func answer(_ posted: [HousingSite], householdSize: Double?, state: ServerState) throws -> JSONOut {
        let practices = state.inputs.practices
        let sites = try state.eligibility.withPostcodes(posted)
        let assigned = state.baseline.result.practices.map(\.assignedInhabitants)
        var road: SitesJob.SiteRoadAccess?
        if let routing = state.routing {
            road = { samples, _ in
                let a = routing.access(samples)
                return (a.access, a.minutes, a.modes)
            }
        }
        let (checks, modes, measure) = try SitesJob.check(sites, practices: practices, parameters: state.parameters, assigned: assigned,
                                                          defaultFTE: state.baseline.result.parameters.defaultFTE,
                                                          householdSize: householdSize ?? 2.1, road: road,
                                                          eligible: state.baseline.result.eligibleSets,
                                                          postcodeAreas: state.job.input.postcodeAreas)
        let lists = SitesJob.postcodeListPractices(state.baseline.result.eligibleSets, practices: practices)
        let rows = DecisionRows.sites(checks, practices: practices, modes: modes, measure: measure, postcodes: lists > 0)
        // Load: the new residents go to the serving practice (served) or are
        // shared by the candidates in reach (strained), as a planner reads it.
        let load: [JSONOut] = checks.map { c in
            let within = c.candidates.prefix(4)
            return .array(within.map { cand in
                let room = state.headroom(cand.practice)
                let share = c.verdict == .served ? (cand.practice == c.serving?.practice ? c.newResidents : 0)
                    : c.newResidents / Double(max(1, within.count))
                return .object([
                    ("practice_id", .string(practices[cand.practice].id)), ("name", .string(practices[cand.practice].name)),
                    ("distance_m", .number((cand.meanM * 10).rounded() / 10)),
                    ("assigned_before", .number(assigned[cand.practice].rounded())),
                    ("new_residents", .number(share.rounded())),
                    ("headroom_before", room.places.map { .number(($0 * 10).rounded() / 10) } ?? .null),
                    ("headroom_after", room.places.map { .number((($0 - share) * 10).rounded() / 10) } ?? .null),
                    ("headroom_basis", .string(room.basis)),
                ])
            })
        }
        return .object([("measure", .string(measure)), ("sites", rows.json), ("load", .array(load))])
    }
}
