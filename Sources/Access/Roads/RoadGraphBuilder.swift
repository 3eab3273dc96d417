import Geo

/// Builds a `RoadGraph` from road lines.
///
/// Topology comes from shared vertices: two vertices are the same node when
/// their coordinates are equal after rounding to `precisionM` (default 1 cm).
/// A line with both junction ids joins others at its ends by those ids
/// instead; its interior vertices are its own. Every vertex becomes a node and
/// every segment between consecutive vertices an edge, so snapping and
/// partial edge costs are exact. Zero-length segments and self-loops are
/// dropped and counted; of parallel edges with the same allowed directions
/// one is kept.
///
/// Speed: vertices find their node in a `CoordinateIndex`, the per-line work
/// runs in a `RoadSegmentCollector` value, and `build()` uses only linear
/// passes and one integer sort (the Morton order).
public final class RoadGraphBuilder {
    public let profiles: [TravelProfile?]
    public let precisionM: Double
    public var report: RoadGraphBuildCounts { collected.report }

    private var collected: RoadSegmentCollector

    public init(profiles: [TravelProfile] = TravelMode.allCases.map(TravelProfile.default), precisionM: Double = 0.01) {
        var byMode = [TravelProfile?](repeating: nil, count: TravelMode.allCases.count)
        for p in profiles { byMode[p.mode.rawValue] = p }
        self.profiles = byMode
        self.precisionM = precisionM
        collected = RoadSegmentCollector(profiles: byMode, precisionM: precisionM)
    }

    public func add(_ line: RoadLine) { collected.add(line) }

    /// For networks given as an edge list (nodes with dense ids, edges as
    /// node pairs): adds the nodes without coordinate matching and returns
    /// the id of the first; ids follow the order given.
    public func addNodes(_ coordinates: [Coordinate]) -> Int32 { collected.addNodes(coordinates) }

    /// Adds straight segments between nodes added with `addNodes`, all with
    /// the class, direction and access of `template` (its coordinates are
    /// ignored). Lengths are the straight distance between the nodes.
    public func addSegments(_ pairs: [(Int32, Int32)], like template: RoadLine) {
        let (direction, speeds) = collected.directionAndSpeeds(template)
        guard !direction.isEmpty else { return }
        let accessible = RoadLine.reachableFromProperty(template.highway)
        for (a, b) in pairs { collected.addSegment(a, b, direction: direction, speeds: speeds, accessible: accessible) }
    }

    /// New id per node: the rank of the node's 32-bit Morton code (16 bits
    /// per axis over the extent), ties by old id.
    static func mortonOrder(xs: [Double], ys: [Double]) -> [Int32] {
        let n = xs.count
        guard n > 0 else { return [] }
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let sx = 65535 / Swift.max(maxX - minX, 1e-9), sy = 65535 / Swift.max(maxY - minY, 1e-9)
        // Code in the high half, old id in the low half.
        let keys = parallelMap(count: n, minPerWorker: 200_000) { v in
            let qx = UInt64(((xs[v] - minX) * sx).rounded()), qy = UInt64(((ys[v] - minY) * sy).rounded())
            return MortonCode.of(x: qx, y: qy) << 32 | UInt64(v)
        }
        let sorted = sortedByHighHalf(keys)
        var newId = [Int32](repeating: 0, count: n)
        for (rank, k) in sorted.enumerated() { newId[Int(k & 0xFFFF_FFFF)] = Int32(rank) }
        return newId
    }

    /// `keys` sorted by their high 32 bits, keeping the given order among
    /// equal ones: a stable radix sort, one byte per pass. With the old ids
    /// counting up in the low half this is the order of the whole keys, at a
    /// fraction of a comparison sort's time on millions of nodes.
    static func sortedByHighHalf(_ keys: [UInt64]) -> [UInt64] {
        var from = keys
        var to = [UInt64](repeating: 0, count: keys.count)
        for shift in stride(from: UInt64(32), to: 64, by: 8) {
            var start = [Int](repeating: 0, count: 257)
            for k in from { start[Int((k >> shift) & 0xFF) + 1] += 1 }
            // A byte all keys share leaves the order as it is.
            if start.contains(keys.count) { continue }
            for b in 0..<256 { start[b + 1] += start[b] }
            from.withUnsafeBufferPointer { source in
                to.withUnsafeMutableBufferPointer { target in
                    for k in source {
                        let b = Int((k >> shift) & 0xFF)
                        target[start[b]] = k
                        start[b] += 1
                    }
                }
            }
            swap(&from, &to)
        }
        return from
    }

    /// Builds the graph. The builder can be dropped afterwards.
    public func build() -> RoadGraph {
        let c = collected
        var report = c.report
        let n = c.nodeX.count
        let s = c.segFrom.count
        // Number nodes along a Morton (Z-order) curve so that nodes near each
        // other in space are near each other in memory: routing touches a
        // node's neighbours right after the node.
        let newId = Self.mortonOrder(xs: c.nodeX, ys: c.nodeY)
        var nodeX = c.nodeX, nodeY = c.nodeY
        for v in 0..<n { nodeX[Int(newId[v])] = c.nodeX[v]; nodeY[Int(newId[v])] = c.nodeY[v] }
        var segFrom = c.segFrom, segTo = c.segTo
        let segDirection = c.segDirection
        for i in 0..<s { segFrom[i] = newId[Int(segFrom[i])]; segTo[i] = newId[Int(segTo[i])] }
        // Parallels: normalise each segment to lo < hi (directions swapped to
        // match), group segments by lo (input order kept within a group) and
        // compare within the small groups.
        var lo = [Int32](repeating: 0, count: s), hi = lo
        var normDirection = [Direction](repeating: [], count: s)
        for i in 0..<s {
            let a = segFrom[i], b = segTo[i]
            if a < b { lo[i] = a; hi[i] = b; normDirection[i] = segDirection[i] }
            else { lo[i] = b; hi[i] = a; normDirection[i] = segDirection[i].reversed }
        }
        let groups = CSR<Int32>(rows: n) { emit in for i in 0..<s { emit(Int(lo[i]), Int32(i)) } }
        var members = groups.arcs
        // Keep the first (in input order) of each (lo, hi, direction) group.
        var keep = [Bool](repeating: false, count: s)
        var accessible = c.segAccessible
        var speed = c.segSpeed
        for v in 0..<n {
            let g0 = groups.begin(v), g1 = groups.end(v)
            // Large groups are sorted by (hi, direction, input order) so that a
            // parallel can only be the last kept one; small ones are scanned.
            let sorted = g1 - g0 > 32
            if sorted {
                members[g0..<g1].sort {
                    (hi[Int($0)], normDirection[Int($0)].rawValue, $0) < (hi[Int($1)], normDirection[Int($1)].rawValue, $1)
                }
            }
            var lastKept = -1
            for j in g0..<g1 {
                let k = Int(members[j])
                var first = -1
                if sorted {
                    if lastKept >= 0 && hi[lastKept] == hi[k] && normDirection[lastKept] == normDirection[k] { first = lastKept }
                } else {
                    for q in g0..<j where keep[Int(members[q])] {
                        let o = Int(members[q])
                        if hi[o] == hi[k] && normDirection[o] == normDirection[k] { first = o; break }
                    }
                }
                if first < 0 { keep[k] = true; lastKept = k; continue }
                accessible[first] = accessible[first] || accessible[k]
                for m in TravelMode.allCases { speed[first][m] = Swift.max(speed[first][m], speed[k][m]) }
                report.parallelEdgesMerged += 1
            }
        }
        var edgeFrom = [NodeID](), edgeTo = [NodeID](), edgeLength = [Float]()
        var edgeDirection = [Direction](), edgeSpeed = [PerMode<Float>](), edgeAccessible = [Bool]()
        edgeFrom.reserveCapacity(s); edgeTo.reserveCapacity(s); edgeLength.reserveCapacity(s)
        for k in 0..<s where keep[k] {
            let a = Int(segFrom[k]), b = Int(segTo[k])
            let dx = nodeX[a] - nodeX[b], dy = nodeY[a] - nodeY[b]
            edgeFrom.append(NodeID(raw: segFrom[k])); edgeTo.append(NodeID(raw: segTo[k]))
            edgeLength.append(Float((dx * dx + dy * dy).squareRoot()))
            edgeDirection.append(segDirection[k]); edgeSpeed.append(speed[k]); edgeAccessible.append(accessible[k])
        }
        let e = edgeFrom.count
        // The arcs: per edge, one for each direction some mode may travel,
        // grouped by the node they leave.
        let built = CSR<EdgeArc>(rows: n) { emit in
            for k in 0..<e {
                if !edgeDirection[k].forward.isEmpty { emit(edgeFrom[k].index, EdgeArc(edge: Int32(k), forward: true)) }
                if !edgeDirection[k].backward.isEmpty { emit(edgeTo[k].index, EdgeArc(edge: Int32(k), forward: false)) }
            }
        }
        let m = built.arcCount
        var targets = [NodeID](repeating: NodeID(raw: 0), count: m)
        var arcLength = [Float](repeating: 0, count: m)
        var arcEdge = [EdgeID](repeating: EdgeID(raw: 0), count: m)
        var arcTime = PerMode(repeating: [Float](repeating: .infinity, count: m))
        var fwd = [Int32](repeating: -1, count: e), bwd = [Int32](repeating: -1, count: e)
        for a in 0..<m {
            let arc = built.arcs[a], k = Int(arc.edge)
            targets[a] = arc.forward ? edgeTo[k] : edgeFrom[k]
            arcLength[a] = edgeLength[k]
            arcEdge[a] = EdgeID(raw: arc.edge)
            let modes = arc.forward ? edgeDirection[k].forward : edgeDirection[k].backward
            for mode in TravelMode.allCases {
                let kmh = edgeSpeed[k][mode]
                if modes.contains(mode) && kmh > 0 { arcTime[mode][a] = edgeLength[k] / (kmh / 3.6) }
            }
            if arc.forward { fwd[k] = Int32(a) } else { bwd[k] = Int32(a) }
        }
        collected.report = report
        return RoadGraph(nodeX: nodeX, nodeY: nodeY, out: CSR(offsets: built.offsets, arcs: targets), arcLengthM: arcLength,
                         arcTimeS: arcTime, arcEdge: arcEdge, edgeFrom: edgeFrom, edgeTo: edgeTo,
                         edgeLengthM: edgeLength, edgeForwardArc: OptionalIDs<ArcID>(raw: fwd), edgeBackwardArc: OptionalIDs<ArcID>(raw: bwd),
                         edgeAccessible: edgeAccessible, report: report)
    }
}

/// An arc as the builder lays it out: its edge and whether it runs from → to.
private struct EdgeArc {
    var edge: Int32
    var forward: Bool
}
