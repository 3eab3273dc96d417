/// The region of every population point (`StraightLineAnalysis.locate`):
/// point in polygon, then the nearest region within the tolerance for points
/// just outside. Computed once for analyses of the same points and regions
/// (the dates of a trend) instead of once per analysis.
public struct RegionLocation: Sendable, Equatable {
    /// Per point: the region it lies in, nil when in none.
    public var pointRegions: OptionalIDs<RegionIndex>
    /// Points outside every region put into the nearest one, and the farthest of them (metres).
    public var nearbyPoints: Int
    public var maxNearbyDistanceM: Double
    /// What it was computed for, so that it is not applied to other inputs.
    public var regionCount: Int
    public var toleranceM: Double

    func fits(population: Int, regions: Int, toleranceM: Double) -> Bool {
        pointRegions.count == population && regionCount == regions && self.toleranceM == toleranceM
    }
}
