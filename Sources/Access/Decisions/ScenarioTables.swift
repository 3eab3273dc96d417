import Geo

/// `changes.csv` (per region), `receiving_practices.csv` and
/// `point_changes.csv` (points whose nearest open practice or distance changes).
enum ScenarioTables {
    static func regions(_ c: ScenarioComparison, regions: [Region]) -> OutputTable {
        var fields = [FieldDefinition("region_id", .string), FieldDefinition("name", .string), FieldDefinition("measure", .string),
                      FieldDefinition("inhabitants", .real), FieldDefinition("mean_m_before", .real),
                      FieldDefinition("mean_m_after", .real), FieldDefinition("delta_mean_m", .real)]
        for m in c.modes {
            fields += [FieldDefinition("mean_min_\(m)_before", .real), FieldDefinition("mean_min_\(m)_after", .real),
                       FieldDefinition("delta_mean_min_\(m)", .real)]
        }
        fields.append(FieldDefinition("displaced_inhabitants", .real))
        fields += c.bandsKm.map { FieldDefinition("pushed_beyond_\(OutputTables.km($0))km", .real) }
        fields += c.bandsKm.map { FieldDefinition("brought_within_\(OutputTables.km($0))km", .real) }
        fields += [FieldDefinition("flagged_before", .boolean), FieldDefinition("flagged_after", .boolean),
                   FieldDefinition("flag_change", .string)]
        let rows = c.regions.map { r -> [FieldValue] in
            let region = regions.isEmpty ? nil : regions[r.regionIndex]
            var row: [FieldValue] = [.string(region?.id ?? "all"), .string(region?.name ?? "Study area"), .string(c.measure),
                                     .real(r.inhabitants.rounded()), DecisionFiles.metres(r.meanBeforeM), DecisionFiles.metres(r.meanAfterM),
                                     DecisionFiles.metres(r.meanAfterM.flatMap { a in r.meanBeforeM.map { a - $0 } })]
            for k in c.modes.indices {
                let b = k < r.meanMinutesBefore.count ? r.meanMinutesBefore[k] : nil
                let a = k < r.meanMinutesAfter.count ? r.meanMinutesAfter[k] : nil
                row += [DecisionFiles.round(b), DecisionFiles.round(a), DecisionFiles.round(a.flatMap { x in b.map { x - $0 } })]
            }
            row.append(.real(r.displaced.rounded()))
            row += r.pushedBeyond.map { .real($0.rounded()) }
            row += r.broughtWithin.map { .real($0.rounded()) }
            let change = r.flaggedBefore == r.flaggedAfter ? "" : (r.flaggedAfter ? "newly flagged" : "no longer flagged")
            row += [.boolean(r.flaggedBefore), .boolean(r.flaggedAfter), change.isEmpty ? .null : .string(change)]
            return row
        }
        return OutputTable(name: "changes", fields: fields, rows: rows, geometries: nil, kind: .none)
    }

    static func receiving(_ c: ScenarioComparison, practices: [Practice]) -> OutputTable {
        OutputTable(
            name: "receiving_practices",
            fields: [FieldDefinition("practice_id", .string), FieldDefinition("name", .string),
                     FieldDefinition("received_inhabitants", .real), FieldDefinition("capacity_places", .real),
                     FieldDefinition("headroom_places", .real), FieldDefinition("headroom_basis", .string),
                     FieldDefinition("shortfall_places", .real)],
            rows: c.receiving.map { r in
                [.string(practices[r.practice].id), .string(practices[r.practice].name), .real(r.received.rounded()),
                 DecisionFiles.round(r.capacity, 1), DecisionFiles.round(r.headroom, 1), .string(r.headroomBasis),
                 DecisionFiles.round(r.shortfall, 1)]
            },
            geometries: nil, kind: .none)
    }

    static func points(_ c: ScenarioComparison, population: [PopulationPoint], before: AccessMeasure, after: AccessMeasure,
                       baselinePractices: [Practice], scenarioPractices: [Practice]) -> OutputTable {
        func id(_ list: [Practice], _ j: Int32) -> FieldValue { j >= 0 ? .string(list[Int(j)].id) : .null }
        let changed = population.indices.filter { before.practice[$0] != after.practice[$0] || (c.deltaM[$0] ?? 0) != 0 }
        return OutputTable(
            name: "point_changes",
            fields: [FieldDefinition("id", .string), FieldDefinition("inhabitants", .real),
                     FieldDefinition("practice_before", .string), FieldDefinition("practice_after", .string),
                     FieldDefinition("open_m_before", .real), FieldDefinition("open_m_after", .real),
                     FieldDefinition("delta_open_m", .real)],
            rows: changed.map { i in
                [.string(population[i].id), .real(population[i].inhabitants), id(baselinePractices, before.practice[i]),
                 id(scenarioPractices, after.practice[i]), DecisionFiles.metres(before.metres[i]),
                 DecisionFiles.metres(after.metres[i]), DecisionFiles.metres(c.deltaM[i])]
            },
            geometries: changed.map { .point(population[$0].location) }, kind: .point)
    }
}
