import ArgumentParser
import Access

/// Competition-aware access, small-number protection and the signalling matrix.
struct CapacityOptionGroup: ParsableArguments {
    @Option(help: "Competition-aware access: 2sfca, e2sfca (stepped 1/0.68/0.22), gaussian or balanced.") var fca: FCAMethod = .twoStep
    @Option(help: "FCA catchment in km (straight line, or road length with --roads).") var fcaCatchmentKm: Double = 5
    @Option(help: "FCA catchment in minutes of travel time per mode, e.g. 10 or car=10,bicycle=20 (with --roads; the first --modes mode is used).") var fcaCatchmentMin: String?
    @Option(help: "FCA supply: GP FTE of open practices (open) or of every practice (all).") var fcaSupply: SupplyChoice = .open
    @Option(help: "Suppress region statistics for fewer inhabitants than this (CBS practice).") var minInhabitants: Double = 50
    @Option(help: "JSON file with amber/red thresholds of the signalling matrix (see README).") var signalConfig: String?
    @Option(help: "Table of people without a GP per region id, joined like --designations.") var unregistered: String?
    @Option(help: "GP FTE assumed for practices whose list gives none (≥ 0; reported with imputed_fte_share). Without it: the median of the known FTE, or no FTE figures at all when no practice has one.") var defaultFte: Double?

    enum SupplyChoice: String, ExpressibleByArgument { case open, all }

    func validate() throws {
        guard fcaCatchmentKm > 0 else { throw ValidationError("--fca-catchment-km must be > 0, got \(fcaCatchmentKm)") }
        guard minInhabitants >= 0 else { throw ValidationError("--min-inhabitants must be ≥ 0, got \(minInhabitants)") }
        _ = try catchmentMinutes(firstMode: "car")
        if let defaultFte, !(defaultFte.isFinite && defaultFte >= 0 && defaultFte <= AnalysisError.maxPracticeFTE) {
            throw ValidationError("--default-fte must be a number of GP FTE from 0 to \(Int(AnalysisError.maxPracticeFTE)), got \(defaultFte)")
        }
    }

    /// "10" applies to the first mode; "car=10,bicycle=20" names modes.
    func catchmentMinutes(firstMode: String) throws -> [String: Double] {
        guard let text = fcaCatchmentMin else { return [:] }
        var result: [String: Double] = [:]
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let kv = part.split(separator: "=").map(String.init)
            let mode = kv.count == 2 ? kv[0] : firstMode
            guard kv.count <= 2, let v = Double(kv.last ?? ""), v > 0, TravelMode(name: mode) != nil else {
                throw ValidationError("--fca-catchment-min expects minutes > 0, or mode=minutes pairs (car, bicycle, foot); got '\(text)'")
            }
            result[mode] = v
        }
        return result
    }

    func apply(to p: inout AnalysisParameters) throws {
        p.fca.method = fca
        p.fca.catchmentKm = fcaCatchmentKm
        p.fca.catchmentMinutes = try catchmentMinutes(firstMode: p.roadOptions.modes.first?.name ?? "car")
        p.fca.openOnly = fcaSupply == .open
        p.minInhabitants = minInhabitants
        p.explicitDefaultFTE = defaultFte
        if let signalConfig { p.signal = try SignalConfig.load(path: signalConfig) }
    }
}

extension FCAMethod: ExpressibleByArgument {}
