/// Who can register where (issue 13): for every practice that takes new
/// patients only from an area (a partial stop whose `eligibility` is known
/// and the `--partial eligible` rule), the population points inside that
/// area. Built once from the points' postcodes or the eligibility polygons
/// (`EligibleSets.build`, Input side); the analysis, capacity and decisions
/// read it to find "the nearest practice that will take you".
public struct EligibleSets: Sendable, Equatable {
    /// Practice index → ascending indexes of the points it accepts. Only
    /// practices with an eligibility area are keys (an area that holds no
    /// point is a key with an empty list).
    public var pointsByPractice: [Int32: [Int32]]
    /// Points whose postcode could not be determined (they are accepted by
    /// no postcode-list practice), counted and reported.
    public var pointsWithoutPostcode: Int
    public var inhabitantsWithoutPostcode: Double

    public init(pointsByPractice: [Int32: [Int32]] = [:], pointsWithoutPostcode: Int = 0, inhabitantsWithoutPostcode: Double = 0) {
        self.pointsByPractice = pointsByPractice
        self.pointsWithoutPostcode = pointsWithoutPostcode
        self.inhabitantsWithoutPostcode = inhabitantsWithoutPostcode
    }

    /// Practice indexes with an area, ascending (a deterministic order).
    public var restrictedPractices: [Int32] { pointsByPractice.keys.sorted() }

    public func accepts(practice: Int32, point: Int32) -> Bool {
        guard let list = pointsByPractice[practice] else { return true }
        return Self.contains(list, point)
    }

    /// Whether the ascending `list` (a value of `pointsByPractice`) holds `point`.
    static func contains(_ list: [Int32], _ point: Int32) -> Bool {
        let lo = list.lowerBound(of: point)
        return lo < list.count && list[lo] == point
    }
}
