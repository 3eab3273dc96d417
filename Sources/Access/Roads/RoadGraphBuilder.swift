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
    public var report: RoadGraphBuildReport { collected.report }

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
        let (flags, speeds) = collected.flagsAndSpeeds(template)
        guard flags != 0 else { return }
        let accessible = RoadLine.reachableFromProperty(template.highway)
        for (a, b) in pairs { collected.addSegment(a, b, flags: flags, speeds: speeds, accessible: accessible) }
    }

    /// New id per node: the rank of the node's 32-bit Morton code (16 bits
    /// per axis over the extent), ties by old id.
    static func mortonOrder(xs: [Double], ys: [Double]) -> [Int32] {
        let n = xs.count
        guard n > 0 else { return [] }
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let sx = 65535 / Swift.max(maxX - minX, 1e-9), sy = 65535 / Swift.max(maxY - minY, 1e-9)
        func spread(_ v: UInt64) -> UInt64 {
            var x = v & 0xFFFF
            x = (x | (x << 8)) & 0x00FF_00FF
            x = (x | (x << 4)) & 0x0F0F_0F0F
            x = (x | (x << 2)) & 0x3333_3333
            x = (x | (x << 1)) & 0x5555_5555
            return x
        }
        var keys = [UInt64](repeating: 0, count: n)
        for v in 0..<n {
            let qx = UInt64(((xs[v] - minX) * sx).rounded()), qy = UInt64(((ys[v] - minY) * sy).rounded())
            keys[v] = (spread(qx) | (spread(qy) << 1)) << 32 | UInt64(v)
        }
        keys.sort()
        var newId = [Int32](repeating: 0, count: n)
        for (rank, k) in keys.enumerated() { newId[Int(k & 0xFFFF_FFFF)] = Int32(rank) }
        return newId
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
        let segFlags = c.segFlags
        for i in 0..<s { segFrom[i] = newId[Int(segFrom[i])]; segTo[i] = newId[Int(segTo[i])] }
        // Parallels: normalise each segment to lo < hi (flags swapped to
        // match), group segments by lo with a counting sort (input order kept
        // within a group) and compare within the small groups.
        var lo = [Int32](repeating: 0, count: s), hi = lo
        var normFlags = [UInt8](repeating: 0, count: s)
        var groupStart = [Int32](repeating: 0, count: n + 1)
        for i in 0..<s {
            let a = segFrom[i], b = segTo[i], f = segFlags[i]
            if a < b { lo[i] = a; hi[i] = b; normFlags[i] = f } else { lo[i] = b; hi[i] = a; normFlags[i] = (f >> 3) | ((f & 7) << 3) }
            groupStart[Int(lo[i]) + 1] += 1
        }
        for v in 0..<n { groupStart[v + 1] += groupStart[v] }
        var members = [Int32](repeating: 0, count: s)
        var fill = groupStart
        for i in 0..<s { members[Int(fill[Int(lo[i])])] = Int32(i); fill[Int(lo[i])] += 1 }
        // Keep the first (in input order) of each (lo, hi, flags) group.
        var keep = [Bool](repeating: false, count: s)
        var accessible = c.segAccessible
        var speed = c.segSpeed
        for v in 0..<n {
            let g0 = Int(groupStart[v]), g1 = Int(groupStart[v + 1])
            // Large groups are sorted by (hi, flags, input order) so that a
            // parallel can only be the last kept one; small ones are scanned.
            let sorted = g1 - g0 > 32
            if sorted { members[g0..<g1].sort { (hi[Int($0)], normFlags[Int($0)], $0) < (hi[Int($1)], normFlags[Int($1)], $1) } }
            var lastKept = -1
            for j in g0..<g1 {
                let k = Int(members[j])
                var first = -1
                if sorted {
                    if lastKept >= 0 && hi[lastKept] == hi[k] && normFlags[lastKept] == normFlags[k] { first = lastKept }
                } else {
                    for q in g0..<j where keep[Int(members[q])] {
                        let o = Int(members[q])
                        if hi[o] == hi[k] && normFlags[o] == normFlags[k] { first = o; break }
                    }
                }
                if first < 0 { keep[k] = true; lastKept = k; continue }
                accessible[first] = accessible[first] || accessible[k]
                for m in 0..<3 { speed[first * 3 + m] = Swift.max(speed[first * 3 + m], speed[k * 3 + m]) }
                report.parallelEdgesMerged += 1
            }
        }
        var edgeFrom = [Int32](), edgeTo = [Int32](), edgeLength = [Float]()
        var edgeFlags = [UInt8](), edgeSpeedIndex = [Int](), edgeAccessible = [Bool]()
        edgeFrom.reserveCapacity(s); edgeTo.reserveCapacity(s); edgeLength.reserveCapacity(s)
        for k in 0..<s where keep[k] {
            let a = Int(segFrom[k]), b = Int(segTo[k])
            let dx = nodeX[a] - nodeX[b], dy = nodeY[a] - nodeY[b]
            edgeFrom.append(segFrom[k]); edgeTo.append(segTo[k])
            edgeLength.append(Float((dx * dx + dy * dy).squareRoot()))
            edgeFlags.append(segFlags[k]); edgeSpeedIndex.append(k * 3); edgeAccessible.append(accessible[k])
        }
        let e = edgeFrom.count
        // Count arcs per source node.
        var degree = [Int32](repeating: 0, count: n + 1)
        for k in 0..<e {
            if edgeFlags[k] & 7 != 0 { degree[Int(edgeFrom[k])] += 1 }
            if edgeFlags[k] >> 3 != 0 { degree[Int(edgeTo[k])] += 1 }
        }
        var offsets = [Int32](repeating: 0, count: n + 1)
        for v in 0..<n { offsets[v + 1] = offsets[v] + degree[v] }
        let m = Int(offsets[n])
        var cursor = Array(offsets[0..<n])
        var targets = [Int32](repeating: 0, count: m)
        var arcLength = [Float](repeating: 0, count: m)
        var arcEdge = [Int32](repeating: 0, count: m)
        var carTime = [Float](repeating: .infinity, count: m)
        var bicycleTime = carTime, footTime = carTime
        var fwd = [Int32](repeating: -1, count: e), bwd = [Int32](repeating: -1, count: e)
        func addArc(_ k: Int, _ bits: UInt8, from: Int32, to: Int32) -> Int32 {
            let a = Int(cursor[Int(from)]); cursor[Int(from)] += 1
            targets[a] = to
            arcLength[a] = edgeLength[k]
            arcEdge[a] = Int32(k)
            let base = edgeSpeedIndex[k]
            func time(_ mode: Int) -> Float {
                let kmh = speed[base + mode]
                return bits & (1 << UInt8(mode)) != 0 && kmh > 0 ? edgeLength[k] / (kmh / 3.6) : .infinity
            }
            carTime[a] = time(0); bicycleTime[a] = time(1); footTime[a] = time(2)
            return Int32(a)
        }
        for k in 0..<e {
            let f = edgeFlags[k]
            if f & 7 != 0 { fwd[k] = addArc(k, f & 7, from: edgeFrom[k], to: edgeTo[k]) }
            if f >> 3 != 0 { bwd[k] = addArc(k, f >> 3, from: edgeTo[k], to: edgeFrom[k]) }
        }
        let arcTime = [carTime, bicycleTime, footTime]
        collected.report = report
        return RoadGraph(nodeX: nodeX, nodeY: nodeY, offsets: offsets, targets: targets, arcLengthM: arcLength,
                         arcTimeS: arcTime, arcEdge: arcEdge, edgeFrom: edgeFrom, edgeTo: edgeTo,
                         edgeLengthM: edgeLength, edgeForwardArc: fwd, edgeBackwardArc: bwd,
                         edgeAccessible: edgeAccessible, report: report)
    }
}
