import Foundation

/// Thresholds and policies of an analysis. Defaults are documented in the
/// README ("Thresholds"); every one can be overridden on the command line.
public struct AnalysisParameters: Codable, Sendable {
    /// Distance bands reported as `share_within_<n>km`, in km.
    public var bandsKm: [Double] = [1, 3, 5]
    /// A region is flagged when fewer than `flagMinShare` of its inhabitants
    /// live within `flagMaxKm` of an open practice.
    public var flagMaxKm: Double = 5
    public var flagMinShare: Double = 0.9
    /// … or when its population-weighted mean distance to an open practice
    /// exceeds this (km); nil switches the rule off. CBS's national mean is
    /// about 1.1 km; Midden-Drenthe's, the highest in the country, 2.6 km.
    public var flagMaxMeanKm: Double? = 3.0
    /// A point outside every region but within this many metres of one is
    /// counted in the nearest region (generalised boundaries miss border
    /// villages); such points are counted in `run.json`. 0 switches it off.
    public var regionToleranceM: Double = 1_000
    /// Road options (used when a road network is given).
    public var roadOptions = RoadOptions()
    /// Patients per full-time GP (normpraktijk, NZa since 2018).
    public var normPatientsPerFTE: Double = 2_095
    /// How a practice with no known status counts.
    public var unknownStatusCountsAs: PracticeStatus = .closed
    /// How a partial patient stop counts (`--partial`); nil: decided by the
    /// data (`PartialRule.resolve`) — the analysis sets the rule in force.
    /// `isOpen(.partial)` is true only under `open`: under `eligible` a
    /// partial practice is open only to its area's points (`EligibleSets`).
    public var partialRule: PartialRule?
    /// Competition-aware access (`fca_per_10k`).
    public var fca = FCAParameters()
    /// Cascade risk: closures of practices with at least this many assigned
    /// inhabitants count towards `receiving_risk_inhabitants`.
    public var cascadeMinInhabitants: Double = 1_000
    /// FTE assumed for practices without one; set by the analysis (see
    /// `FTEDefault.resolve`): `--default-fte`, else the median of the known
    /// FTE; nil when no practice has an FTE (FTE figures are then empty).
    public var defaultFTE: Double?
    /// `--default-fte`: an explicit FTE for practices without one (≥ 0).
    public var explicitDefaultFTE: Double?
    /// How `defaultFTE` was chosen (set by the analysis, for run.json).
    public var defaultFTERule: FTEDefault.Rule?
    /// Flag a region when more than this share of its inhabitants reach no
    /// open practice by road; nil: unreachable inhabitants flag a region only
    /// through the shares within the flag distance (they count as not within).
    public var flagMaxUnreachableShare: Double?
    /// Region statistics for fewer inhabitants are suppressed (null) in
    /// exports, as CBS does.
    public var minInhabitants: Double = 50
    /// Thresholds of the signalling matrix.
    public var signal = SignalConfig()
    /// The year outflow is counted from (GPs leaving within 5 years of it).
    public var referenceYear = Calendar(identifier: .gregorian).component(.year, from: Date())

    public init() {}

    /// Whether a practice with `status` takes new patients under these rules.
    public func isOpen(_ status: PracticeStatus) -> Bool {
        switch status {
        case .open: return true
        case .closed: return false
        case .partial: return partialRule == .open
        case .unknown: return unknownStatusCountsAs == .open
        }
    }
}

/// Named presets for the normpraktijk.
public enum NormPreset: String, CaseIterable, Sendable {
    /// NZa norm since 2018.
    case nza2018 = "nza2018"
    /// 2013.
    case nza2013 = "nza2013"
    /// Until 2012.
    case nza2012 = "nza2012"
    /// The GP association's (LHV) proposal.
    case lhv = "lhv"

    public var patientsPerFTE: Double {
        switch self {
        case .nza2018: return 2_095
        case .nza2013: return 2_168
        case .nza2012: return 2_350
        case .lhv: return 1_800
        }
    }
}
