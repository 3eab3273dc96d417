import Geo

/// The capacity and signalling columns of regions.csv / regions.geojson,
/// and small-number suppression of a region's row.
enum RegionCapacityColumns {
    static var fields: [FieldDefinition] {
        [FieldDefinition("capacity_places", .real), FieldDefinition("shortfall_places", .real),
         FieldDefinition("imputed_fte_share", .real), FieldDefinition("fte_note", .string),
         FieldDefinition("fca_per_10k", .real), FieldDefinition("access_share", .real),
         FieldDefinition("outflow_fte_5y", .real), FieldDefinition("outflow_share", .real),
         FieldDefinition("unregistered", .real), FieldDefinition("unregistered_per_1000", .real)]
        + SignalIndicator.allCases.map { FieldDefinition("light_\($0.rawValue)", .string) }
        + [FieldDefinition("light", .string), FieldDefinition("urgency_rank", .integer),
           FieldDefinition("urgency_score", .real), FieldDefinition("reasons", .string),
           FieldDefinition("suppressed", .boolean)]
    }

    /// `ranked`: false for the study-area total, which has no urgency rank.
    static func values(_ r: RegionAccess, ranked: Bool = true) -> [FieldValue] {
        func real(_ d: Double?, _ digits: Double) -> FieldValue { d.map { .real(($0 * digits).rounded() / digits) } ?? .null }
        let c = r.capacity, s = c.signal
        var row: [FieldValue] = [
            real(c.capacityPlaces, 1), real(c.shortfallPlaces, 1), real(c.imputedFTEShare, 1000),
            c.fteUnknown ? .string(FTEDefault.noFTEReason) : .null,
            real(c.fcaPer10k, 100), real(c.accessShare, 10_000),
            real(c.outflowFTE, 100), real(Signalling.value(.outflowShare, r, byRoad: false), 1000),
            real(c.unregistered, 1), real(Signalling.value(.unregisteredPer1000, r, byRoad: false), 100),
        ]
        row += SignalIndicator.allCases.map { i in s?.lights[i].map { .string($0.rawValue) } ?? .null }
        row += [s.map { .string($0.light.rawValue) } ?? .null, s.flatMap { ranked && $0.rank > 0 ? .integer(Int64($0.rank)) : nil } ?? .null,
                real(s?.urgency, 1000), s.flatMap { $0.reasons.isEmpty ? nil : .string($0.reasons.joined(separator: "; ")) } ?? .null,
                .boolean(c.suppressed)]
        return row
    }

    /// Columns about the practices (not about residents) stay; the rest is null.
    static let keptWhenSuppressed: Set<String> = ["region_id", "name", "designation", "practices", "open_practices",
                                                  "closed_or_partial_share", "gp_fte", "capacity_places", "imputed_fte_share",
                                                  "fte_note", "suppressed"]

    static func suppress(_ row: [FieldValue], fields: [FieldDefinition]) -> [FieldValue] {
        zip(row, fields).map { keptWhenSuppressed.contains($1.name) ? $0 : .null }
    }
}
