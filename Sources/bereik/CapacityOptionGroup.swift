import ArgumentParser
import Access

/// Competition-aware access, small-number protection and the signalling matrix.
struct CapacityOptionGroup: ParsableArguments {
    @Option(help: "Competition-aware access: 2sfca, e2sfca (stepped 1/0.68/0.22), gaussian or balanced.") var fca: FCAMethod = .twoStep
    @Option(parsing: .unconditional, help: "FCA catchment in km (straight line, or road length with --roads).") var fcaCatchmentKm: Double = 5
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("FCA catchment as travel time, e.g. car=10 (needs --roads; the first --mode is the one routed, so only its entry applies; a bare number means that mode).", valueName: "mode=minutes"))
    var fcaCatchmentMin: [String] = []
    @Option(help: "FCA supply: GP FTE of open practices (open) or of every practice (all).") var fcaSupply: SupplyChoice = .open
    @Option(parsing: .unconditional, help: "Suppress region statistics for fewer inhabitants than this (CBS practice).") var minInhabitants: Double = 50
    @Option(help: "JSON file with amber/red thresholds of the signalling matrix (see README).") var signalConfig: String?
    @Option(parsing: .unconditional, help: "GP FTE assumed for practices whose list gives none (≥ 0; reported with imputed_fte_share). Without it: the median of the known FTE, or no FTE figures at all when no practice has one.") var defaultFte: Double?

    enum SupplyChoice: String, ExpressibleByArgument { case open, all }

    func validate() throws {
        try OptionCheck.check(fcaCatchmentKm, "--fca-catchment-km", OptionCheck.km)
        try OptionCheck.check(minInhabitants, "--min-inhabitants", .from(0, upTo: 1_000_000_000, "inhabitants"))
        if let defaultFte { try OptionCheck.check(defaultFte, "--default-fte", .from(0, upTo: AnalysisError.maxPracticeFTE, "GP FTE")) }
    }

    /// Minutes per mode; each mode takes one value.
    func catchmentMinutes(firstMode: TravelMode) throws -> [TravelMode: Double] {
        var result: [TravelMode: Double] = [:]
        for (mode, values) in try OptionCheck.perMode(fcaCatchmentMin, "--fca-catchment-min", firstMode: firstMode, example: "car=10") {
            guard values.count == 1, let v = Double(values[0]) else {
                throw ValidationError("--fca-catchment-min takes one number of minutes per mode, e.g. car=10; got \(mode.name)=\(values.joined(separator: ","))")
            }
            try OptionCheck.check(v, "--fca-catchment-min \(mode.name)", OptionCheck.minutes)
            result[mode] = v
        }
        return result
    }

    func apply(to p: inout AnalysisParameters) throws {
        p.fca.method = fca
        p.fca.catchmentKm = fcaCatchmentKm
        p.fca.catchmentMinutes = try catchmentMinutes(firstMode: p.roadOptions.modes[0])
        p.fca.openOnly = fcaSupply == .open
        p.minInhabitants = minInhabitants
        p.explicitDefaultFTE = defaultFte
        if let signalConfig {
            do { p.signal = try SignalConfig.load(path: signalConfig) } catch let e as SignalConfigError { throw BereikFailure(message: e.description) }
        }
    }
}

extension FCAMethod: ExpressibleByArgument {}
