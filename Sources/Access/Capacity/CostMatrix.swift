/// A sparse cost matrix of (population point, practice, cost) pairs: only
/// pairs within the catchment are stored. Grouped by practice (CSR over
/// practices); costs are metres or minutes, whatever the catchment is in.
public struct CostMatrix: Sendable {
    public let pointCount: Int
    public let practiceCount: Int
    /// `offsets[j]..<offsets[j+1]` are practice j's pairs.
    public let offsets: [Int]
    public let points: [Int32]
    public let costs: [Double]

    public var pairCount: Int { points.count }

    public init(pointCount: Int, practiceCount: Int, offsets: [Int], points: [Int32], costs: [Double]) {
        precondition(offsets.count == practiceCount + 1 && points.count == costs.count && offsets.last == points.count)
        self.pointCount = pointCount
        self.practiceCount = practiceCount
        self.offsets = offsets
        self.points = points
        self.costs = costs
    }

    /// Builds the matrix from one pair list per practice.
    public init(pointCount: Int, perPractice: [[(point: Int32, cost: Double)]]) {
        var offsets = [0]
        offsets.reserveCapacity(perPractice.count + 1)
        var points = [Int32](), costs = [Double]()
        let total = perPractice.reduce(0) { $0 + $1.count }
        points.reserveCapacity(total); costs.reserveCapacity(total)
        for list in perPractice {
            for p in list { points.append(p.point); costs.append(p.cost) }
            offsets.append(points.count)
        }
        self.init(pointCount: pointCount, practiceCount: perPractice.count, offsets: offsets, points: points, costs: costs)
    }
}
