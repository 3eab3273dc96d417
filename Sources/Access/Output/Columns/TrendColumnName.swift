/// The columns of `trend.csv` (`bereik trend`: one row per region and date).
public enum TrendColumn {
    public static let regionID = ColumnName("region_id")
    public static let name = ColumnName("name")
    public static let date = ColumnName("date")
    public static let inhabitants = ColumnName("inhabitants")
    public static let practices = ColumnName("practices")
    public static let openPractices = ColumnName("open_practices")
    public static let partialWithAreaPractices = ColumnName("partial_with_area_practices")
    public static let takingNewPatients = ColumnName("taking_new_patients")
    /// `road` or `straight` (`TrendDistanceBasis`): what `mean_m`, `p90_m` and the shares measure.
    public static let distanceBasis = ColumnName("distance_basis")
    public static let meanM = ColumnName("mean_m")
    public static let p90M = ColumnName("p90_m")
    /// Share within the flag distance (`--flag-max-km`).
    public static let accessShare = ColumnName("access_share")
    public static let inhabitantsBeyondFlagKm = ColumnName("inhabitants_beyond_flag_km")
    public static let roadUnreachableInhabitants = ColumnName("road_unreachable_inhabitants")
    public static let flagged = ColumnName("flagged")
    public static let light = ColumnName("light")
    public static let suppressed = ColumnName("suppressed")
    public static let practicesFromHistory = ColumnName("practices_from_history")

    /// `share_within_<km>km`: share of inhabitants within that distance (by `distance_basis`).
    public static func shareWithin(km: Double) -> ColumnName { ColumnName("share_within_\(OutputTables.km(km))km") }
}

/// The values of `trend.csv`'s `distance_basis`.
public enum TrendDistanceBasis: String, Sendable {
    case road, straight
}
