import Geo

/// For each candidate location, the elements (population points) within
/// `limitM` of it: by straight line, or by road with a bounded search from
/// each candidate.
public enum CoverageSets {
    /// A uniform grid over points for radius queries.
    struct Grid {
        let cell: Double
        var buckets: [Int64: [Int32]] = [:]
        init(_ points: [Coordinate?], cell: Double) {
            self.cell = cell
            for (i, p) in points.enumerated() { if let p { buckets[key(p), default: []].append(Int32(i)) } }
        }
        func key(_ p: Coordinate) -> Int64 { Self.key(Int64((p.x / cell).rounded(.down)), Int64((p.y / cell).rounded(.down))) }
        static func key(_ cx: Int64, _ cy: Int64) -> Int64 { cx &* 1_000_003 &+ cy }
        func near(_ p: Coordinate, _ visit: (Int32) -> Void) {
            let cx = Int64((p.x / cell).rounded(.down)), cy = Int64((p.y / cell).rounded(.down))
            for dx in -1...1 { for dy in -1...1 { buckets[Self.key(cx + Int64(dx), cy + Int64(dy))]?.forEach(visit) } }
        }
    }

    static func straight(candidates: [Coordinate], elements: [Coordinate], limitM: Double) -> [[Int32]] {
        let grid = Grid(elements, cell: limitM)
        return candidates.map { c in
            var set: [Int32] = []
            grid.near(c) { if elements[Int($0)].distance(to: c) <= limitM { set.append($0) } }
            return set.sorted()
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
