/// The FCA catchment boundary rule, shared by every cost source and weight.
///
/// A pair is in reach when its cost ≤ catchment + `tolerance` (inclusive).
/// Costs are Float64 sums: road lengths are taken per edge in Float64 (from
/// the node coordinates, or the lengths a data set gives), never from the
/// graph's Float32 copy, so a path of exactly the catchment counts on every
/// run. The tolerance (10⁻⁶ in the catchment's unit: 1 µm, or 0.06 ms for a
/// catchment in minutes) only absorbs Float64 rounding of sums of decimal
/// lengths such as 0.1 m; it is far below the millimetre any data set gives.
public enum CatchmentBoundary {
    public static let tolerance = 1e-6

    /// Whether `cost` lies within `limit` (same unit) under the rule.
    @inline(__always)
    public static func within(_ cost: Double, _ limit: Double) -> Bool { cost <= limit + tolerance }
}
