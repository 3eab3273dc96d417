import Geo

extension OutputTables {
    /// The columns of `population.geojson`; a row is a population point's index.
    static func populationColumns(result: AnalysisResult, population pop: [PopulationPoint], practices prac: [Practice],
                                  regions reg: [Region]) -> [OutputColumn<Int>] {
        typealias C = PopulationColumn
        typealias Column = OutputColumn<Int>
        // Ids are looked up and formatted once per practice or region, not per row.
        let practiceIDs = prac.map(\.id)
        let a = result.points
        var columns: [Column] = [
            .text(C.id) { pop[$0].id },
            .number(C.inhabitants, .inhabitants, decimals: nil) { pop[$0].inhabitants },
            .number(C.inhabitants65plus, .inhabitants, decimals: nil) { pop[$0].inhabitants65plus },
            .text(C.regionID, oneOf: reg.map(\.id)) { a[$0].region?.index },
            .text(C.nearestPracticeID, oneOf: practiceIDs) { a[$0].nearestPractice?.index },
            .number(C.nearestPracticeM, .metres, decimals: 1) { a[$0].nearestPracticeM },
        ]
        // Eligible rule: the `open` columns keep the fully open practices (no
        // patient stop); the eligible ones ("will take this point") follow.
        if let fullyOpen = result.fullyOpen {
            columns += [
                .text(C.nearestOpenPracticeID, oneOf: practiceIDs) { fullyOpen[$0].first?.index },
                .number(C.nearestOpenPracticeM, .metres, decimals: 1) { fullyOpen[$0].firstM },
                .text(C.secondOpenPracticeID, oneOf: practiceIDs) { fullyOpen[$0].second?.index },
                .number(C.secondOpenPracticeM, .metres, decimals: 1) { fullyOpen[$0].secondM },
                .text(C.nearestEligiblePracticeID, oneOf: practiceIDs) { a[$0].nearestOpen?.index },
                .number(C.nearestEligibleM, .metres, decimals: 1) { a[$0].nearestOpenM },
            ]
        } else {
            columns += [
                .text(C.nearestOpenPracticeID, oneOf: practiceIDs) { a[$0].nearestOpen?.index },
                .number(C.nearestOpenPracticeM, .metres, decimals: 1) { a[$0].nearestOpenM },
                .text(C.secondOpenPracticeID, oneOf: practiceIDs) { a[$0].secondOpen?.index },
                .number(C.secondOpenPracticeM, .metres, decimals: 1) { a[$0].secondOpenM },
            ]
        }
        if let road = result.road {
            if let fullyOpen = road.fullyOpen {
                columns += [
                    .text(C.roadPracticeID, oneOf: practiceIDs) { fullyOpen[$0].first?.index },
                    .number(C.roadM, .metres, decimals: 1) { fullyOpen[$0].firstM },
                    .text(C.roadSecondPracticeID, oneOf: practiceIDs) { fullyOpen[$0].second?.index },
                    .number(C.roadSecondM, .metres, decimals: 1) { fullyOpen[$0].secondM },
                    .text(C.roadEligiblePracticeID, oneOf: practiceIDs) { road.roadPractice[$0]?.index },
                    .number(C.roadEligibleM, .metres, decimals: 1) { road.roadM[$0] },
                ]
            } else {
                columns += [
                    .text(C.roadPracticeID, oneOf: practiceIDs) { road.roadPractice[$0]?.index },
                    .number(C.roadM, .metres, decimals: 1) { road.roadM[$0] },
                    .text(C.roadSecondPracticeID, oneOf: practiceIDs) { road.roadSecondPractice[$0]?.index },
                    .number(C.roadSecondM, .metres, decimals: 1) { road.roadSecondM[$0] },
                ]
            }
            columns.append(.number(C.snapM, .metres, decimals: 1) { road.snapM[$0] })
            for (k, mode) in road.modes.enumerated() {
                columns += [
                    .number(C.roadMinutes(mode.name), .minutes, decimals: 2) { road.minutes[k][$0] },
                    .text(C.roadPracticeID(mode.name), oneOf: practiceIDs) { road.minutesPractice[k][$0]?.index },
                ]
            }
        }
        if let capacity = result.capacity {
            columns.append(.number(C.fcaPer10k, .per10k, decimals: 3) { capacity.fcaPer10k[$0] })
        }
        return columns
    }
}
