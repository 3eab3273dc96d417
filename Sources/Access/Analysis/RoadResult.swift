import Foundation
import Geo

/// Road-network access for every population point: one multi-source pass
/// per mode over the reversed graph from all open practices, giving the
/// nearest and second-nearest open practice by road. Under the `eligible`
/// partial rule "open" means "will take this point" (fully open, or partial
/// with the point in its area: `EligibleRouting`), in `roadM`… and
/// `minutes`…; `fullyOpen` keeps the fully open pair by road length.
public struct RoadResult: Sendable {
    public var modes: [TravelMode]
    /// Shortest road distance (metres) to the nearest open practice over the
    /// first mode's network, and that practice (nil: unreachable). The
    /// practice columns are `OptionalIDs`: 4 bytes a point.
    public var roadM: [Double]
    public var roadPractice: OptionalIDs<PracticeIndex>
    public var roadSecondM: [Double]
    public var roadSecondPractice: OptionalIDs<PracticeIndex>
    /// Walk from the point to the road it snapped to (metres; inf: none).
    public var snapM: [Double]
    /// Quickest time in minutes per mode (index as `modes`) and its practice.
    public var minutes: [[Double]]
    public var minutesPractice: [OptionalIDs<PracticeIndex>]
    public var report: RoadRunReport
    /// The graph and, per node, the nearest open practice by road length
    /// (first mode; nil: none) — what road catchments are drawn from.
    public var graph: RoadGraph
    public var nodePractice: OptionalIDs<PracticeIndex>
    /// Where the points and practices snapped for the first mode (nil: not
    /// snapped), so later steps (the FCA cost matrix) need not snap again.
    public var pointSnaps: [SnappedPoint?]
    public var practiceSnaps: [SnappedPoint?]
    /// The points' snaps for every mode (index as `modes`), so a later run on
    /// the same graph and population (a scenario, a trend date) routes
    /// without snapping again: pass them as `RoadAnalysis.run(reusingPointSnaps:)`.
    public var pointSnapsByMode: [[SnappedPoint?]] = []
    /// Under the `eligible` rule: per point the nearest two fully open
    /// practices by road length (first mode), as `roadM`/`roadPractice` were
    /// before eligibility; nil otherwise. `nodePractice` stays fully open.
    public var fullyOpen: [NearestPair]? = nil

    /// Point `i`'s nearest and second-nearest open practice by road length
    /// (first mode), with their metres.
    public func nearestByRoad(_ i: Int) -> NearestPair {
        NearestPair(first: roadPractice[i], firstM: roadM[i], second: roadSecondPractice[i], secondM: roadSecondM[i])
    }
}

/// Counts and timings of the road step, for `run.json` and the summary.
public struct RoadRunReport: Codable, Sendable {
    public var path: String
    /// SHA-256 of the road file (nil: not a regular file, e.g. a `PG:` source).
    public var sha256: String?
    public var crs: String
    public var features: Int
    public var lines: Int
    public var skipped: [String: Int]
    /// Road features whose `maxspeed` was not used (not a speed, or outside
    /// the plausible range): they run at their class speed. Always set by
    /// an analysis; optional so that an older run.json still reads.
    public var maxspeedNotUsed: Int?
    public var maxspeedNotUsedExample: String?
    /// Road classes a `--profile` adds that no road of the file has (nil:
    /// none, so a run without a profile writes nothing).
    public var profileClassesWithoutRoads: [String]? = nil
    public var nodes: Int
    public var edges: Int
    public var components: Int
    public var largestComponentNodes: Int
    public var zeroLengthSegments: Int
    public var selfLoops: Int
    /// Per mode: points too far from a usable road, points whose road has no
    /// open practice in reach (other component), practices not snapped.
    public var pointsNotSnapped: [TravelMode: Int]
    public var pointsWithoutReachablePractice: [TravelMode: Int]
    public var practicesNotSnapped: [TravelMode: Int]
    public var timingsSeconds: [String: Double]
}
