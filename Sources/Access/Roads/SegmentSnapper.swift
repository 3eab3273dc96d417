import Geo

/// A point placed on a road edge.
public struct SnappedPoint: Sendable, Hashable {
    /// The edge (undirected road segment) of the `RoadGraph`.
    public var edge: EdgeID
    /// Position along the edge, 0 at `edgeFrom`, 1 at `edgeTo`. The road
    /// distance from the point to `edgeFrom` is `fraction × length`, to
    /// `edgeTo` `(1 − fraction) × length` (when the direction is allowed).
    public var fraction: Double
    /// Straight-line distance from the original point to the road, metres.
    public var distanceM: Double
    /// The projected position on the road, EPSG:28992 metres.
    public var location: Coordinate

    public init(edge: EdgeID, fraction: Double, distanceM: Double, location: Coordinate) {
        self.edge = edge
        self.fraction = fraction
        self.distanceM = distanceM
        self.location = location
    }
}

/// Projects points onto the nearest road edge a mode may use, with a uniform
/// grid index over the edges. Immutable after construction; safe to query
/// from several threads.
public struct SegmentSnapper: Sendable {
    public let mode: TravelMode
    /// Farther than this (metres) a point counts as unreachable.
    public let maxDistanceM: Double
    public let cellSizeM: Double
    private let minX: Double, minY: Double
    private let columns: Int, rows: Int
    /// Per cell entry (CSR over cells): the edge's segment (ax, ay, bx, by)
    /// and, in `cellEdgeIds`, its id, stored in cell order so that scanning a
    /// cell reads consecutive memory (an edge spanning several cells is stored in each).
    private let cellSegments: CSR<SIMD4<Double>>
    private let cellEdgeIds: [EdgeID]
    /// Number of edges in the index.
    public let indexedEdges: Int

    /// - Parameters:
    ///   - mode: only edges this mode may travel in some direction are used.
    ///   - maxDistanceM: snap distance above which `snap` returns nil (default 1000 m).
    ///   - minComponentNodes: ignore edges in weakly connected components with
    ///     fewer nodes (0 = use every component), so points do not land on
    ///     isolated fragments.
    ///   - cellSizeM: grid cell size; nil picks one from the edge density.
    public init(graph: RoadGraph, mode: TravelMode, maxDistanceM: Double = 1000,
                minComponentNodes: Int = 0, cellSizeM: Double? = nil) {
        self.mode = mode
        self.maxDistanceM = maxDistanceM
        var ax = [Double](), ay = [Double](), bx = [Double](), by = [Double](), ids = [EdgeID]()
        var env = Envelope.empty
        for e in 0..<graph.edgeCount where graph.edgeUsable(e, by: mode) && graph.edgeAccessible[e] {
            let f = graph.edgeFrom[e].index, t = graph.edgeTo[e].index
            if minComponentNodes > 0, graph.componentSizes[Int(graph.componentOfNode[f])] < minComponentNodes { continue }
            ax.append(graph.nodeX[f]); ay.append(graph.nodeY[f]); bx.append(graph.nodeX[t]); by.append(graph.nodeY[t])
            ids.append(EdgeID(e))
            env.expand(toInclude: graph.coordinate(ofNode: f)); env.expand(toInclude: graph.coordinate(ofNode: t))
        }
        let count = ids.count
        if env.isEmpty { env = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        var cell = cellSizeM ?? {
            let area = Swift.max(env.width * env.height, 1)
            return Swift.max((area / Double(Swift.max(count, 1))).squareRoot() * 2, 10)
        }()
        // Cap the grid at about 16M cells.
        while (env.width / cell + 1) * (env.height / cell + 1) > 16_000_000 { cell *= 2 }
        self.cellSizeM = cell
        minX = env.minX; minY = env.minY
        let columns = Int(env.width / cell) + 1
        let rows = Int(env.height / cell) + 1
        self.columns = columns
        self.rows = rows
        func cellRange(_ i: Int) -> (Int, Int, Int, Int) {
            let x0 = Int((Swift.min(ax[i], bx[i]) - env.minX) / cell), x1 = Int((Swift.max(ax[i], bx[i]) - env.minX) / cell)
            let y0 = Int((Swift.min(ay[i], by[i]) - env.minY) / cell), y1 = Int((Swift.max(ay[i], by[i]) - env.minY) / cell)
            return (Swift.min(x0, columns - 1), Swift.min(x1, columns - 1), Swift.min(y0, rows - 1), Swift.min(y1, rows - 1))
        }
        let cells = CSR<Int32>(rows: columns * rows) { emit in
            for i in 0..<count {
                let (x0, x1, y0, y1) = cellRange(i)
                for y in y0...y1 { for x in x0...x1 { emit(y * columns + x, Int32(i)) } }
            }
        }
        cellSegments = cells.map { SIMD4(ax[Int($0)], ay[Int($0)], bx[Int($0)], by[Int($0)]) }
        cellEdgeIds = cells.arcs.map { ids[Int($0)] }
        indexedEdges = ids.count
    }


    /// The nearest point on a usable edge, or nil when none lies within
    /// `maxDistanceM`. Ties go to the lowest edge id.
    public func snap(_ p: Coordinate) -> SnappedPoint? {
        guard indexedEdges > 0, p.isFinite else { return nil }
        // A point some 10^12 cells (over 10^13 m) from the grid is no place on
        // Earth: not snapped, rather than trapping on the cell arithmetic.
        let fx = ((p.x - minX) / cellSizeM).rounded(.down), fy = ((p.y - minY) / cellSizeM).rounded(.down)
        guard abs(fx) < 1e12, abs(fy) < 1e12 else { return nil }
        let cx = Int(fx), cy = Int(fy)
        var best = Double.infinity       // squared distance
        var bestItem = -1
        var bestT = 0.0
        // Start at the first ring that can touch the grid.
        let startRing = Swift.max(0, Swift.max(Swift.max(-cx, cx - (columns - 1)), Swift.max(-cy, cy - (rows - 1))))
        // Rings beyond startRing + columns + rows hold no cell of the grid, so
        // that bounds the search even for an unlimited (infinite) snap distance.
        let maxRing = Int(Swift.min(maxDistanceM >= 0 ? (maxDistanceM / cellSizeM).rounded(.up) : 0, Double(startRing + columns + rows))) + 1
        let px = p.x - minX, py = p.y - minY
        var r = startRing
        while r <= maxRing {
            // Every cell of ring r lies outside the block of rings < r.
            let lower = r == 0 ? 0 : Swift.max(0, Swift.min(Swift.min(px - Double(cx - r + 1) * cellSizeM, Double(cx + r) * cellSizeM - px),
                                                            Swift.min(py - Double(cy - r + 1) * cellSizeM, Double(cy + r) * cellSizeM - py)))
            // (The 1e-6 m² slack keeps exact ties on cell borders despite rounding.)
            if lower * lower > best + 1e-6 || lower > maxDistanceM { break }
            let yLo = Swift.max(cy - r, 0), yHi = Swift.min(cy + r, rows - 1)
            if yLo <= yHi {
                for y in yLo...yHi {
                    let onEdgeRow = (y == cy - r || y == cy + r)
                    let step = onEdgeRow || r == 0 ? 1 : 2 * r
                    // Distance from p to the cell's row band and column band.
                    let dy = Swift.max(0, Swift.max(Double(y) * cellSizeM - py, py - Double(y + 1) * cellSizeM))
                    var x = cx - r
                    while x <= cx + r {
                        let dx = Swift.max(0, Swift.max(Double(x) * cellSizeM - px, px - Double(x + 1) * cellSizeM))
                        if x >= 0 && x < columns && dx * dx + dy * dy <= best + 1e-6 {
                            let c = y * columns + x
                            for k in cellSegments.range(c) {
                                let seg = cellSegments.arcs[k]
                                let (d2, t) = Self.project(p, seg[0], seg[1], seg[2], seg[3])
                                if d2 < best || (d2 == best && cellEdgeIds[k] < cellEdgeIds[Swift.max(bestItem, 0)]) {
                                    best = d2; bestItem = k; bestT = t
                                }
                            }
                        }
                        x += step
                    }
                }
            }
            r += 1
        }
        guard bestItem >= 0 else { return nil }
        let d = best.squareRoot()
        guard d <= maxDistanceM else { return nil }
        let seg = cellSegments.arcs[bestItem]
        let loc = Coordinate(x: seg[0] + bestT * (seg[2] - seg[0]), y: seg[1] + bestT * (seg[3] - seg[1]))
        return SnappedPoint(edge: cellEdgeIds[bestItem], fraction: bestT, distanceM: d, location: loc)
    }

    /// Squared distance from `p` to segment a–b and the clamped parameter t.
    @inline(__always)
    static func project(_ p: Coordinate, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> (Double, Double) {
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((p.x - ax) * dx + (p.y - ay) * dy) / len2 : 0
        t = Swift.min(Swift.max(t, 0), 1)
        let qx = ax + t * dx - p.x, qy = ay + t * dy - p.y
        return (qx * qx + qy * qy, t)
    }
}
