import Foundation
import XCTest
import Geo
@testable import Access
import BereikBench

/// The streamed FCA (two passes of searches, no stored pairs) against the
/// matrix-based computation it replaced, on road and straight-line fixtures,
/// for every method and for one and several threads. The sums run in
/// another order (compensated), so agreement is to 1e-12 relative.
final class FCAStreamingTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    func assertSame(_ streamed: FloatingCatchment.Result, _ stored: FloatingCatchment.Result, _ what: String) {
        XCTAssertEqual(streamed.access.count, stored.access.count)
        for i in stored.access.indices {
            let scale = max(abs(stored.access[i]), 1e-300)
            XCTAssertLessThanOrEqual(abs(streamed.access[i] - stored.access[i]) / scale, 1e-12, "\(what) point \(i)")
        }
        for j in stored.ratio.indices {
            XCTAssertEqual(streamed.ratio[j] == nil, stored.ratio[j] == nil, "\(what) practice \(j)")
            if let a = streamed.ratio[j], let b = stored.ratio[j] { XCTAssertLessThanOrEqual(abs(a - b) / abs(b), 1e-12, "\(what) practice \(j)") }
        }
    }

    func testRoadStreamingEqualsMatrix() {
        let g = SyntheticRoadNetwork.generate(nodes: 4_000, seed: 21)
        var rng = SplitMix64(seed: 4)
        let snapper = SegmentSnapper(graph: g, mode: .car)
        let extent = NodeExtent(g)
        func random() -> Coordinate { extent.random(&rng) }
        let pts = (0..<1_500).map { _ in snapper.snap(random()) }
        let pr = (0..<25).map { _ in snapper.snap(random()) }
        let pop = pts.map { _ in Double.random(in: 0...60, using: &rng).rounded() }
        let fte = pr.map { _ in Double.random(in: 0.5...5, using: &rng) }
        for (weight, c) in [(RouteWeight.length, 2_000.0), (.time, 4.0)] {
            let matrix = RoadCosts.matrix(graph: g, mode: .car, weight: weight, points: pts, practices: pr, catchment: c)
            XCTAssertGreaterThan(matrix.pairCount, 1_000)
            for method in FCAMethod.allCases {
                let stored = FloatingCatchment.compute(matrix: matrix, demand: pop, supply: fte, method: method, catchment: c)
                for threads in [1, 3] {
                    ParallelWork.threads = threads
                    let source = RoadCosts.pairs(graph: g, mode: .car, weight: weight, points: pts, practices: pr, catchment: c)
                    let (streamed, pairs) = FloatingCatchment.compute(pairs: source, demand: pop, supply: fte, method: method, catchment: c)
                    XCTAssertEqual(pairs, matrix.pairCount)
                    assertSame(streamed, stored, "\(weight) \(method) \(threads) threads")
                }
            }
        }
    }

    func testStraightLineStreamingEqualsMatrix() {
        var rng = SplitMix64(seed: 8)
        let (pts, pop, pr, fte) = FloatingCatchmentTests.randomCase(&rng, points: 2_000, practices: 40, side: 15_000, maxInhabitants: 300)
        let matrix = StraightLineCosts.matrix(points: pts, practices: pr, catchmentM: 3_000)
        for method in FCAMethod.allCases {
            let stored = FloatingCatchment.compute(matrix: matrix, demand: pop, supply: fte, method: method, catchment: 3_000)
            let (streamed, pairs) = FloatingCatchment.compute(pairs: StraightLineCosts.pairs(points: pts, practices: pr, catchmentM: 3_000),
                                                              demand: pop, supply: fte, method: method, catchment: 3_000)
            XCTAssertEqual(pairs, matrix.pairCount)
            assertSame(streamed, stored, "\(method)")
            // And against the independent dense loops.
            let dense = FloatingCatchmentTests.dense(pts, pop, pr, fte, 3_000, method)
            for i in pts.indices {
                XCTAssertLessThanOrEqual(abs(streamed.access[i] - dense[i]) / max(abs(dense[i]), 1e-300), 1e-12, "\(method) point \(i)")
            }
        }
    }

    /// The per-point sums do not depend on the order the terms arrive in.
    func testPointSumsAreOrderFree() {
        var rng = SplitMix64(seed: 2)
        let terms = (0..<5_000).map { _ in Double.random(in: 0...1, using: &rng) * pow(10, Double(Int.random(in: -8...3, using: &rng))) }
        var forward = PointSums(count: 1)
        for t in terms { forward.add(0, t) }
        var a = PointSums(count: 1), b = PointSums(count: 1)
        for (k, t) in terms.reversed().enumerated() { if k % 3 == 0 { a.add(0, t) } else { b.add(0, t) } }
        XCTAssertEqual(PointSums.totals([forward], count: 1), PointSums.totals([a, b], count: 1))
    }
}

/// A pair source that counts its searches.
private final class CountingPairs<Base: CatchmentPairs>: CatchmentPairs, @unchecked Sendable {
    let base: Base
    private let counts: UnsafeMutableBufferPointer<Int>
    init(_ base: Base) {
        self.base = base
        counts = .allocate(capacity: base.practiceCount)
        counts.initialize(repeating: 0)
    }
    deinit { counts.deallocate() }
    var pointCount: Int { base.pointCount }
    var practiceCount: Int { base.practiceCount }
    var original: [Int32]? { base.original }
    var searches: Int { counts.reduce(0, +) }
    func makeWorker() -> Base.Worker { base.makeWorker() }
    // Each practice is searched by one worker at a time, so its counter is not shared.
    func pairs(of j: Int, worker: inout Base.Worker, into list: inout PairList) {
        counts[j] += 1
        base.pairs(of: j, worker: &worker, into: &list)
    }
}

final class FCAPairMemoTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    /// Kept pairs change how often a practice is searched, never a bit of
    /// the result: no budget (every pass searches), a budget for some
    /// practices and one for all give identical access and ratios.
    func testKeptPairsSearchOncePerPracticeAndGiveTheSameBits() {
        var rng = SplitMix64(seed: 31)
        let pts = (0..<3_000).map { _ in Coordinate(x: Double.random(in: 0...20_000, using: &rng), y: Double.random(in: 0...20_000, using: &rng)) }
        let pop = pts.map { _ in Double.random(in: 0...300, using: &rng).rounded() }
        let pr = (0..<60).map { _ in Coordinate(x: Double.random(in: 0...20_000, using: &rng), y: Double.random(in: 0...20_000, using: &rng)) }
        // Every fifth practice without supply (closed): pass 2 need not search it.
        let fte = pr.indices.map { j in j % 5 == 0 ? 0 : Double.random(in: 0.5...6, using: &rng) }
        for threads in [1, 2] {
            ParallelWork.threads = threads
            for method in FCAMethod.allCases {
                let passes = method == .balanced ? 3 : 2
                var results: [FloatingCatchment.Result] = []
                for budget in [0, 40_000, 1 << 30] {
                    let source = CountingPairs(StraightLineCosts.pairs(points: pts, practices: pr, catchmentM: 3_000))
                    let (r, pairs) = FloatingCatchment.compute(pairs: source, demand: pop, supply: fte, method: method,
                                                               catchment: 3_000, keptBytes: budget)
                    XCTAssertGreaterThan(pairs, 40_000 / 12, "the middle budget keeps only some practices")
                    let reached = r.ratio.filter { ($0 ?? 0) != 0 }.count
                    if budget == 0 {
                        // Pass 2 skips practices nobody reaches, and those without supply.
                        XCTAssertEqual(source.searches, (passes - 1) * pr.count + reached, "\(method)")
                    } else if budget == 1 << 30 {
                        XCTAssertEqual(source.searches, pr.count, "\(method): one search per practice")
                    } else {
                        XCTAssertGreaterThan(source.searches, pr.count)
                        XCTAssertLessThan(source.searches, (passes - 1) * pr.count + reached)
                    }
                    results.append(r)
                }
                for r in results.dropFirst() {
                    XCTAssertEqual(r.access, results[0].access, "\(method), \(threads) threads")
                    XCTAssertEqual(r.ratio, results[0].ratio, "\(method), \(threads) threads")
                }
            }
        }
    }
}
