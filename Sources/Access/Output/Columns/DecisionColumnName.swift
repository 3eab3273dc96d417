/// The columns of `changes.csv` (`bereik scenario`: one row per region).
public enum ScenarioColumn {
    public static let regionID = ColumnName("region_id")
    public static let name = ColumnName("name")
    public static let measure = ColumnName("measure")
    public static let inhabitants = ColumnName("inhabitants")
    public static let meanMBefore = ColumnName("mean_m_before")
    public static let meanMAfter = ColumnName("mean_m_after")
    public static let deltaMeanM = ColumnName("delta_mean_m")
    public static let displacedInhabitants = ColumnName("displaced_inhabitants")
    public static let flaggedBefore = ColumnName("flagged_before")
    public static let flaggedAfter = ColumnName("flagged_after")
    public static let flagChange = ColumnName("flag_change")

    /// `mean_min_<mode>_before`, `mean_min_<mode>_after`, `delta_mean_min_<mode>`.
    public static func meanMinutesBefore(_ mode: String) -> ColumnName { ColumnName("mean_min_\(mode)_before") }
    public static func meanMinutesAfter(_ mode: String) -> ColumnName { ColumnName("mean_min_\(mode)_after") }
    public static func deltaMeanMinutes(_ mode: String) -> ColumnName { ColumnName("delta_mean_min_\(mode)") }
    /// `pushed_beyond_<km>km`, `brought_within_<km>km`.
    public static func pushedBeyond(km: Double) -> ColumnName { ColumnName("pushed_beyond_\(OutputTables.km(km))km") }
    public static func broughtWithin(km: Double) -> ColumnName { ColumnName("brought_within_\(OutputTables.km(km))km") }
}

/// The columns of `receiving_practices.csv` (`bereik scenario`).
public enum ReceivingColumn {
    public static let practiceID = ColumnName("practice_id")
    public static let name = ColumnName("name")
    public static let receivedInhabitants = ColumnName("received_inhabitants")
    public static let capacityPlaces = ColumnName("capacity_places")
    public static let headroomPlaces = ColumnName("headroom_places")
    public static let headroomBasis = ColumnName("headroom_basis")
    public static let shortfallPlaces = ColumnName("shortfall_places")
}

/// The columns of `point_changes.csv` (`bereik scenario`).
public enum PointChangeColumn {
    public static let id = ColumnName("id")
    public static let inhabitants = ColumnName("inhabitants")
    public static let practiceBefore = ColumnName("practice_before")
    public static let practiceAfter = ColumnName("practice_after")
    public static let openMBefore = ColumnName("open_m_before")
    public static let openMAfter = ColumnName("open_m_after")
    public static let deltaOpenM = ColumnName("delta_open_m")
}

/// The columns of `sites.geojson` / `sites.csv` (`bereik sites`, serve's site answer).
public enum SiteColumn {
    public static let siteID = ColumnName("site_id")
    public static let name = ColumnName("name")
    public static let homes = ColumnName("homes")
    public static let householdSize = ColumnName("household_size")
    public static let newResidents = ColumnName("new_residents")
    public static let verdict = ColumnName("verdict")
    public static let postcode = ColumnName("postcode")
    public static let postcodeSource = ColumnName("postcode_source")
    public static let measure = ColumnName("measure")
    public static let samplePoints = ColumnName("sample_points")
    public static let sharePointsWithin = ColumnName("share_points_within")
    public static let nearestPracticeID = ColumnName("nearest_practice_id")
    public static let nearestPracticeName = ColumnName("nearest_practice_name")
    public static let distanceM = ColumnName("distance_m")
    public static let servingPracticeID = ColumnName("serving_practice_id")
    public static let servingDistanceM = ColumnName("serving_distance_m")
    public static let headroomPlaces = ColumnName("headroom_places")
    public static let headroomBasis = ColumnName("headroom_basis")
    public static let practicesWithin = ColumnName("practices_within")
    public static let headroomWithin = ColumnName("headroom_within")
    public static let reasons = ColumnName("reasons")

    /// `minutes_<mode>`: travel time by road from the site, minutes.
    public static func minutes(_ mode: String) -> ColumnName { ColumnName("minutes_\(mode)") }
}

/// The columns of `plan.csv` / `plan.geojson` (`bereik plan`).
public enum PlanColumn {
    public static let rank = ColumnName("rank")
    public static let candidateID = ColumnName("candidate_id")
    public static let name = ColumnName("name")
    public static let xRD = ColumnName("x_rd")
    public static let yRD = ColumnName("y_rd")
    public static let inhabitantsGained = ColumnName("inhabitants_gained")
    public static let cumulativeInhabitantsGained = ColumnName("cumulative_inhabitants_gained")
    public static let coveredShareAfter = ColumnName("covered_share_after")
    public static let weightedGain = ColumnName("weighted_gain")
    public static let objectiveGain = ColumnName("objective_gain")
}
