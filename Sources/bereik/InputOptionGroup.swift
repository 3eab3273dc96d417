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
    @Flag(help: "Reject bad rows and invalid polygons instead of skipping or repairing them.") var strict = false

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
        return o
    }
}

/// Thresholds for flags and bands.
struct ThresholdOptionGroup: ParsableArguments {
    @Option(help: "Flag distance in km: share of inhabitants within it must reach --flag-min-share.") var flagMaxKm: Double = 5
    @Option(help: "Minimum share (0–1) of inhabitants within --flag-max-km of an open practice.") var flagMinShare: Double = 0.9
    @Option(help: "Flag when the mean distance to an open practice exceeds this many km (0 = off).") var flagMaxMeanKm: Double = 3
    @Option(help: "Count points outside every region but within this many metres of one in the nearest region (0 = off).") var regionToleranceM: Double = 1000
    @Option(help: "Distance bands in km for share_within_<n>km, comma-separated.") var bandsKm: String = "1,3,5"
    @Option(help: "Patients per full-time GP: a number or a preset (nza2018 = 2095, nza2013 = 2168, nza2012 = 2350, lhv = 1800).") var norm: String = "nza2018"

    func validate() throws {
        guard flagMaxKm > 0 else { throw ValidationError("--flag-max-km must be > 0, got \(flagMaxKm)") }
        guard (0...1).contains(flagMinShare) else { throw ValidationError("--flag-min-share must be between 0 and 1, got \(flagMinShare)") }
        guard flagMaxMeanKm >= 0 else { throw ValidationError("--flag-max-mean-km must be ≥ 0, got \(flagMaxMeanKm)") }
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
        p.unknownStatusCountsAs = input.unknownStatus
        p.partialCountsAs = input.partialCounts
        return p
    }
}
