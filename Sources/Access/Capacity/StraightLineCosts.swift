import Foundation
import Geo

/// Pairs within a straight-line catchment (metres), from a KD-tree over the
/// population points: one range query per practice, on all cores.
public enum StraightLineCosts {
    public static func matrix(points: [Coordinate], practices: [Coordinate], catchmentM: Double) -> CostMatrix {
        let tree = KDTree(points)
        let lists = ParallelWork.map(count: practices.count) { j in
            tree.within(catchmentM, of: practices[j]).sorted { $0.index < $1.index }.map { (point: $0.index, cost: $0.distance) }
        }
        return CostMatrix(pointCount: points.count, perPractice: lists)
    }
}

/// Index-parallel map over all cores (each index is independent work).
enum ParallelWork {
    static func map<R>(count n: Int, _ f: (Int) -> R) -> [R] {
        guard n > 1 else { return (0..<n).map(f) }
        var out = [R?](repeating: nil, count: n)
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, n)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress!
            withoutActuallyEscaping(f) { f in
                nonisolated(unsafe) let f = f
                // Interleaved indexes balance uneven work (dense and sparse areas).
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var i = w
                    while i < n { base[i] = f(i); i += workers }
                }
            }
        }
        return out.map { $0! }
    }
}
