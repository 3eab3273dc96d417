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
    @Option(help: "CRS of sources that have none (CSV), e.g. EPSG:28992 or EPSG:4326.") var crs: String?
    @Option(help: "How practices without a status count: open or closed.") var unknownStatus: StatusChoice = .closed
    @Option(help: "How a partial patient stop counts: open or closed.") var partial: StatusChoice = .closed
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
        o.crs = crs; o.unknownStatus = unknownStatus.status; o.partialCounts = partial.status; o.strict = strict
        o.forceCRS = forceCrs
        o.decimalSeparator = decimalSeparator.map { $0 == .comma ? .comma : .point }
        o.xField = xField; o.yField = yField
        o.populationGeometry = populationGeometry; o.populationGeometryLayer = populationGeometryLayer
        o.populationKey = populationKey; o.populationGeometryKey = populationGeometryKey
        o.inhabitantsPerPoint = inhabitantsPerPoint
        o.postcodePoints = postcodePoints; o.postcodeField = postcodeField; o.postcodePointsField = postcodePointsField
        return o
    }
}

/// Thresholds for flags and bands.
struct ThresholdOptionGroup: ParsableArguments {
    @Option(help: "Flag distance in km: share of inhabitants within it must reach --flag-min-share.") var flagMaxKm: Double = 5
    @Option(help: "Minimum share (0–1) of inhabitants within --flag-max-km of an open practice.") var flagMinShare: Double = 0.9
    @Option(help: "Flag when the mean distance to an open practice exceeds this many km (0 = off).") var flagMaxMeanKm: Double = 3
    @Option(help: "Count points outside every region but within this many metres of one in the nearest region (0 = off).") var regionToleranceM: Double = 1000
    @Option(help: "With --roads: also flag a region when more than this share (0–1) of its inhabitants reaches no open practice by road (default: off; they always count as not within --flag-max-km).") var flagMaxUnreachableShare: Double?
    @Option(help: "Distance bands in km for share_within_<n>km, comma-separated.") var bandsKm: String = "1,3,5"
    @Option(help: "Patients per full-time GP: a number or a preset (nza2018 = 2095, nza2013 = 2168, nza2012 = 2350, lhv = 1800).") var norm: String = "nza2018"

    func validate() throws {
        guard flagMaxKm > 0 else { throw ValidationError("--flag-max-km must be > 0, got \(flagMaxKm)") }
        guard (0...1).contains(flagMinShare) else { throw ValidationError("--flag-min-share must be between 0 and 1, got \(flagMinShare)") }
        guard flagMaxMeanKm >= 0 else { throw ValidationError("--flag-max-mean-km must be ≥ 0, got \(flagMaxMeanKm)") }
        if let x = flagMaxUnreachableShare, !(0...1).contains(x) { throw ValidationError("--flag-max-unreachable-share must be between 0 and 1, got \(x)") }
        guard regionToleranceM >= 0 else { throw ValidationError("--region-tolerance-m must be ≥ 0, got \(regionToleranceM)") }
        _ = try bands()
        _ = try normValue()
    }

    func bands() throws -> [Double] {
        try Self.positiveList(bandsKm, option: "--bands-km")
    }

    static func positiveList(_ text: String, option: String) throws -> [Double] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard values.count == parts.count, !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("\(option) expects positive numbers separated by commas, e.g. 1,3,5; got '\(text)'")
        }
        return values.sorted()
    }

    func normValue() throws -> Double {
        if let preset = NormPreset(rawValue: norm.lowercased()) { return preset.patientsPerFTE }
        guard let v = Double(norm), v > 0 else {
            throw ValidationError("--norm expects patients per FTE (> 0) or one of \(NormPreset.allCases.map(\.rawValue).joined(separator: ", ")); got '\(norm)'")
        }
        return v
    }

    func parameters(input: InputOptions) throws -> AnalysisParameters {
        var p = AnalysisParameters()
        p.flagMaxKm = flagMaxKm
        p.flagMinShare = flagMinShare
        p.flagMaxMeanKm = flagMaxMeanKm > 0 ? flagMaxMeanKm : nil
        p.bandsKm = try bands()
        p.normPatientsPerFTE = try normValue()
        p.regionToleranceM = regionToleranceM
        p.flagMaxUnreachableShare = flagMaxUnreachableShare
        p.unknownStatusCountsAs = input.unknownStatus
        p.partialCountsAs = input.partialCounts
        return p
    }
}
