import Geo

/// `changes.csv` (per region), `receiving_practices.csv` and
/// `point_changes.csv` (points whose nearest open practice or distance
/// changes), each from its column spec.
public enum ScenarioTables {
    public static let changesFileName = "changes.csv"
    public static let receivingFileName = "receiving_practices.csv"
    public static let pointChangesFileName = "point_changes.csv"

    static func regions(_ c: ScenarioComparison, regions: [Region]) -> OutputTable {
        typealias Column = OutputColumn<ScenarioComparison.RegionChange>
        typealias S = ScenarioColumn
        func region(_ r: ScenarioComparison.RegionChange) -> Region? { regions.isEmpty ? nil : regions[r.regionIndex] }
        func minutes(_ list: [Double?], _ k: Int) -> Double? { k < list.count ? list[k] : nil }
        var columns: [Column] = [
            .text(S.regionID) { region($0)?.id ?? "all" },
            .text(S.name) { region($0)?.name ?? "Study area" },
            .text(S.measure) { _ in c.measure },
            .number(S.inhabitants, .inhabitants, decimals: 0) { $0.inhabitants },
            .number(S.meanMBefore, .metres, decimals: 1) { $0.meanBeforeM },
            .number(S.meanMAfter, .metres, decimals: 1) { $0.meanAfterM },
            .number(S.deltaMeanM, .metres, decimals: 1) { r in r.meanAfterM.flatMap { a in r.meanBeforeM.map { a - $0 } } },
        ]
        for (k, m) in c.modes.enumerated() {
            columns += [
                .number(S.meanMinutesBefore(m), .minutes, decimals: 2) { minutes($0.meanMinutesBefore, k) },
                .number(S.meanMinutesAfter(m), .minutes, decimals: 2) { minutes($0.meanMinutesAfter, k) },
                .number(S.deltaMeanMinutes(m), .minutes, decimals: 2) { r in
                    minutes(r.meanMinutesAfter, k).flatMap { a in minutes(r.meanMinutesBefore, k).map { a - $0 } }
                },
            ]
        }
        columns.append(.number(S.displacedInhabitants, .inhabitants, decimals: 0) { $0.displaced })
        columns += c.bandsKm.indices.map { b in .number(S.pushedBeyond(km: c.bandsKm[b]), .inhabitants, decimals: 0) { $0.pushedBeyond[b] } }
        columns += c.bandsKm.indices.map { b in .number(S.broughtWithin(km: c.bandsKm[b]), .inhabitants, decimals: 0) { $0.broughtWithin[b] } }
        columns += [
            .flag(S.flaggedBefore) { $0.flaggedBefore },
            .flag(S.flaggedAfter) { $0.flaggedAfter },
            .text(S.flagChange) { r in r.flaggedBefore == r.flaggedAfter ? nil : (r.flaggedAfter ? "newly flagged" : "no longer flagged") },
        ]
        return OutputTable(name: "changes", columns: columns, rows: c.regions, geometries: nil, kind: .none)
    }

    static func receiving(_ c: ScenarioComparison, practices: [Practice]) -> OutputTable {
        typealias R = ReceivingColumn
        let columns: [OutputColumn<ScenarioComparison.Receiving>] = [
            .text(R.practiceID) { practices[$0.practice].id },
            .text(R.name) { practices[$0.practice].name },
            .number(R.receivedInhabitants, .inhabitants, decimals: 0) { $0.received },
            .number(R.capacityPlaces, .places, decimals: 0) { $0.capacity },
            .number(R.headroomPlaces, .places, decimals: 0) { $0.headroom },
            .text(R.headroomBasis) { $0.headroomBasis },
            .number(R.shortfallPlaces, .places, decimals: 0) { $0.shortfall },
        ]
        return OutputTable(name: "receiving_practices", columns: columns, rows: c.receiving, geometries: nil, kind: .none)
    }

    static func points(_ c: ScenarioComparison, population: [PopulationPoint], before: AccessMeasure, after: AccessMeasure,
                       baselinePractices: [Practice], scenarioPractices: [Practice]) -> OutputTable {
        typealias P = PointChangeColumn
        func id(_ list: [Practice], _ j: PracticeIndex?) -> String? { j.map { list[$0].id } }
        let changed = population.indices.filter { before.practice[$0] != after.practice[$0] || (c.deltaM[$0] ?? 0) != 0 }
        let columns: [OutputColumn<Int>] = [
            .text(P.id) { population[$0].id },
            .number(P.inhabitants, .inhabitants, decimals: nil) { population[$0].inhabitants },
            .text(P.practiceBefore) { id(baselinePractices, before.practice[$0]) },
            .text(P.practiceAfter) { id(scenarioPractices, after.practice[$0]) },
            .number(P.openMBefore, .metres, decimals: 1) { before.metres[$0] },
            .number(P.openMAfter, .metres, decimals: 1) { after.metres[$0] },
            .number(P.deltaOpenM, .metres, decimals: 1) { c.deltaM[$0] },
        ]
        return OutputTable(name: "point_changes", columns: columns, rows: changed,
                           geometries: changed.map { .point(population[$0].location) }, kind: .point)
    }
}
