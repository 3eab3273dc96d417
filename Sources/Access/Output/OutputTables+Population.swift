import Geo

extension OutputTables {
    /// The columns of `population.geojson`; a row is a population point's index.
    static func populationColumns(result: AnalysisResult, population pop: [PopulationPoint], practices prac: [Practice],
                                  regions reg: [Region]) -> [OutputColumn<Int>] {
        typealias C = PopulationColumn
        typealias Column = OutputColumn<Int>
        func id(_ i: PracticeIndex?) -> String? { i.map { prac[$0.index].id } }
        let a = result.points
        var columns: [Column] = [
            .text(C.id) { pop[$0].id },
            .number(C.inhabitants, .inhabitants, decimals: nil) { pop[$0].inhabitants },
            .number(C.inhabitants65plus, .inhabitants, decimals: nil) { pop[$0].inhabitants65plus },
            .text(C.regionID) { a[$0].region.flatMap { $0.index < reg.count ? reg[$0].id : nil } },
            .text(C.nearestPracticeID) { id(a[$0].nearestPractice) },
            .number(C.nearestPracticeM, .metres, decimals: 1) { a[$0].nearestPracticeM },
        ]
        // Eligible rule: the `open` columns keep the fully open practices (no
        // patient stop); the eligible ones ("will take this point") follow.
        if let fullyOpen = result.fullyOpen {
            columns += [
                .text(C.nearestOpenPracticeID) { id(fullyOpen[$0].first) },
                .number(C.nearestOpenPracticeM, .metres, decimals: 1) { fullyOpen[$0].firstM },
                .text(C.secondOpenPracticeID) { id(fullyOpen[$0].second) },
                .number(C.secondOpenPracticeM, .metres, decimals: 1) { fullyOpen[$0].secondM },
                .text(C.nearestEligiblePracticeID) { id(a[$0].nearestOpen) },
                .number(C.nearestEligibleM, .metres, decimals: 1) { a[$0].nearestOpenM },
            ]
        } else {
            columns += [
                .text(C.nearestOpenPracticeID) { id(a[$0].nearestOpen) },
                .number(C.nearestOpenPracticeM, .metres, decimals: 1) { a[$0].nearestOpenM },
                .text(C.secondOpenPracticeID) { id(a[$0].secondOpen) },
                .number(C.secondOpenPracticeM, .metres, decimals: 1) { a[$0].secondOpenM },
            ]
        }
        if let road = result.road {
            if let fullyOpen = road.fullyOpen {
                columns += [
                    .text(C.roadPracticeID) { id(fullyOpen[$0].first) },
                    .number(C.roadM, .metres, decimals: 1) { fullyOpen[$0].firstM },
                    .text(C.roadSecondPracticeID) { id(fullyOpen[$0].second) },
                    .number(C.roadSecondM, .metres, decimals: 1) { fullyOpen[$0].secondM },
                    .text(C.roadEligiblePracticeID) { id(road.roadPractice[$0]) },
                    .number(C.roadEligibleM, .metres, decimals: 1) { road.roadM[$0] },
                ]
            } else {
                columns += [
                    .text(C.roadPracticeID) { id(road.roadPractice[$0]) },
                    .number(C.roadM, .metres, decimals: 1) { road.roadM[$0] },
                    .text(C.roadSecondPracticeID) { id(road.roadSecondPractice[$0]) },
                    .number(C.roadSecondM, .metres, decimals: 1) { road.roadSecondM[$0] },
                ]
            }
            columns.append(.number(C.snapM, .metres, decimals: 1) { road.snapM[$0] })
            for (k, mode) in road.modes.enumerated() {
                columns += [
                    .number(C.roadMinutes(mode.name), .minutes, decimals: 2) { road.minutes[k][$0] },
                    .text(C.roadPracticeID(mode.name)) { id(road.minutesPractice[k][$0]) },
                ]
            }
        }
        if let capacity = result.capacity {
            columns.append(.number(C.fcaPer10k, .per10k, decimals: 3) { capacity.fcaPer10k[$0] })
        }
        return columns
    }
}
