/// A sparse cost matrix of (population point, practice, cost) pairs: only
/// pairs within the catchment are stored. Grouped by practice: a `CSR` whose
/// rows are practices and whose arcs are points, with the costs beside the
/// arcs; costs are metres or minutes, whatever the catchment is in.
public struct CostMatrix: Sendable {
    public let pointCount: Int
    /// Row j: the points within practice j's catchment, in the order given.
    public let byPractice: CSR<Int32>
    /// The cost of each pair, in the order of `byPractice.arcs`.
    public let costs: [Double]

    public var practiceCount: Int { byPractice.rowCount }
    public var pairCount: Int { byPractice.arcCount }
    /// The point of each pair (`byPractice.arcs`).
    public var points: [Int32] { byPractice.arcs }
    /// The pairs of practice j, as indexes into `points` and `costs`.
    @inline(__always) public func pairs(of j: Int) -> Range<Int> { byPractice.range(j) }
    /// `offsets[j]..<offsets[j + 1]` are practice j's pairs (`pairs(of: j)`).
    public var offsets: PairOffsets { PairOffsets(raw: byPractice.offsets) }

    /// The row starts of `byPractice` as `Int`, read in place.
    public struct PairOffsets: Sendable {
        let raw: [Int32]
        public var count: Int { raw.count }
        @inline(__always) public subscript(j: Int) -> Int { Int(raw[j]) }
    }

    public init(pointCount: Int, byPractice: CSR<Int32>, costs: [Double]) {
        precondition(costs.count == byPractice.arcCount, "CostMatrix: one cost per pair")
        self.pointCount = pointCount
        self.byPractice = byPractice
        self.costs = costs
    }

    /// Builds the matrix from one pair list per practice.
    public init(pointCount: Int, perPractice: [[(point: Int32, cost: Double)]]) {
        var offsets = [Int32](repeating: 0, count: perPractice.count + 1)
        let total = perPractice.reduce(0) { $0 + $1.count }
        precondition(total <= Int(Int32.max), "CostMatrix: \(total) pairs do not fit Int32 offsets")
        var points = [Int32](), costs = [Double]()
        points.reserveCapacity(total); costs.reserveCapacity(total)
        for (j, list) in perPractice.enumerated() {
            for p in list { points.append(p.point); costs.append(p.cost) }
            offsets[j + 1] = Int32(points.count)
        }
        self.init(pointCount: pointCount, byPractice: CSR(offsets: offsets, arcs: points), costs: costs)
    }
}
