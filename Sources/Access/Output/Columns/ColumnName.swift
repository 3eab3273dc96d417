/// The name of a column of the output contract. The writers' column specs
/// and every reader (Maps, the viewer, the report) use the same named
/// columns (`PopulationColumn`, `RegionColumn`, …), never a literal.
public struct ColumnName: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    init(_ text: String) { self.text = text }

    public var description: String { text }
}

/// The columns of `population.geojson` (one feature per population point).
public enum PopulationColumn {
    public static let id = ColumnName("id")
    public static let inhabitants = ColumnName("inhabitants")
    public static let inhabitants65plus = ColumnName("inhabitants_65plus")
    public static let regionID = ColumnName("region_id")
    public static let nearestPracticeID = ColumnName("nearest_practice_id")
    public static let nearestPracticeM = ColumnName("nearest_practice_m")
    public static let nearestOpenPracticeID = ColumnName("nearest_open_practice_id")
    public static let nearestOpenPracticeM = ColumnName("nearest_open_practice_m")
    public static let secondOpenPracticeID = ColumnName("second_open_practice_id")
    public static let secondOpenPracticeM = ColumnName("second_open_practice_m")
    public static let nearestEligiblePracticeID = ColumnName("nearest_eligible_practice_id")
    public static let nearestEligibleM = ColumnName("nearest_eligible_m")
    public static let roadPracticeID = ColumnName("road_practice_id")
    public static let roadM = ColumnName("road_m")
    public static let roadSecondPracticeID = ColumnName("road_second_practice_id")
    public static let roadSecondM = ColumnName("road_second_m")
    public static let roadEligiblePracticeID = ColumnName("road_eligible_practice_id")
    public static let roadEligibleM = ColumnName("road_eligible_m")
    public static let snapM = ColumnName("snap_m")
    public static let fcaPer10k = ColumnName("fca_per_10k")

    private static let roadMinutesPrefix = "road_min_"

    /// `road_min_<mode>`: travel time by road, minutes.
    public static func roadMinutes(_ mode: String) -> ColumnName { ColumnName(roadMinutesPrefix + mode) }

    /// `road_<mode>_practice_id`: the practice quickest to reach by that mode.
    public static func roadPracticeID(_ mode: String) -> ColumnName { ColumnName("road_\(mode)_practice_id") }

    /// The mode of a `road_min_<mode>` field name, nil for any other field.
    public static func mode(ofRoadMinutes field: String) -> String? {
        field.hasPrefix(roadMinutesPrefix) ? String(field.dropFirst(roadMinutesPrefix.count)) : nil
    }
}

/// The columns of `regions.geojson` / `regions.csv` (and `groups.*`): one
/// row per region and a study-area total.
public enum RegionColumn {
    public static let regionID = ColumnName("region_id")
    public static let name = ColumnName("name")
    public static let designation = ColumnName("designation")
    public static let inhabitants = ColumnName("inhabitants")
    public static let inhabitants65plusShare = ColumnName("inhabitants_65plus_share")
    public static let populationPoints = ColumnName("population_points")
    public static let practices = ColumnName("practices")
    public static let openPractices = ColumnName("open_practices")
    public static let closedOrPartialShare = ColumnName("closed_or_partial_share")
    public static let meanOpenM = ColumnName("mean_open_m")
    public static let medianOpenM = ColumnName("median_open_m")
    public static let p90OpenM = ColumnName("p90_open_m")
    public static let maxOpenM = ColumnName("max_open_m")
    public static let meanAnyM = ColumnName("mean_any_m")
    public static let openGapM = ColumnName("open_gap_m")
    public static let meanRoadM = ColumnName("mean_road_m")
    public static let p90RoadM = ColumnName("p90_road_m")
    public static let roadUnreachableInhabitants = ColumnName("road_unreachable_inhabitants")
    public static let roadUnreachableShare = ColumnName("road_unreachable_share")
    public static let inhabitantsWithoutEligibleWithinFlag = ColumnName("inhabitants_without_eligible_within_flag")
    public static let gpFTE = ColumnName("gp_fte")
    public static let gpFTEPer10k = ColumnName("gp_fte_per_10k")
    public static let flagged = ColumnName("flagged")
    public static let flagReasons = ColumnName("flag_reasons")
    public static let capacityPlaces = ColumnName("capacity_places")
    public static let shortfallPlaces = ColumnName("shortfall_places")
    public static let imputedFTEShare = ColumnName("imputed_fte_share")
    public static let fteNote = ColumnName("fte_note")
    public static let fcaPer10k = ColumnName("fca_per_10k")
    public static let accessShare = ColumnName("access_share")
    public static let outflowFTE5y = ColumnName("outflow_fte_5y")
    public static let outflowShare = ColumnName("outflow_share")
    public static let unregistered = ColumnName("unregistered")
    public static let unregisteredPer1000 = ColumnName("unregistered_per_1000")
    public static let light = ColumnName("light")
    public static let urgencyRank = ColumnName("urgency_rank")
    public static let urgencyScore = ColumnName("urgency_score")
    public static let reasons = ColumnName("reasons")
    public static let suppressed = ColumnName("suppressed")

    /// Every share-within column's name begins so (`share_within_…`).
    public static let sharePrefix = "share_"
    /// `share_within_<km>km`: share of inhabitants within that straight-line distance of an open practice.
    public static func shareWithin(km: Double) -> ColumnName { ColumnName(sharePrefix + "within_\(OutputTables.km(km))km") }
    /// `share_within_<km>km_road`: the same by road length.
    public static func shareWithinByRoad(km: Double) -> ColumnName { ColumnName(sharePrefix + "within_\(OutputTables.km(km))km_road") }
    /// `mean_min_<mode>`: mean travel time by road, minutes.
    public static func meanMinutes(_ mode: String) -> ColumnName { ColumnName("mean_min_\(mode)") }
    /// `share_within_<minutes>min_<mode>`.
    public static func shareWithin(minutes: Double, mode: String) -> ColumnName {
        ColumnName(sharePrefix + "within_\(OutputTables.km(minutes))min_\(mode)")
    }
    /// `light_<indicator>`: one indicator's signalling light.
    public static func light(_ indicator: SignalIndicator) -> ColumnName { ColumnName("light_\(indicator.rawValue)") }

    /// The `region_id` of the study-area total row, and the one it takes
    /// when a region already has that id.
    public static let totalRowID = "total", totalRowIDWhenTaken = "total_study_area"
    public static var totalRowIDs: Set<String> { [totalRowID, totalRowIDWhenTaken] }

    /// Columns about the practices (not about residents): kept in a row
    /// whose statistics are suppressed (too few inhabitants); the rest is null.
    static let keptWhenSuppressed: Set<ColumnName> = [regionID, name, designation, practices, openPractices, closedOrPartialShare,
                                                      gpFTE, capacityPlaces, imputedFTEShare, fteNote, suppressed]
}

/// The columns of `practices.geojson`.
public enum PracticeColumn {
    public static let id = ColumnName("id")
    public static let name = ColumnName("name")
    public static let status = ColumnName("status")
    public static let countsAsOpen = ColumnName("counts_as_open")
    public static let statusDate = ColumnName("status_date")
    public static let statusSource = ColumnName("status_source")
    public static let gpFTE = ColumnName("gp_fte")
    public static let listSize = ColumnName("list_size")
    public static let capacityPlaces = ColumnName("capacity_places")
    public static let headroomPlaces = ColumnName("headroom_places")
    public static let assignedInhabitants = ColumnName("assigned_inhabitants")
    public static let assignedPerFTE = ColumnName("assigned_per_fte")
    public static let criticalityInhabitants = ColumnName("criticality_inhabitants")
    public static let criticalityExtraKm = ColumnName("criticality_extra_km")
    public static let regionID = ColumnName("region_id")
    public static let criticalityRank = ColumnName("criticality_rank")
    public static let fteBasis = ColumnName("fte_basis")
    public static let geocodePrecision = ColumnName("geocode_precision")
    public static let receivingRiskInhabitants = ColumnName("receiving_risk_inhabitants")
    public static let receivingRiskRank = ColumnName("receiving_risk_rank")
}

/// The columns of `catchments.geojson` (one feature per practice site).
public enum CatchmentColumn {
    public static let practiceID = ColumnName("practice_id")
    public static let practiceIDs = ColumnName("practice_ids")
    public static let name = ColumnName("name")
    public static let method = ColumnName("method")
    public static let inhabitants = ColumnName("inhabitants")
    public static let gpFTE = ColumnName("gp_fte")
    public static let inhabitantsPerFTE = ColumnName("inhabitants_per_fte")
}

/// The columns of `population_cells.geojson` (large runs: squares instead of points).
public enum PopulationCellColumn {
    public static let cellID = ColumnName("cell_id")
    public static let cellSizeM = ColumnName("cell_size_m")
    public static let points = ColumnName("points")
    public static let inhabitants = ColumnName("inhabitants")
    public static let meanOpenM = ColumnName("mean_open_m")
    public static let maxOpenM = ColumnName("max_open_m")

    private static let meanMinutesPrefix = "mean_min_"

    /// `mean_min_<mode>`: population-weighted mean travel time by road, minutes.
    public static func meanMinutes(_ mode: String) -> ColumnName { ColumnName(meanMinutesPrefix + mode) }

    /// The mode of a `mean_min_<mode>` field name, nil for any other field.
    public static func mode(ofMeanMinutes field: String) -> String? {
        field.hasPrefix(meanMinutesPrefix) ? String(field.dropFirst(meanMinutesPrefix.count)) : nil
    }
}
