import Foundation
import XCTest
import Geo
@testable import Access

/// Hand-computed FCA cases and an independent dense-loop implementation.
final class FloatingCatchmentTests: XCTestCase {
    // Points on a line: P0 (0 m, 100 inh.), P1 (1000 m, 200), P2 (5000 m, 300).
    // Practices: S0 at 0 m with 2 FTE, S1 at 2000 m with 1 FTE. Catchment 1500 m.
    // Pairs: S0–P0 0 m, S0–P1 1000 m, S1–P1 1000 m (S1–P2 is 3000 m: out).
    let points = [Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0), Coordinate(x: 5000, y: 0)]
    let demand = [100.0, 200, 300]
    let practices = [Coordinate(x: 0, y: 0), Coordinate(x: 2000, y: 0)]
    let supply = [2.0, 1]

    func run(_ method: FCAMethod) -> [Double] {
        let m = StraightLineCosts.matrix(points: points, practices: practices, catchmentM: 1500)
        XCTAssertEqual(m.pairCount, 3)
        return FloatingCatchment.compute(matrix: m, demand: demand, supply: supply, method: method, catchment: 1500).access
    }

    func testTwoStepByHand() {
        // R0 = 2 / (100 + 200) = 1/150; R1 = 1 / 200.
        // A0 = 1/150; A1 = 1/150 + 1/200 = 7/600; A2 = 0 (nothing in reach).
        let a = run(.twoStep)
        XCTAssertEqual(a[0], 1.0 / 150, accuracy: 1e-15)
        XCTAssertEqual(a[1], 7.0 / 600, accuracy: 1e-15)
        XCTAssertEqual(a[2], 0)
        XCTAssertEqual(a[1] * 10_000, 116.6667, accuracy: 1e-4)   // FTE per 10,000
    }

    func testEnhancedByHand() {
        // c/3 = 500, 2c/3 = 1000: W(0) = 1, W(1000) = 0.68 (1000 ≤ 2c/3).
        // R0 = 2 / (100·1 + 200·0.68) = 2/236; R1 = 1 / (200·0.68) = 1/136.
        // A0 = 2/236 = 0.0084746; A1 = 0.68·(2/236 + 1/136) = 0.0107627.
        let a = run(.enhanced)
        XCTAssertEqual(a[0], 2.0 / 236, accuracy: 1e-15)
        XCTAssertEqual(a[1], 0.68 * (2.0 / 236 + 1.0 / 136), accuracy: 1e-15)
        XCTAssertEqual(a[1], 0.0107627, accuracy: 1e-7)
    }

    func testGaussianByHand() {
        // W(1000) = (e^(−½·(2/3)²) − e^(−½)) / (1 − e^(−½)) = (0.8007374 − 0.6065307) / 0.3934693 = 0.4935753.
        // R0 = 2 / (100 + 200·w); R1 = 1 / (200·w); A0 = R0; A1 = w·(R0 + R1).
        let w = 0.4935753
        XCTAssertEqual(FCAMethod.gaussian.weight(1000, catchment: 1500), w, accuracy: 1e-7)
        let a = run(.gaussian)
        let r0 = 2 / (100 + 200 * w), r1 = 1 / (200 * w)
        XCTAssertEqual(a[0], r0, accuracy: 1e-8)
        XCTAssertEqual(a[1], w * (r0 + r1), accuracy: 1e-8)
    }

    func testBalancedByHand() {
        // P1 reaches two practices: its selection weights are ½ and ½; P0's is 1.
        // R0 = 2 / (100·1 + 200·½) = 0.01; R1 = 1 / (200·½) = 0.01.
        // A0 = 0.01; A1 = ½·0.01 + ½·0.01 = 0.01.
        // Balanced: 100·0.01 + 200·0.01 = 3 FTE = the total supply (2SFCA gives 100/150 + 200·7/600 = 3.0 too
        // here, but counts P1's 200 inhabitants at both practices).
        let a = run(.balanced)
        XCTAssertEqual(a[0], 0.01, accuracy: 1e-15)
        XCTAssertEqual(a[1], 0.01, accuracy: 1e-15)
        XCTAssertEqual(zip(a, demand).reduce(0) { $0 + $1.0 * $1.1 }, 3, accuracy: 1e-12)
    }

    func testStepWeightsAtTheBoundaries() {
        XCTAssertEqual(FCAMethod.enhanced.weight(10, catchment: 30), 1)
        XCTAssertEqual(FCAMethod.enhanced.weight(10.0001, catchment: 30), 0.68)
        XCTAssertEqual(FCAMethod.enhanced.weight(20, catchment: 30), 0.68)
        XCTAssertEqual(FCAMethod.enhanced.weight(30, catchment: 30), 0.22)
        XCTAssertEqual(FCAMethod.enhanced.weight(30.0001, catchment: 30), 0)
        XCTAssertEqual(FCAMethod.gaussian.weight(0, catchment: 30), 1)
        XCTAssertEqual(FCAMethod.gaussian.weight(30, catchment: 30), 0, accuracy: 1e-15)
    }

    /// Random data against a plain dense double loop over every pair, with
    /// its own weight functions.
    func testAgreesWithDenseLoopsOnRandomData() {
        var rng = SplitMix64(seed: 7)
        let (pts, pop, pr, fte) = Self.randomCase(&rng, points: 400, practices: 30, side: 20_000, maxInhabitants: 500)
        let c = 4_000.0
        let matrix = StraightLineCosts.matrix(points: pts, practices: pr, catchmentM: c)
        for method in FCAMethod.allCases {
            let fast = FloatingCatchment.compute(matrix: matrix, demand: pop, supply: fte, method: method, catchment: c).access
            let dense = Self.dense(pts, pop, pr, fte, c, method)
            for i in pts.indices {
                let scale = max(abs(dense[i]), 1e-300)
                XCTAssertLessThanOrEqual(abs(fast[i] - dense[i]) / scale, 1e-12, "\(method) point \(i)")
            }
        }
    }

    /// A random case: points, then their whole inhabitants (0 to
    /// `maxInhabitants`), then practices, then their FTE (0.5 to 6); places
    /// uniform over a `side` metres square.
    static func randomCase(_ rng: inout SplitMix64, points: Int, practices: Int, side: Double, maxInhabitants: Double)
        -> (pts: [Coordinate], pop: [Double], pr: [Coordinate], fte: [Double]) {
        func place() -> Coordinate { Coordinate(x: Double.random(in: 0...side, using: &rng), y: Double.random(in: 0...side, using: &rng)) }
        let pts = (0..<points).map { _ in place() }
        let pop = pts.map { _ in Double.random(in: 0...maxInhabitants, using: &rng).rounded() }
        let pr = (0..<practices).map { _ in place() }
        let fte = pr.map { _ in Double.random(in: 0.5...6, using: &rng) }
        return (pts, pop, pr, fte)
    }

    static func dense(_ pts: [Coordinate], _ pop: [Double], _ pr: [Coordinate], _ fte: [Double], _ c: Double, _ method: FCAMethod) -> [Double] {
        func w(_ d: Double) -> Double {
            if d > c { return 0 }
            switch method {
            case .twoStep, .balanced: return 1
            case .enhanced: return d <= c / 3 ? 1 : d <= 2 * c / 3 ? 0.68 : 0.22
            case .gaussian: return (exp(-d * d / (2 * c * c)) - exp(-0.5)) / (1 - exp(-0.5))
            }
        }
        var W = [[Double]](repeating: [Double](repeating: 0, count: pr.count), count: pts.count)
        for i in pts.indices {
            for j in pr.indices {
                W[i][j] = w(((pts[i].x - pr[j].x) * (pts[i].x - pr[j].x) + (pts[i].y - pr[j].y) * (pts[i].y - pr[j].y)).squareRoot())
            }
            if method == .balanced {
                let s = W[i].reduce(0, +)
                if s > 0 { W[i] = W[i].map { $0 / s } }
            }
        }
        var ratio = [Double](repeating: 0, count: pr.count)
        for j in pr.indices {
            var d = 0.0
            for i in pts.indices { d += pop[i] * W[i][j] }
            ratio[j] = d > 0 ? fte[j] / d : 0
        }
        return pts.indices.map { i in pr.indices.reduce(0) { $0 + ratio[$1] * W[i][$1] } }
    }

    func testBalancedDoesNotInflate() {
        var rng = SplitMix64(seed: 3)
        let pts = (0..<300).map { _ in Coordinate(x: Double.random(in: 0...10_000, using: &rng), y: Double.random(in: 0...10_000, using: &rng)) }
        let pop = pts.map { _ in Double.random(in: 1...100, using: &rng) }
        let pr = (0..<12).map { _ in Coordinate(x: Double.random(in: 0...10_000, using: &rng), y: Double.random(in: 0...10_000, using: &rng)) }
        let fte = pr.map { _ in Double.random(in: 1...4, using: &rng) }
        let m = StraightLineCosts.matrix(points: pts, practices: pr, catchmentM: 3_000)
        let r = FloatingCatchment.compute(matrix: m, demand: pop, supply: fte, method: .balanced, catchment: 3_000)
        let reached = pr.indices.filter { r.ratio[$0] != nil }.reduce(0) { $0 + fte[$1] }
        XCTAssertEqual(zip(r.access, pop).reduce(0) { $0 + $1.0 * $1.1 }, reached, accuracy: 1e-9)
    }

    func testRangeQueryMatchesBruteForce() {
        var rng = SplitMix64(seed: 11)
        let pts = (0..<2_000).map { _ in Coordinate(x: Double.random(in: 0...5_000, using: &rng), y: Double.random(in: 0...5_000, using: &rng)) }
        let tree = KDTree(pts)
        for _ in 0..<50 {
            let q = Coordinate(x: Double.random(in: -500...5_500, using: &rng), y: Double.random(in: -500...5_500, using: &rng))
            let r = Double.random(in: 0...1_500, using: &rng)
            let got = Set(tree.within(r, of: q).map { Int($0.index) })
            let want = Set(pts.indices.filter { pts[$0].distance(to: q) <= r })
            XCTAssertEqual(got, want)
        }
    }
}
