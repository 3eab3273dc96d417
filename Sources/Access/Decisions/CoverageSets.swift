import Geo

/// For each candidate location, the elements (population points) within
/// `limitM` of it: by straight line, or by road with a bounded search from
/// each candidate.
public enum CoverageSets {
    /// Straight-line coverage with the one radius search of the package
    /// (`KDTree.within`). The tree's radius is widened by a micrometre and the
    /// decision taken on `Coordinate.distance` itself, so a pair at exactly
    /// `limitM` is covered (inclusive) whatever the squared comparison rounds to.
    static func straight(candidates: [Coordinate], elements: [Coordinate], limitM: Double) -> [[Int32]] {
        let tree = KDTree(elements)
        return candidates.map { c in
            tree.within(limitM + 1e-6, of: c)
                .filter { elements[Int($0.index)].distance(to: c) <= limitM }
                .map(\.index).sorted()
        }
    }

    /// Road coverage from the bounded searches of `RoadCosts` (by length,
    /// the metric of `road_m`): an element is covered when its road distance
    /// to the candidate is within `limitM`.
    public static func road(candidates: [Coordinate], elements: [Coordinate], graph: RoadGraph, mode: TravelMode,
                     limitM: Double, maxSnapM: Double) -> [[Int32]] {
        let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: maxSnapM)
        let matrix = RoadCosts.matrix(graph: graph, mode: mode, weight: .length,
                                      points: elements.map { snapper.snap($0) },
                                      practices: candidates.map { snapper.snap($0) }, catchment: limitM)
        // Pairs are listed per candidate in point order.
        return candidates.indices.map { j in Array(matrix.points[matrix.offsets[j]..<matrix.offsets[j + 1]]) }
    }
}
