import Geo

extension OutputTables {
    /// The columns of `practices.geojson`; a row is a practice's index.
    static func practiceColumns(result: AnalysisResult, practices prac: [Practice], regions reg: [Region]) -> [OutputColumn<Int>] {
        typealias C = PracticeColumn
        let a = result.practices, parameters = result.parameters
        return [
            .text(C.id) { prac[$0].id },
            .text(C.name) { prac[$0].name },
            .text(C.status) { prac[$0].status.rawValue },
            .flag(C.countsAsOpen) { a[$0].isOpen },
            .text(C.statusDate) { prac[$0].statusDate },
            .text(C.statusSource) { prac[$0].statusSource },
            .number(C.gpFTE, .fte, decimals: nil) { prac[$0].gpFTE },
            .count(C.listSize) { prac[$0].listSize },
            .number(C.capacityPlaces, .places, decimals: 0) { a[$0].capacityPlaces },
            .number(C.headroomPlaces, .places, decimals: 0) { a[$0].headroomPlaces },
            .number(C.assignedInhabitants, .inhabitants, decimals: 0) { a[$0].assignedInhabitants },
            .number(C.assignedPerFTE, .inhabitants, decimals: 0) { i in
                a[i].isOpen ? prac[i].gpFTE.flatMap { $0 > 0 ? a[i].assignedInhabitants / $0 : nil } : nil
            },
            .number(C.criticalityInhabitants, .inhabitants, decimals: 0) { a[$0].criticalityInhabitants },
            .number(C.criticalityExtraKm, .kilometres, decimals: 2) { a[$0].criticalityExtraKm },
            .text(C.regionID) { a[$0].region.flatMap { $0.index < reg.count ? reg[$0].id : nil } },
            .count(C.criticalityRank) { a[$0].criticalityRank },
            .text(C.fteBasis) { fteBasis(prac[$0], parameters) },
            .text(C.geocodePrecision) { prac[$0].geocodePrecision.rawValue },
            .number(C.receivingRiskInhabitants, .inhabitants, decimals: 0) { a[$0].receivingRiskInhabitants },
            .count(C.receivingRiskRank) { a[$0].receivingRiskRank },
        ]
    }

    /// The columns of `catchments.geojson`.
    static func catchmentColumns(method: CatchmentMethod, practices: [Practice]) -> [OutputColumn<Catchment>] {
        typealias C = CatchmentColumn
        func fte(_ c: Catchment) -> Double? {
            let fte = c.practices.compactMap { practices[$0].gpFTE }
            return fte.isEmpty ? nil : fte.reduce(0, +)
        }
        return [
            .text(C.practiceID) { practices[$0.practices[0]].id },
            .text(C.practiceIDs) { $0.practices.map { practices[$0].id }.joined(separator: ";") },
            .text(C.name) { $0.practices.map { practices[$0].name }.joined(separator: "; ") },
            .text(C.method) { $0.eligibleOnly ? "eligible area" : method.rawValue },
            .number(C.inhabitants, .inhabitants, decimals: 0) { $0.inhabitants },
            .number(C.gpFTE, .fte, decimals: 2) { fte($0) },
            .number(C.inhabitantsPerFTE, .inhabitants, decimals: 0) { c in fte(c).flatMap { $0 > 0 ? c.inhabitants / $0 : nil } },
        ]
    }
}
