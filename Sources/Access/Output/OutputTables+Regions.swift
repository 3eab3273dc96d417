import Geo

/// One row of `regions.*` / `groups.*`: a region's indicators, or the
/// study-area total (`region` nil, `label` its id and name).
struct RegionRow {
    var access: RegionAccess
    var region: Region?
    var label: (id: String, name: String)
    /// False for the study-area total, which has no urgency rank.
    var ranked: Bool
}

extension OutputTables {
    /// The columns of `regions.*`; a row whose statistics are suppressed
    /// (too few inhabitants) keeps only the columns about its practices.
    static func regionColumns(result: AnalysisResult) -> [OutputColumn<RegionRow>] {
        typealias C = RegionColumn
        typealias Column = OutputColumn<RegionRow>
        let bands = result.parameters.bandsKm
        /// The `k`th of `values`, nil when there are none (no points).
        func nth(_ values: [Double], _ k: Int) -> Double? { k < values.count ? values[k] : nil }
        var columns: [Column] = [
            .text(C.regionID) { $0.region?.id ?? $0.label.id },
            .text(C.name) { $0.region?.name ?? $0.label.name },
            .text(C.designation) { $0.region?.designation },
            .number(C.inhabitants, .inhabitants, decimals: 0) { $0.access.inhabitants },
            .number(C.inhabitants65plusShare, .share, decimals: 3) { row in
                let r = row.access
                return r.inhabitants65plus.flatMap { r.inhabitants > 0 ? $0 / r.inhabitants : nil }
            },
            .count(C.populationPoints) { $0.access.points },
            .count(C.practices) { $0.access.practices },
            .count(C.openPractices) { $0.access.openPractices },
            .number(C.closedOrPartialShare, .share, decimals: 3) { row in
                let r = row.access
                return r.practices > 0 ? Double(r.closedOrPartialPractices) / Double(r.practices) : nil
            },
            .number(C.meanOpenM, .metres, decimals: 1) { $0.access.meanOpenM },
            .number(C.medianOpenM, .metres, decimals: 1) { $0.access.medianOpenM },
            .number(C.p90OpenM, .metres, decimals: 1) { $0.access.p90OpenM },
            .number(C.maxOpenM, .metres, decimals: 1) { $0.access.maxOpenM },
            .number(C.meanAnyM, .metres, decimals: 1) { $0.access.meanAnyM },
            .number(C.openGapM, .metres, decimals: 1) { row in
                row.access.meanOpenM.flatMap { open in row.access.meanAnyM.map { open - $0 } }
            },
        ]
        columns += bands.enumerated().map { k, km in
            .number(C.shareWithin(km: km), .share, decimals: 4) { nth($0.access.shareWithin, k) }
        }
        if let road = result.road {
            columns += [
                .number(C.meanRoadM, .metres, decimals: 1) { $0.access.meanRoadM },
                .number(C.p90RoadM, .metres, decimals: 1) { $0.access.p90RoadM },
                .number(C.roadUnreachableInhabitants, .inhabitants, decimals: 0) { $0.access.roadUnreachableInhabitants },
                .number(C.roadUnreachableShare, .share, decimals: 4) { $0.access.roadUnreachableShare },
            ]
            columns += bands.enumerated().map { k, km in
                .number(C.shareWithinByRoad(km: km), .share, decimals: 4) { nth($0.access.shareWithinByRoad, k) }
            }
            for (m, mode) in road.modes.enumerated() {
                columns.append(.number(C.meanMinutes(mode.name), .minutes, decimals: 2) { row in
                    m < row.access.meanMinutes.count ? row.access.meanMinutes[m] : nil
                })
                columns += result.parameters.roadOptions.bands(mode).enumerated().map { k, minutes in
                    .number(C.shareWithin(minutes: minutes, mode: mode.name), .share, decimals: 4) { row in
                        m < row.access.shareWithinMinutes.count ? nth(row.access.shareWithinMinutes[m], k) : nil
                    }
                }
            }
        }
        if result.fullyOpen != nil {
            columns.append(.number(C.inhabitantsWithoutEligibleWithinFlag, .inhabitants, decimals: 0) {
                $0.access.inhabitantsWithoutEligibleWithinFlag
            })
        }
        columns += [
            .number(C.gpFTE, .fte, decimals: 2) { $0.access.gpFTE },
            .number(C.gpFTEPer10k, .per10k, decimals: 2) { $0.access.gpFTEPer10k },
            .flag(C.flagged) { $0.access.flagged },
            .text(C.flagReasons) { $0.access.flagReasons.isEmpty ? nil : $0.access.flagReasons.joined(separator: "; ") },
        ]
        columns += capacityColumns
        return columns.map { column in
            C.keptWhenSuppressed.contains(column.name) ? column : column.null { $0.access.capacity.suppressed }
        }
    }

    /// The capacity and signalling columns of a region.
    static var capacityColumns: [OutputColumn<RegionRow>] {
        typealias C = RegionColumn
        var columns: [OutputColumn<RegionRow>] = [
            .number(C.capacityPlaces, .places, decimals: 0) { $0.access.capacity.capacityPlaces },
            .number(C.shortfallPlaces, .places, decimals: 0) { $0.access.capacity.shortfallPlaces },
            .number(C.imputedFTEShare, .share, decimals: 3) { $0.access.capacity.imputedFTEShare },
            .text(C.fteNote) { $0.access.capacity.fteUnknown ? FTEDefault.noFTEReason : nil },
            .number(C.fcaPer10k, .per10k, decimals: 2) { $0.access.capacity.fcaPer10k },
            .number(C.accessShare, .share, decimals: 4) { $0.access.capacity.accessShare },
            .number(C.outflowFTE5y, .fte, decimals: 2) { $0.access.capacity.outflowFTE },
            .number(C.outflowShare, .share, decimals: 3) { Signalling.value(.outflowShare, $0.access, byRoad: false) },
            .number(C.unregistered, .inhabitants, decimals: 0) { $0.access.capacity.unregistered },
            .number(C.unregisteredPer1000, .per1000, decimals: 2) { Signalling.value(.unregisteredPer1000, $0.access, byRoad: false) },
        ]
        columns += SignalIndicator.allCases.map { i in .text(C.light(i)) { $0.access.capacity.signal?.lights[i]?.rawValue } }
        columns += [
            .text(C.light) { $0.access.capacity.signal?.light.rawValue },
            .count(C.urgencyRank) { row in row.access.capacity.signal.flatMap { row.ranked && $0.rank > 0 ? $0.rank : nil } },
            .number(C.urgencyScore, .score, decimals: 3) { $0.access.capacity.signal?.urgency },
            .text(C.reasons) { row in row.access.capacity.signal.flatMap { $0.reasons.isEmpty ? nil : $0.reasons.joined(separator: "; ") } },
            .flag(C.suppressed) { $0.access.capacity.suppressed },
        ]
        return columns
    }
}
