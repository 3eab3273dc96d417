import ArgumentParser
import Access

/// Field names, layers, CRS and policies for reading planners' files.
struct InputOptionGroup: ParsableArguments {
    @Option(help: "Id field (population and practices); default: auto-detect.") var idField: String?
    @Option(help: "Practice name field.") var nameField: String?
    @Option(help: "Inhabitants field (inhabitants, inwoners, aantal_inwoners, population, bevolking, ...).") var inhabitantsField: String?
    @Option(name: .customLong("inhabitants-65-field"), help: "Inhabitants aged 65+ field.") var inhabitants65Field: String?
    @Option(help: "Practice status field (status, open, accepting_new_patients, patientenstop, ...).") var statusField: String?
    @Option(help: "GP FTE field (gp_fte, fte).") var fteField: String?
    @Option(help: "Practice list size field.") var listSizeField: String?
    @Option(help: "Region id field (code, statcode, gemeentecode, ...).") var regionIDField: String?
    @Option(help: "Region name field (name, naam, statnaam, gemeentenaam, ...).") var regionNameField: String?
    @Option(help: "Region designation field (e.g. krimpregio/anticipeerregio).") var designationField: String?
    @Option(help: "Layer to read from the population source (default: the first).") var populationLayer: String?
    @Option(help: "Layer to read from the practices source.") var practicesLayer: String?
    @Option(help: "Layer to read from the regions source (e.g. gemeenten in a CBS wijk- en buurtkaart).") var regionsLayer: String?
    @Option(help: "CRS of sources that have none (CSV), e.g. EPSG:28992 or EPSG:4326; also the road layer's unless --roads-crs.") var crs: String?
    @Option(help: "How practices without a status count: open or closed.") var unknownStatus: StatusChoice = .closed
    @Option(help: "How a partial patient stop counts: open, closed, or eligible (open only to the points of its eligibility area). Default: eligible when some partial practice has an eligibility area, else closed.") var partial: PartialRule?
    @Option(help: "Override even a CRS that a source declares (use with care; --crs applies only to sources without one).") var forceCrs: String?
    @Flag(help: "Reject bad rows and invalid polygons instead of skipping or repairing them.") var strict = false

    // Numbers and coordinates in tables (CSV, XLSX, ODS).
    @Option(help: "Decimal separator of every text-valued number of every input: comma (1.234,5) or point (1,234.5). Default: decided per column from all its values.") var decimalSeparator: DecimalSeparatorChoice?
    @Option(help: "X (easting/longitude) column of point inputs without geometry; tried before x, lon, longitude, lengtegraad, x_coordinaat, x_rd, ...") var xField: String?
    @Option(help: "Y (northing/latitude) column of point inputs without geometry; tried before y, lat, latitude, breedtegraad, y_coordinaat, y_rd, ...") var yField: String?

    // A population table joined to geometry, and address points.
    @Option(help: "Polygons (or points) to join the population table to by key, e.g. PC4 polygons for a CBS PC4 CSV.") var populationGeometry: String?
    @Option(help: "Layer of --population-geometry (default: the first).") var populationGeometryLayer: String?
    @Option(help: "Key column of the population table (and of --population-geometry unless --population-geometry-key names another); default: pc4, pc6, postcode, statcode, code, ...") var populationKey: String?
    @Option(help: "Key column of --population-geometry.") var populationGeometryKey: String?
    @Option(help: "Inhabitants per population point when the layer has no inhabitants field (1 = per inhabited address, as CBS measures).") var inhabitantsPerPoint: Double?

    // Practices placed by postcode.
    @Option(help: "PC6 and/or PC4 points (e.g. CBS/PDOK postcode centroids): practices without coordinates are placed at their PC6 point, else their PC4 point.") var postcodePoints: String?
    @Option(help: "Postcode column of the practice list (default: postcode, pc6, postcode_6, ...).") var postcodeField: String?
    @Option(help: "Postcode column of --postcode-points (default: postcode, pc6, pc4, ...).") var postcodePointsField: String?

    // Who can register where, and status through time (issue 13).
    @Option(help: "Practice list field with the postcodes a partial practice still accepts, e.g. '9401-9405; 9411' or '9401 AB' (default: eligible_postcodes, postcodes, alleen_postcodes, postcodegebied, inschrijfgebied, ...).") var eligibilityField: String?
    @Option(help: "Polygons a partial practice still accepts new patients from (e.g. its village), one or more per practice id; they win over --eligibility-field.") var eligibility: String?
    @Option(help: "Practice id column of --eligibility (default: practice_id, praktijk_id, id, agb, code).") var eligibilityIDField: String?
    @Option(help: "Postcode (PC4/PC6) column of the population (default: postcode, pc6, pc4, ...; else the id when every id is a postcode).") var populationPostcodeField: String?
    @Option(help: "PC4 and/or PC6 polygons that give population points (and, for sites, housing sites) without a postcode theirs (point in polygon).") var postcodeAreas: String?
    @Option(help: "Postcode column of --postcode-areas (default: postcode, pc6, pc4, ...).") var postcodeAreasField: String?
    @Option(help: "Practice statuses through time: rows of practice id, date from (YYYY-MM-DD or DD-MM-YYYY), status, optional eligibility postcodes and source.") var statusHistory: String?
    @Option(help: "Apply --status-history as of this date, YYYY-MM-DD (default: today).") var asOf: String?

    enum DecimalSeparatorChoice: String, ExpressibleByArgument, CaseIterable {
        case comma, point
    }

    func validate() throws {
        if let n = inhabitantsPerPoint, !(n.isFinite && n > 0 && n <= 10_000) {
            throw ValidationError("--inhabitants-per-point must be a number of inhabitants > 0 and ≤ 10000, got \(n)")
        }
        if (populationKey != nil || populationGeometryKey != nil || populationGeometryLayer != nil) && populationGeometry == nil {
            throw ValidationError("--population-key, --population-geometry-key and --population-geometry-layer need --population-geometry FILE")
        }
        if (postcodeField != nil || postcodePointsField != nil) && postcodePoints == nil {
            throw ValidationError("--postcode-field and --postcode-points-field need --postcode-points FILE")
        }
        if (xField == nil) != (yField == nil) {
            throw ValidationError("--x-field and --y-field go together; name both columns")
        }
        if eligibilityIDField != nil && eligibility == nil {
            throw ValidationError("--eligibility-id-field needs --eligibility FILE")
        }
        if postcodeAreasField != nil && postcodeAreas == nil {
            throw ValidationError("--postcode-areas-field needs --postcode-areas FILE")
        }
        if let asOf {
            guard statusHistory != nil else {
                throw ValidationError("--as-of needs --status-history FILE: it picks the status in force on that date from the history")
            }
            guard CalendarDay(iso: asOf) != nil else {
                throw ValidationError("--as-of expects a date YYYY-MM-DD (\(CalendarDay.requirement)), e.g. 2025-06-01; got '\(asOf)'")
            }
        }
        if crs != nil && forceCrs != nil {
            throw ValidationError("--crs and --force-crs exclude each other: --crs is for sources without a CRS, --force-crs overrides every source's CRS")
        }
    }

    enum StatusChoice: String, ExpressibleByArgument {
        case open, closed
        var status: PracticeStatus { self == .open ? .open : .closed }
    }

    var options: InputOptions {
        var o = InputOptions()
        o.idField = idField; o.nameField = nameField
        o.inhabitantsField = inhabitantsField; o.inhabitants65Field = inhabitants65Field
        o.statusField = statusField; o.fteField = fteField; o.listSizeField = listSizeField
        o.regionIDField = regionIDField; o.regionNameField = regionNameField; o.designationField = designationField
        o.populationLayer = populationLayer; o.practicesLayer = practicesLayer; o.regionsLayer = regionsLayer
        o.crs = crs; o.unknownStatus = unknownStatus.status; o.partialRule = partial; o.strict = strict
        o.forceCRS = forceCrs
        o.decimalSeparator = decimalSeparator.map { $0 == .comma ? .comma : .point }
        o.xField = xField; o.yField = yField
        o.populationGeometry = populationGeometry; o.populationGeometryLayer = populationGeometryLayer
        o.populationKey = populationKey; o.populationGeometryKey = populationGeometryKey
        o.inhabitantsPerPoint = inhabitantsPerPoint
        o.postcodePoints = postcodePoints; o.postcodeField = postcodeField; o.postcodePointsField = postcodePointsField
        o.eligibilityField = eligibilityField; o.eligibilityPath = eligibility; o.eligibilityIDField = eligibilityIDField
        o.populationPostcodeField = populationPostcodeField; o.postcodeAreas = postcodeAreas; o.postcodeAreasField = postcodeAreasField
        o.statusHistory = statusHistory; o.asOf = asOf.flatMap { CalendarDay(iso: $0) }
        return o
    }
}

extension PartialRule: ExpressibleByArgument {}
