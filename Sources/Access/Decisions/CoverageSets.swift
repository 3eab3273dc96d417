import Foundation
import Geo

/// For each candidate location, the elements (population points) within
/// `limitM` of it: by straight line, or by road with a bounded search from
/// each candidate (on all cores, one distance array per worker).
enum CoverageSets {
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

    static func road(candidates: [Coordinate], elements: [Coordinate], graph: RoadGraph, mode: TravelMode,
                     limitM: Double, maxSnapM: Double) -> [[Int32]] {
        let snapper = SegmentSnapper(graph: graph, mode: mode, maxDistanceM: maxSnapM)
        let targets = candidates.map { snapper.snap($0) }
        let points = elements.map { snapper.snap($0) }
        let grid = Grid(points.map { $0?.location }, cell: limitM)
        let search = BoundedRoadSearch(graph: graph, mode: mode)
        let n = candidates.count
        var out = [[Int32]](repeating: [], count: n)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n))
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var dist = [Double](repeating: .infinity, count: graph.nodeCount)
                var touched: [Int32] = []
                var c = w
                while c < n {
                    defer { c += workers }
                    guard let t = targets[c] else { continue }
                    search.run(to: t, limitM: limitM, dist: &dist, touched: &touched)
                    var set: [Int32] = []
                    grid.near(t.location) { i in
                        let p = points[Int(i)]!
                        guard p.location.distance(to: t.location) <= limitM else { return }
                        if search.distance(from: p, to: t, dist: dist) <= limitM { set.append(i) }
                    }
                    for v in touched { dist[Int(v)] = .infinity }
                    touched.removeAll(keepingCapacity: true)
                    base[c] = set.sorted()
                }
            }
        }
        return out
    }
}
