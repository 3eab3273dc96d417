import Foundation

/// The floating-catchment-area variants.
public enum FCAMethod: String, Codable, Sendable, CaseIterable {
    /// Two-step FCA (Luo & Wang 2003): weight 1 within the catchment.
    case twoStep = "2sfca"
    /// Enhanced 2SFCA (Luo & Qi 2009): stepped weights 1, 0.68 and 0.22 for
    /// costs up to c/3, 2c/3 and c, applied in both steps.
    case enhanced = "e2sfca"
    /// Gaussian decay within the catchment (Dai 2010):
    /// (e^(−½(d/c)²) − e^(−½)) / (1 − e^(−½)), 1 at d = 0 and 0 at d = c.
    case gaussian
    /// Balanced FCA: 2SFCA weights turned into selection weights (each
    /// point's weights divided by their sum over the practices in reach, as
    /// the population-allocation weights of Paez, Higgins & Vivona 2019) and
    /// used in both steps, so a point's demand is shared out instead of being
    /// counted in full at every overlapping practice: Σ inhabitants × access
    /// equals the supply of the practices anyone reaches.
    case balanced

    /// The weight of a pair at `cost` for catchment `c` (0 beyond it); every
    /// threshold is inclusive under `CatchmentBoundary`.
    public func weight(_ cost: Double, catchment c: Double) -> Double {
        guard CatchmentBoundary.within(cost, c) else { return 0 }
        switch self {
        case .twoStep, .balanced:
            return 1
        case .enhanced:
            return CatchmentBoundary.within(cost, c / 3) ? 1 : (CatchmentBoundary.within(cost, 2 * c / 3) ? 0.68 : 0.22)
        case .gaussian:
            let r = cost / c
            let edge = exp(-0.5)
            return (exp(-0.5 * r * r) - edge) / (1 - edge)
        }
    }
}
