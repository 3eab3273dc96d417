/// How the user wants inputs read: field names, layers, CRS and the policy
/// for statuses and bad rows.
public struct InputOptions: Sendable {
    public var idField: String?
    public var nameField: String?
    public var inhabitantsField: String?
    public var inhabitants65Field: String?
    public var statusField: String?
    public var fteField: String?
    public var listSizeField: String?
    public var regionIDField: String?
    public var regionNameField: String?
    public var designationField: String?
    public var populationLayer: String?
    public var practicesLayer: String?
    public var regionsLayer: String?
    /// CRS for sources that have none (CSV), e.g. "EPSG:28992". A source
    /// that declares another CRS is an error.
    public var crs: String?
    /// CRS that overrides even a declared one (`--force-crs`).
    public var forceCRS: String?
    /// Decimal separator of every text-valued number of every input; nil =
    /// decided per column from its values.
    public var decimalSeparator: DecimalSeparator?
    /// Coordinate columns of point inputs without geometry, tried before the
    /// usual names (x/lon/lengtegraad/x_rd/..., y/lat/breedtegraad/y_rd/...).
    public var xField: String?
    public var yField: String?
    /// Polygons (or points) the population table is joined to by key.
    public var populationGeometry: String?
    public var populationGeometryLayer: String?
    /// Key column of the population table (and of the geometry unless
    /// `populationGeometryKey` names another).
    public var populationKey: String?
    public var populationGeometryKey: String?
    /// Inhabitants each population point counts when the layer has no
    /// inhabitants field (1 = per inhabited address, as CBS measures).
    public var inhabitantsPerPoint: Double?
    /// PC6 and/or PC4 points for practices without coordinates.
    public var postcodePoints: String?
    /// The practice list's postcode column; default: auto-detect.
    public var postcodeField: String?
    /// The postcode column of the postcode points; default: auto-detect.
    public var postcodePointsField: String?
    /// The practice list's postcode-list eligibility field (issue 13);
    /// default: auto-detect (eligible_postcodes, postcodes, ...).
    public var eligibilityField: String?
    /// Polygons per practice id a partial practice accepts from (`--eligibility`).
    public var eligibilityPath: String?
    /// The practice id column of `eligibilityPath`; default: auto-detect.
    public var eligibilityIDField: String?
    /// The population's postcode column; default: auto-detect, else the id
    /// when every id reads as a postcode.
    public var populationPostcodeField: String?
    /// PC4/PC6 polygons that give points without a postcode one (`--postcode-areas`).
    public var postcodeAreas: String?
    /// The postcode column of `postcodeAreas`; default: auto-detect.
    public var postcodeAreasField: String?
    /// Practice statuses through time (`--status-history`).
    public var statusHistory: String?
    /// The date the status history is applied at; nil = today.
    public var asOf: CalendarDay?
    /// How a practice with no status counts.
    public var unknownStatus: PracticeStatus = .closed
    /// How a partial patient stop counts (`--partial`); nil: `eligible` when
    /// some partial practice has an eligibility area, else `closed`.
    public var partialRule: PartialRule?
    /// Reject instead of skip or repair.
    public var strict = false

    public init() {}
}
