import Foundation
import Geo

/// Pairs within a straight-line catchment (metres), from a KD-tree over the
/// population points: one range query per practice, on all cores. The
/// boundary follows `CatchmentBoundary`.
public enum StraightLineCosts {
    public static func matrix(points: [Coordinate], practices: [Coordinate], catchmentM: Double) -> CostMatrix {
        let source = pairs(points: points, practices: practices, catchmentM: catchmentM)
        let lists = parallelMap(count: practices.count) { j in
            var pairs = PairList(), none: Void = ()
            source.pairs(of: j, worker: &none, into: &pairs)
            return zip(pairs.points, pairs.costs).map { (point: $0, cost: $1) }.sorted { $0.point < $1.point }
        }
        return CostMatrix(pointCount: points.count, perPractice: lists)
    }

    static func pairs(points: [Coordinate], practices: [Coordinate], catchmentM: Double) -> StraightLinePairs {
        StraightLinePairs(tree: KDTree(points), practices: practices, radius: catchmentM + CatchmentBoundary.tolerance)
    }
}

/// Straight-line pairs of `StraightLineCosts.pairs`, streamed per practice.
struct StraightLinePairs: CatchmentPairs {
    let tree: KDTree
    let practices: [Coordinate]
    let radius: Double

    var pointCount: Int { tree.count }
    var original: [Int32]? { nil }
    var practiceCount: Int { practices.count }

    func makeWorker() {}

    func pairs(of j: Int, worker: inout Void, into list: inout PairList) {
        list.removeAll()
        for p in tree.within(radius, of: practices[j]) { list.append(p.index, p.distance) }
    }
}
