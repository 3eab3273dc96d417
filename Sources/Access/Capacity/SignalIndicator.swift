/// The indicators of the signalling matrix.
public enum SignalIndicator: String, CaseIterable, Codable, Sendable {
    /// Share of inhabitants within the flag distance (`--flag-max-km`, by
    /// road when roads are given) of a practice open to new patients.
    case accessShare = "access_share"
    /// Population-weighted mean distance (km) to the nearest open practice.
    case meanDistanceKm = "mean_distance_km"
    /// GP FTE per 10,000 inhabitants reachable (population-weighted FCA).
    case fcaPer10k = "fca_per_10k"
    /// Shortfall of places (inhabitants − capacity) as a share of inhabitants.
    case shortfallShare = "shortfall_share"
    /// Share of the region's practices with a full or partial patient stop.
    case closedOrPartialShare = "closed_or_partial_share"
    /// Share of the region's GP FTE expected to leave within 5 years.
    case outflowShare = "outflow_share"
    /// People without a GP per 1,000 inhabitants (`--unregistered`).
    case unregisteredPer1000 = "unregistered_per_1000"

    public var higherIsWorse: Bool {
        switch self {
        case .accessShare, .fcaPer10k: return false
        default: return true
        }
    }

    /// Indicators that rest on GP FTE (empty when no FTE is known).
    var needsFTE: Bool { [.fcaPer10k, .shortfallShare, .outflowShare].contains(self) }

    var isShare: Bool { [.accessShare, .shortfallShare, .closedOrPartialShare, .outflowShare].contains(self) }

    public var defaultThreshold: SignalConfig.Threshold {
        switch self {
        case .accessShare: return .init(amber: 0.95, red: 0.90)
        case .meanDistanceKm: return .init(amber: 2.0, red: 3.0)
        case .fcaPer10k: return .init(amber: 3.5, red: 2.5)
        case .shortfallShare: return .init(amber: 0.05, red: 0.15)
        case .closedOrPartialShare: return .init(amber: 0.5, red: 0.75)
        case .outflowShare: return .init(amber: 0.2, red: 0.35)
        case .unregisteredPer1000: return .init(amber: 7, red: 15)
        }
    }
}
