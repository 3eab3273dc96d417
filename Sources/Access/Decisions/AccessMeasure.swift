/// Per population point: the nearest open practice and the distance to it
/// that decisions compare — by road (first mode's shortest road distance)
/// when roads were given, else straight line.
public struct AccessMeasure: Sendable {
    public var practice: OptionalIDs<PracticeIndex>
    public var metres: [Double]
    /// Quickest minutes per road mode (empty without roads).
    public var minutes: [[Double]]
    public var byRoad: Bool

    public init(_ result: AnalysisResult) {
        if let road = result.road {
            practice = road.roadPractice
            metres = road.roadM
            minutes = road.minutes
            byRoad = true
        } else {
            practice = OptionalIDs(result.points.lazy.map(\.nearestOpen))
            metres = result.points.map(\.nearestOpenM)
            minutes = []
            byRoad = false
        }
    }

    public var label: String { byRoad ? "road" : "straight line" }
}
