import ArgumentParser
import Access

/// Thresholds for flags and bands.
struct ThresholdOptionGroup: ParsableArguments {
    @Option(parsing: .unconditional, help: "Flag distance in km: share of inhabitants within it must reach --flag-min-share.") var flagMaxKm: Double = 5
    @Option(parsing: .unconditional, help: "Minimum share (0–1) of inhabitants within --flag-max-km of an open practice.") var flagMinShare: Double = 0.9
    @Option(parsing: .unconditional, help: "Flag when the mean distance to an open practice exceeds this many km (0 = off).") var flagMaxMeanKm: Double = 3
    @Option(parsing: .unconditional, help: "Count points outside every region but within this many metres of one in the nearest region (0 = off).") var regionToleranceM: Double = 1000
    @Option(parsing: .unconditional, help: "With --roads: also flag a region when more than this share (0–1) of its inhabitants reaches no open practice by road (default: off; they always count as not within --flag-max-km).") var flagMaxUnreachableShare: Double?
    @Option(parsing: .unconditional, help: "Distance bands in km for share_within_<n>km, comma-separated.") var bandsKm: String = "1,3,5"
    @Option(parsing: .unconditional, help: "Cascade risk: closures of practices with at least this many assigned inhabitants count towards receiving_risk_inhabitants.") var cascadeMinInhabitants: Double = 1000
    @Option(parsing: .unconditional, help: "Patients per full-time GP: a number or a preset (nza2018 = 2095, nza2013 = 2168, nza2012 = 2350, lhv = 1800).") var norm: String = "nza2018"

    func validate() throws {
        try OptionCheck.check(flagMaxKm, "--flag-max-km", OptionCheck.km)
        try OptionCheck.check(flagMinShare, "--flag-min-share", .from(0, upTo: 1))
        try OptionCheck.check(flagMaxMeanKm, "--flag-max-mean-km", .from(0, upTo: 1_000, "km"))
        if let x = flagMaxUnreachableShare { try OptionCheck.check(x, "--flag-max-unreachable-share", .from(0, upTo: 1)) }
        try OptionCheck.check(regionToleranceM, "--region-tolerance-m", .from(0, upTo: 100_000, "m"))
        try OptionCheck.check(cascadeMinInhabitants, "--cascade-min-inhabitants", .from(0, upTo: 100_000_000, "inhabitants"))
        _ = try bands()
        _ = try normValue()
    }

    func bands() throws -> [Double] {
        try OptionCheck.list(bandsKm, "--bands-km", OptionCheck.km, example: "1,3,5")
    }

    func normValue() throws -> Double {
        if let preset = NormPreset(rawValue: norm.lowercased()) { return preset.patientsPerFTE }
        let presets = NormPreset.allCases.map(\.rawValue).joined(separator: ", ")
        guard let v = Double(norm), OptionCheck.Bounds.above(0, upTo: 100_000).contains(v) else {
            throw ValidationError("--norm expects patients per FTE (a number greater than 0 and at most 100000) or one of \(presets); got '\(norm)'")
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
        p.cascadeMinInhabitants = cascadeMinInhabitants
        p.flagMaxUnreachableShare = flagMaxUnreachableShare
        p.unknownStatusCountsAs = input.unknownStatus
        p.partialRule = input.partialRule
        return p
    }
}
