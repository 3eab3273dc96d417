import Foundation
import Geo

/// The rows of the output contract, built from an analysis result. Distances
/// in metres with one decimal, shares in 0–1, times in minutes.
public struct OutputTables {
    public var population: OutputTable
    var regions: OutputTable
    var practices: OutputTable

    public init(result: AnalysisResult, population pop: [PopulationPoint], practices prac: [Practice], regions reg: [Region]) {
        func metres(_ d: Double) -> FieldValue { d.isFinite ? .real((d * 10).rounded() / 10) : .null }
        func id(_ i: Int32) -> FieldValue { i >= 0 ? .string(prac[Int(i)].id) : .null }
        func regionID(_ r: Int32) -> FieldValue { r >= 0 && r < reg.count ? .string(reg[Int(r)].id) : .null }
        func optional(_ d: Double?, digits: Double = 10) -> FieldValue { d.map { .real(($0 * digits).rounded() / digits) } ?? .null }

        population = OutputTable(
            name: "population",
            fields: [FieldDefinition("id", .string), FieldDefinition("inhabitants", .real),
                     FieldDefinition("inhabitants_65plus", .real), FieldDefinition("region_id", .string),
                     FieldDefinition("nearest_practice_id", .string), FieldDefinition("nearest_practice_m", .real),
                     FieldDefinition("nearest_open_practice_id", .string), FieldDefinition("nearest_open_practice_m", .real),
                     FieldDefinition("second_open_practice_id", .string), FieldDefinition("second_open_practice_m", .real)],
            rows: zip(pop, result.points).map { p, a in
                [.string(p.id), .real(p.inhabitants), p.inhabitants65plus.map { .real($0) } ?? .null, regionID(a.region),
                 id(a.nearestPractice), metres(a.nearestPracticeM), id(a.nearestOpen), metres(a.nearestOpenM),
                 id(a.secondOpen), metres(a.secondOpenM)]
            },
            geometries: pop.map { .point($0.location) }, kind: .point)
        // Eligible rule: the `open` columns keep the fully open practices (no
        // patient stop); the eligible ones ("will take this point") follow.
        if let fullyOpen = result.fullyOpen {
            population.fields += [FieldDefinition("nearest_eligible_practice_id", .string), FieldDefinition("nearest_eligible_m", .real)]
            for i in population.rows.indices {
                let o = fullyOpen[i], a = result.points[i]
                population.rows[i].replaceSubrange(6..<10, with: [id(o.first), metres(o.firstM), id(o.second), metres(o.secondM)])
                population.rows[i] += [id(a.nearestOpen), metres(a.nearestOpenM)]
            }
        }
        if let road = result.road {
            func minutes(_ m: Double) -> FieldValue { m.isFinite ? .real((m * 100).rounded() / 100) : .null }
            population.fields += [FieldDefinition("road_practice_id", .string), FieldDefinition("road_m", .real),
                                  FieldDefinition("road_second_practice_id", .string), FieldDefinition("road_second_m", .real)]
            if road.fullyOpen != nil {
                population.fields += [FieldDefinition("road_eligible_practice_id", .string), FieldDefinition("road_eligible_m", .real)]
            }
            population.fields.append(FieldDefinition("snap_m", .real))
            population.fields += road.modes.flatMap { [FieldDefinition("road_min_\($0.name)", .real), FieldDefinition("road_\($0.name)_practice_id", .string)] }
            for i in population.rows.indices {
                if let o = road.fullyOpen?[i] {
                    population.rows[i] += [id(o.first), metres(o.firstM), id(o.second), metres(o.secondM),
                                           id(road.roadPractice[i]), metres(road.roadM[i])]
                } else {
                    population.rows[i] += [id(road.roadPractice[i]), metres(road.roadM[i]), id(road.roadSecondPractice[i]),
                                           metres(road.roadSecondM[i])]
                }
                population.rows[i].append(metres(road.snapM[i]))
                population.rows[i] += road.modes.indices.flatMap { k in [minutes(road.minutes[k][i]), id(road.minutesPractice[k][i])] }
            }
        }

        if let capacity = result.capacity {
            population.fields.append(FieldDefinition("fca_per_10k", .real))
            for i in population.rows.indices { population.rows[i].append(optional(capacity.fcaPer10k[i], digits: 1000)) }
        }

        let bands = result.parameters.bandsKm
        var regionFields = [FieldDefinition("region_id", .string), FieldDefinition("name", .string),
                            FieldDefinition("designation", .string), FieldDefinition("inhabitants", .real),
                            FieldDefinition("inhabitants_65plus_share", .real), FieldDefinition("population_points", .integer),
                            FieldDefinition("practices", .integer), FieldDefinition("open_practices", .integer),
                            FieldDefinition("closed_or_partial_share", .real),
                            FieldDefinition("mean_open_m", .real), FieldDefinition("median_open_m", .real),
                            FieldDefinition("p90_open_m", .real), FieldDefinition("max_open_m", .real),
                            FieldDefinition("mean_any_m", .real), FieldDefinition("open_gap_m", .real)]
        regionFields += bands.map { FieldDefinition("share_within_\(Self.km($0))km", .real) }
        let roadModes = result.road?.modes ?? []
        if result.road != nil {
            regionFields += [FieldDefinition("mean_road_m", .real), FieldDefinition("p90_road_m", .real),
                             FieldDefinition("road_unreachable_inhabitants", .real), FieldDefinition("road_unreachable_share", .real)]
            regionFields += bands.map { FieldDefinition("share_within_\(Self.km($0))km_road", .real) }
            for mode in roadModes {
                regionFields.append(FieldDefinition("mean_min_\(mode.name)", .real))
                regionFields += result.parameters.roadOptions.bands(mode).map { FieldDefinition("share_within_\(Self.km($0))min_\(mode.name)", .real) }
            }
        }
        let eligibleColumns = result.fullyOpen != nil
        if eligibleColumns { regionFields.append(FieldDefinition("inhabitants_without_eligible_within_flag", .real)) }
        regionFields += [FieldDefinition("gp_fte", .real), FieldDefinition("gp_fte_per_10k", .real),
                         FieldDefinition("flagged", .boolean), FieldDefinition("flag_reasons", .string)]
        regionFields += RegionCapacityColumns.fields
        let studyArea = reg.isEmpty
        /// `label`: id and name of a row that is not a region (the study area).
        func regionRow(_ r: RegionAccess, label: (id: String, name: String)?) -> [FieldValue] {
                let region = label != nil || studyArea ? nil : reg[r.regionIndex]
                let name = label ?? ("all", "Study area")
                var row: [FieldValue] = [
                    .string(region?.id ?? name.id), .string(region?.name ?? name.name),
                    region?.designation.map { .string($0) } ?? .null, .real(r.inhabitants.rounded()),
                    r.inhabitants65plus.map { r.inhabitants > 0 ? .real(($0 / r.inhabitants * 1000).rounded() / 1000) : .null } ?? .null,
                    .integer(Int64(r.points)), .integer(Int64(r.practices)), .integer(Int64(r.openPractices)),
                    r.practices > 0 ? .real((Double(r.closedOrPartialPractices) / Double(r.practices) * 1000).rounded() / 1000) : .null,
                    optional(r.meanOpenM), optional(r.medianOpenM), optional(r.p90OpenM), optional(r.maxOpenM),
                    optional(r.meanAnyM),
                    optional(r.meanOpenM.flatMap { open in r.meanAnyM.map { open - $0 } }),
                ]
                func shares(_ values: [Double], count: Int) -> [FieldValue] {
                    values.isEmpty ? Array(repeating: .null, count: count) : values.map { .real(($0 * 10_000).rounded() / 10_000) }
                }
                row += shares(r.shareWithin, count: bands.count)
                if result.road != nil {
                    row += [optional(r.meanRoadM), optional(r.p90RoadM), .real(r.roadUnreachableInhabitants.rounded()),
                            optional(r.roadUnreachableShare, digits: 10_000)]
                    row += shares(r.shareWithinByRoad, count: bands.count)
                    for (k, mode) in roadModes.enumerated() {
                        row.append(k < r.meanMinutes.count ? optional(r.meanMinutes[k], digits: 100) : .null)
                        row += shares(k < r.shareWithinMinutes.count ? r.shareWithinMinutes[k] : [],
                                      count: result.parameters.roadOptions.bands(mode).count)
                    }
                }
                if eligibleColumns { row.append(r.inhabitantsWithoutEligibleWithinFlag.map { .real($0.rounded()) } ?? .null) }
                row += [optional(r.gpFTE, digits: 100), optional(r.gpFTEPer10k, digits: 100),
                        .boolean(r.flagged), r.flagReasons.isEmpty ? .null : .string(r.flagReasons.joined(separator: "; "))]
                row += RegionCapacityColumns.values(r, ranked: label == nil)
                return r.capacity.suppressed ? RegionCapacityColumns.suppress(row, fields: regionFields) : row
        }
        var regionRows = result.regions.map { regionRow($0, label: nil) }
        var regionGeometries: [Geometry?] = result.regions.map { studyArea ? nil : Self.multi(reg[$0.regionIndex].geometry) }
        if let total = result.regionsTotal {
            regionRows.append(regionRow(total, label: Self.totalLabel(reg)))
            regionGeometries.append(nil)
        }
        regions = OutputTable(name: "regions", fields: regionFields, rows: regionRows, geometries: regionGeometries, kind: .multiPolygon)

        practices = OutputTable(
            name: "practices",
            fields: [FieldDefinition("id", .string), FieldDefinition("name", .string), FieldDefinition("status", .string),
                     FieldDefinition("counts_as_open", .boolean), FieldDefinition("status_date", .string),
                     FieldDefinition("status_source", .string), FieldDefinition("gp_fte", .real),
                     FieldDefinition("list_size", .integer), FieldDefinition("capacity_places", .real),
                     FieldDefinition("headroom_places", .real), FieldDefinition("assigned_inhabitants", .real),
                     FieldDefinition("assigned_per_fte", .real), FieldDefinition("criticality_inhabitants", .real),
                     FieldDefinition("criticality_extra_km", .real), FieldDefinition("region_id", .string),
                     FieldDefinition("criticality_rank", .integer), FieldDefinition("fte_basis", .string),
                     FieldDefinition("geocode_precision", .string),
                     FieldDefinition("receiving_risk_inhabitants", .real), FieldDefinition("receiving_risk_rank", .integer)],
            rows: zip(prac, result.practices).map { p, a in
                [.string(p.id), .string(p.name), .string(p.status.rawValue), .boolean(a.isOpen),
                 p.statusDate.map { .string($0) } ?? .null, p.statusSource.map { .string($0) } ?? .null,
                 p.gpFTE.map { .real($0) } ?? .null, p.listSize.map { .integer(Int64($0)) } ?? .null,
                 optional(a.capacityPlaces, digits: 1), optional(a.headroomPlaces, digits: 1),
                 .real(a.assignedInhabitants.rounded()),
                 a.isOpen ? optional(p.gpFTE.flatMap { $0 > 0 ? a.assignedInhabitants / $0 : nil }, digits: 1) : .null,
                 .real(a.criticalityInhabitants.rounded()), optional(a.criticalityExtraKm, digits: 100),
                 regionID(a.region), a.criticalityRank.map { .integer(Int64($0)) } ?? .null,
                 .string(Self.fteBasis(p, result.parameters)), .string(p.geocodePrecision.rawValue),
                 .real(a.receivingRiskInhabitants.rounded()), a.receivingRiskRank.map { .integer(Int64($0)) } ?? .null]
            },
            geometries: prac.map { .point($0.location) }, kind: .point)
    }

    static func catchments(_ list: [Catchment], method: CatchmentMethod, practices: [Practice]) -> OutputTable {
        OutputTable(
            name: "catchments",
            fields: [FieldDefinition("practice_id", .string), FieldDefinition("practice_ids", .string),
                     FieldDefinition("name", .string), FieldDefinition("method", .string),
                     FieldDefinition("inhabitants", .real), FieldDefinition("gp_fte", .real),
                     FieldDefinition("inhabitants_per_fte", .real)],
            rows: list.map { c in
                let fte = c.practices.compactMap { practices[$0].gpFTE }
                let total: Double? = fte.isEmpty ? nil : fte.reduce(0, +)
                return [.string(practices[c.practices[0]].id),
                        .string(c.practices.map { practices[$0].id }.joined(separator: ";")),
                        .string(c.practices.map { practices[$0].name }.joined(separator: "; ")),
                        .string(c.eligibleOnly ? "eligible area" : method.rawValue), .real(c.inhabitants.rounded()),
                        total.map { .real(($0 * 100).rounded() / 100) } ?? .null,
                        total.flatMap { $0 > 0 ? .real((c.inhabitants / $0).rounded()) : nil } ?? .null]
            },
            geometries: list.map { multi($0.geometry) }, kind: .multiPolygon)
    }

    /// Regions are written as MultiPolygons so every layer has one type.
    static func multi(_ g: Geometry) -> Geometry {
        if case .polygon(let rings) = g { return .multiPolygon([rings]) }
        return g
    }

    /// A band in a column name: `5`, `2_5`; absurd values stay readable
    /// (`1e+300` → `1e300`) instead of trapping.
    static func km(_ x: Double) -> String {
        if let i = SafeNumber.int(x), Double(i) == x { return String(i) }
        return String(x).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "+", with: "")
    }

    /// The study-area total row: `total` (or `total_study_area` when a region
    /// already has the id `total`), without geometry.
    static func totalLabel(_ regions: [Region]) -> (id: String, name: String) {
        let id = regions.contains { $0.id == "total" } ? "total_study_area" : "total"
        return (id, "Study area total (all population points, also outside the regions)")
    }

    /// Where a practice's FTE comes from.
    static func fteBasis(_ p: Practice, _ parameters: AnalysisParameters) -> String {
        if p.gpFTE != nil { return "practice list" }
        guard parameters.defaultFTE != nil else { return FTEDefault.noFTEReason }
        return parameters.defaultFTERule == .option ? "--default-fte" : FTEDefault.Rule.median.rawValue
    }
}
