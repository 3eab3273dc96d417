/// Warnings about the road step, in words for the summary.
enum RoadWarnings {
    static func make(_ r: RoadReport, roadsPath: String) -> [String] {
        var w: [String] = []
        if r.components > 1 {
            w.append("\(roadsPath): the road network has \(r.components) separate parts; the largest holds \(r.largestComponentNodes) of \(r.nodes) nodes.")
        }
        if r.zeroLengthSegments + r.selfLoops > 0 {
            w.append("\(roadsPath): \(r.zeroLengthSegments) zero-length segments and \(r.selfLoops) self-loops dropped.")
        }
        for (reason, count) in r.skipped.sorted(by: { $0.key < $1.key }) {
            w.append("\(roadsPath): \(count) features skipped (\(reason)).")
        }
        for (mode, count) in r.pointsNotSnapped.sorted(by: { $0.key < $1.key }) where count > 0 {
            w.append("\(count) population points lie farther than the snap limit from a road usable by \(mode); they are reported unreachable by \(mode) (--max-snap-m).")
        }
        for (mode, count) in r.pointsWithoutReachablePractice.sorted(by: { $0.key < $1.key }) where count > 0 {
            w.append("\(count) population points lie on a part of the road network without an open practice reachable by \(mode).")
        }
        for (mode, count) in r.practicesNotSnapped.sorted(by: { $0.key < $1.key }) where count > 0 {
            w.append("\(count) open practices lie farther than the snap limit from a road usable by \(mode) and cannot be reached by \(mode).")
        }
        return w
    }
}
