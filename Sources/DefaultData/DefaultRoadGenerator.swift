import Foundation
import Geo
import Access

/// One road of the default data set: the line as the graph builder takes it
/// plus a display name (nil for most minor roads).
public struct DefaultRoad: Sendable, Hashable {
    public var line: RoadLine
    public var name: String?

    public init(line: RoadLine, name: String? = nil) {
        self.line = line
        self.name = name
    }
}

/// A SYNTHETIC road network for the default province, in EPSG:28992.
///
/// - A motorway spine roughly along the A28 (Meppel – Hoogeveen – Assen –
///   Groningen) and the A37 (Hoogeveen – Emmen – the German border), as two
///   one-way carriageways 12 m either side of the axis, joined to the local
///   roads by two-way `motorway_link`s at interchanges. Motorways cross
///   other roads without junctions (grade separated).
/// - Provincial roads between places: a minimum spanning tree over all
///   places plus links to each place's 2 nearest neighbours; links between
///   the main towns of municipalities are `primary`, the rest `secondary`.
/// - A jittered lattice of rural roads about 1.6 km apart (`tertiary` or
///   `unclassified`), clipped to the province outline.
/// - A residential street grid (250 m, slightly rotated) around each place,
///   its radius growing with the place's inhabitants.
/// - A few `cycleway`s between nearby villages.
///
/// All roads except motorways are noded: where two lines cross, the
/// crossing point (rounded to 1 cm) is inserted as a vertex into both, so the
/// graph builder joins them there. The car network is one connected
/// component (checked; small pieces are joined to the rest by a link).
/// Deterministic: its own SplitMix64 stream, no dictionary iteration order.
public enum DefaultRoadGenerator {
    /// Lattice spacing and jitter of the rural roads.
    static let latticeSpacingM = 1_600.0
    static let latticeJitterM = 150.0
    static let streetSpacingM = 250.0

    /// Motorway axes, WGS84 lon/lat waypoints.
    static let a28: [(Double, Double)] = [
        (6.150, 52.672), (6.205, 52.690), (6.250, 52.705), (6.330, 52.722), (6.420, 52.738),
        (6.458, 52.748), (6.490, 52.790), (6.520, 52.850), (6.540, 52.905), (6.560, 52.960),
        (6.585, 52.995), (6.590, 53.040), (6.600, 53.085), (6.610, 53.150),
    ]
    static let a37: [(Double, Double)] = [
        (6.458, 52.748), (6.520, 52.735), (6.600, 52.730), (6.700, 52.728), (6.800, 52.727),
        (6.870, 52.730), (6.950, 52.735), (7.010, 52.738), (7.080, 52.740),
    ]

    struct Line {
        var cs: [Coordinate]
        var highway: String
        var maxspeed: Int?
        var oneway: RoadDirection = .both
        var allowed: ModeSet = .all
        var name: String?
        /// Whether crossings with other lines become junctions.
        var noded = true
    }

    /// Rounds to the 1 cm grid used for shared vertices.
    static func r(_ c: Coordinate) -> Coordinate {
        Coordinate(x: (c.x * 100).rounded() / 100, y: (c.y * 100).rounded() / 100)
    }

    static func key(_ c: Coordinate) -> SIMD2<Int64> {
        SIMD2(Int64((c.x * 100).rounded()), Int64((c.y * 100).rounded()))
    }

    static func dist(_ a: Coordinate, _ b: Coordinate) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    static func inside(_ p: Coordinate, _ ring: [Coordinate]) -> Bool {
        var c = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { c.toggle() }
            j = i
        }
        return c
    }

    /// Parameter t in (0, 1] along a→b of the first crossing with the ring, nil if none.
    static func firstCrossing(_ a: Coordinate, _ b: Coordinate, _ ring: [Coordinate]) -> Double? {
        var best: Double?
        for i in 0..<(ring.count - 1) {
            if let (t, _) = crossing(a, b, ring[i], ring[i + 1]), best.map({ t < $0 }) ?? true { best = t }
        }
        return best
    }

    /// Parameters (t along a→b, u along c→d), both in [0, 1], when the segments meet.
    static func crossing(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> (Double, Double)? {
        let rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y
        let den = rx * sy - ry * sx
        guard abs(den) > 1e-9 else { return nil }
        let qx = c.x - a.x, qy = c.y - a.y
        let t = (qx * sy - qy * sx) / den
        let u = (qx * ry - qy * rx) / den
        guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
        return (t, u)
    }

    /// Generates the roads from the places (RD, indexed like the
    /// municipalities' places) and the province outline ring (RD, closed).
    static func generate(municipalities: [DrenthePlaces.Municipality], placeLocations: [[Coordinate]],
                         outline ring: [Coordinate], toRD: CoordinateTransformer,
                         rng: inout SplitMix64) throws -> [DefaultRoad] {
        struct P { var name: String; var at: Coordinate; var inhabitants: Int; var municipality: Int; var main: Bool }
        var places = [P]()
        for (m, municipality) in municipalities.enumerated() {
            let largest = municipality.places.map(\.inhabitants).max() ?? 0
            for (place, at) in zip(municipality.places, placeLocations[m]) {
                places.append(P(name: place.name, at: r(at), inhabitants: place.inhabitants, municipality: m,
                                main: place.inhabitants == largest))
            }
        }
        var lines = [Line]()

        // Residential grids. Radius in steps of 250 m.
        var townRadius = [Double]()
        for p in places {
            let n = Swift.max(1, Swift.min(10, Int((Double(p.inhabitants).squareRoot() / 25).rounded())))
            let radius = Double(n) * streetSpacingM
            townRadius.append(radius)
            let angle = rng.uniform(-0.35, 0.35)
            let ux = Coordinate(x: cos(angle), y: sin(angle)), uy = Coordinate(x: -sin(angle), y: cos(angle))
            func at(_ a: Double, _ b: Double) -> Coordinate {
                r(Coordinate(x: p.at.x + a * ux.x + b * uy.x, y: p.at.y + a * ux.y + b * uy.y))
            }
            for k in -n...n {
                let off = Double(k) * streetSpacingM
                let half = (radius * radius - off * off).squareRoot()
                guard half >= streetSpacingM / 2 else { continue }
                let maxspeed = k == 0 ? 50 : 30
                // Lines through the centre start at the centre so that it is a vertex.
                if k == 0 {
                    for s in [-1.0, 1.0] {
                        lines.append(Line(cs: [p.at, at(s * half, 0)], highway: "residential", maxspeed: maxspeed))
                        lines.append(Line(cs: [p.at, at(0, s * half)], highway: "residential", maxspeed: maxspeed))
                    }
                } else {
                    lines.append(Line(cs: [at(-half, off), at(half, off)], highway: "residential", maxspeed: maxspeed))
                    lines.append(Line(cs: [at(off, -half), at(off, half)], highway: "residential", maxspeed: maxspeed))
                }
            }
        }
        func inTown(_ c: Coordinate) -> Bool {
            for (i, p) in places.enumerated() where dist(c, p.at) < townRadius[i] { return true }
            return false
        }

        // Rural lattice, clipped to the outline; lattice edges wholly inside a town are left out.
        let xs = ring.map(\.x), ys = ring.map(\.y)
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let s = latticeSpacingM
        let cols = Int(((maxX - minX) / s).rounded(.up)) + 1, rows = Int(((maxY - minY) / s).rounded(.up)) + 1
        var node = [Coordinate]()
        var isIn = [Bool]()
        for row in 0..<rows {
            for col in 0..<cols {
                let c = r(Coordinate(x: minX + Double(col) * s + rng.uniform(-latticeJitterM, latticeJitterM),
                                     y: minY + Double(row) * s + rng.uniform(-latticeJitterM, latticeJitterM)))
                node.append(c)
                isIn.append(inside(c, ring))
            }
        }
        func latticeEdge(_ i: Int, _ j: Int) {
            var a = node[i], b = node[j]
            switch (isIn[i], isIn[j]) {
            case (false, false): return
            case (true, true): break
            case (false, true): swap(&a, &b); fallthrough
            case (true, false):
                guard let t = firstCrossing(a, b, ring), t > 0.05 else { return }
                b = r(Coordinate(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
            }
            if inTown(a) && inTown(b) && inTown(Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)) { return }
            let tertiary = rng.unit() < 0.25
            lines.append(Line(cs: [a, b], highway: tertiary ? "tertiary" : "unclassified", maxspeed: 60))
        }
        for row in 0..<rows {
            for col in 0..<cols {
                let i = row * cols + col
                if col + 1 < cols { latticeEdge(i, i + 1) }
                if row + 1 < rows { latticeEdge(i, i + cols) }
            }
        }

        // Provincial roads: minimum spanning tree over all places (Prim, ties by
        // index) plus each place's 2 nearest neighbours.
        let n = places.count
        var pairs = [(Int, Int)]()
        var inTree = [Bool](repeating: false, count: n)
        var best = [Double](repeating: .infinity, count: n), parent = [Int](repeating: -1, count: n)
        best[0] = 0
        for _ in 0..<n {
            var u = -1
            for v in 0..<n where !inTree[v] && (u < 0 || best[v] < best[u]) { u = v }
            inTree[u] = true
            if parent[u] >= 0 { pairs.append((Swift.min(u, parent[u]), Swift.max(u, parent[u]))) }
            for v in 0..<n where !inTree[v] {
                let d = dist(places[u].at, places[v].at)
                if d < best[v] { best[v] = d; parent[v] = u }
            }
        }
        for u in 0..<n {
            let near = (0..<n).filter { $0 != u }.sorted {
                let a = dist(places[u].at, places[$0].at), b = dist(places[u].at, places[$1].at)
                return a != b ? a < b : $0 < $1
            }
            for v in near.prefix(2) { pairs.append((Swift.min(u, v), Swift.max(u, v))) }
            // Main towns also link to the nearest main town of each neighbouring municipality within 25 km.
            if places[u].main {
                for v in near where places[v].main && places[v].municipality != places[u].municipality
                    && dist(places[u].at, places[v].at) < 25_000 {
                    pairs.append((Swift.min(u, v), Swift.max(u, v)))
                }
            }
        }
        var seen = Set<Int>()
        var connected = Set<Int>()
        for (a, b) in pairs where seen.insert(a * n + b).inserted {
            connected.insert(a * n + b)
            let pa = places[a].at, pb = places[b].at
            let primary = places[a].main && places[b].main
            let mid = r(Coordinate(x: (pa.x + pb.x) / 2 + rng.uniform(-250, 250), y: (pa.y + pb.y) / 2 + rng.uniform(-250, 250)))
            lines.append(Line(cs: [pa, mid, pb], highway: primary ? "primary" : "secondary", maxspeed: 80,
                              name: "\(places[a].name) – \(places[b].name)"))
        }

        // Cycleways between villages 2–6 km apart with no provincial road between them.
        var cyclePairs = [(Int, Int)]()
        for a in 0..<n where places[a].inhabitants < 5_000 {
            for b in (a + 1)..<n where places[b].inhabitants < 5_000 && !connected.contains(a * n + b) {
                let d = dist(places[a].at, places[b].at)
                if d > 2_000 && d < 6_000 { cyclePairs.append((a, b)) }
            }
        }
        rng.shuffle(&cyclePairs)
        for (a, b) in cyclePairs.prefix(16) {
            lines.append(Line(cs: [places[a].at, places[b].at], highway: "cycleway", maxspeed: nil,
                              allowed: [.bicycle, .foot], name: "fietspad \(places[a].name) – \(places[b].name)"))
        }

        nodeCrossings(&lines)

        // Motorways (not noded) with interchanges near towns of 2,500+ and at both ends.
        func motorway(_ waypoints: [(Double, Double)], name: String, maxspeed: Int) throws {
            var axis = [Coordinate]()
            for (i, w) in waypoints.enumerated() {
                let c = try toRD.transform(Coordinate(x: w.0, y: w.1))
                if i > 0 {
                    let prev = axis[axis.count - 1]
                    let steps = Swift.max(1, Int((dist(prev, c) / 2_500).rounded(.up)))
                    for k in 1..<steps {
                        let t = Double(k) / Double(steps)
                        axis.append(Coordinate(x: prev.x + t * (c.x - prev.x), y: prev.y + t * (c.y - prev.y)))
                    }
                }
                axis.append(c)
            }
            // Carriageways 12 m either side of the axis.
            func offset(_ side: Double) -> [Coordinate] {
                axis.indices.map { i in
                    let a = axis[Swift.max(0, i - 1)], b = axis[Swift.min(axis.count - 1, i + 1)]
                    let len = dist(a, b)
                    return r(Coordinate(x: axis[i].x + side * 12 * (b.y - a.y) / len, y: axis[i].y - side * 12 * (b.x - a.x) / len))
                }
            }
            let right = offset(1), left = offset(-1)
            lines.append(Line(cs: right, highway: "motorway", maxspeed: maxspeed, oneway: .forward, name: name, noded: false))
            lines.append(Line(cs: left.reversed(), highway: "motorway", maxspeed: maxspeed, oneway: .forward, name: name, noded: false))
            // Interchanges: the axis vertex nearest each town of 2,500+ within 4 km, and both ends.
            var exits = Set([0, axis.count - 1])
            for p in places where p.inhabitants >= 2_500 {
                let i = axis.indices.min { dist(axis[$0], p.at) < dist(axis[$1], p.at) }!
                if dist(axis[i], p.at) < 4_000 { exits.insert(i) }
            }
            let targets = lines.filter { $0.noded && $0.allowed.contains(.car) && $0.highway != "residential" }.flatMap(\.cs)
            for i in exits.sorted() {
                let to = targets.min { dist($0, axis[i]) < dist($1, axis[i]) }!
                for c in [right[i], left[i]] {
                    lines.append(Line(cs: [to, c], highway: "motorway_link", maxspeed: 70, name: "\(name) afrit", noded: false))
                }
            }
        }
        try motorway(a28, name: "A28", maxspeed: 130)
        try motorway(a37, name: "A37", maxspeed: 100)

        joinComponents(&lines)
        return lines.map { l in
            DefaultRoad(line: RoadLine(coordinates: l.cs, highway: l.highway, oneway: l.oneway,
                                       maxspeedKmh: l.maxspeed.map(Double.init), allowed: l.allowed),
                        name: l.name)
        }
    }

    /// Inserts every crossing of two noded lines as a shared vertex (1 cm grid) into both.
    static func nodeCrossings(_ lines: inout [Line]) {
        struct Seg { var line: Int; var index: Int; var a: Coordinate; var b: Coordinate }
        var segs = [Seg]()
        for (l, line) in lines.enumerated() where line.noded {
            for i in 0..<(line.cs.count - 1) { segs.append(Seg(line: l, index: i, a: line.cs[i], b: line.cs[i + 1])) }
        }
        // Uniform grid index over segment bounding boxes.
        let cell = 2_000.0
        var buckets = [SIMD2<Int>: [Int]]()
        for (k, s) in segs.enumerated() {
            for gx in Int((Swift.min(s.a.x, s.b.x) / cell).rounded(.down))...Int((Swift.max(s.a.x, s.b.x) / cell).rounded(.down)) {
                for gy in Int((Swift.min(s.a.y, s.b.y) / cell).rounded(.down))...Int((Swift.max(s.a.y, s.b.y) / cell).rounded(.down)) {
                    buckets[SIMD2(gx, gy), default: []].append(k)
                }
            }
        }
        // Per segment: inserted points with their parameter.
        var inserts = [[(Double, Coordinate)]](repeating: [], count: segs.count)
        var tested = Set<SIMD2<Int>>()
        for key in buckets.keys.sorted(by: { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }) {
            let list = buckets[key]!
            for i in 0..<list.count {
                for j in (i + 1)..<list.count {
                    let p = list[i], q = list[j]
                    let s = segs[p], o = segs[q]
                    if s.line == o.line && abs(s.index - o.index) <= 1 { continue }
                    guard tested.insert(SIMD2(p, q)).inserted else { continue }
                    guard let (t, u) = crossing(s.a, s.b, o.a, o.b) else { continue }
                    let ls = dist(s.a, s.b), lo = dist(o.a, o.b)
                    let eps = 0.02
                    let atS0 = t * ls < eps, atS1 = (1 - t) * ls < eps, atO0 = u * lo < eps, atO1 = (1 - u) * lo < eps
                    let point: Coordinate
                    if atS0 { point = s.a } else if atS1 { point = s.b } else if atO0 { point = o.a } else if atO1 { point = o.b }
                    else { point = r(Coordinate(x: s.a.x + t * (s.b.x - s.a.x), y: s.a.y + t * (s.b.y - s.a.y))) }
                    if !atS0 && !atS1 { inserts[p].append((t, point)) }
                    if !atO0 && !atO1 { inserts[q].append((u, point)) }
                }
            }
        }
        var k = 0
        for (l, line) in lines.enumerated() where line.noded {
            var out = [line.cs[0]]
            for i in 0..<(line.cs.count - 1) {
                for (_, c) in inserts[k].sorted(by: { $0.0 < $1.0 }) where key(c) != key(out[out.count - 1]) { out.append(c) }
                if key(line.cs[i + 1]) != key(out[out.count - 1]) { out.append(line.cs[i + 1]) }
                k += 1
            }
            lines[l].cs = out
        }
    }

    /// Joins every car component but the largest to it with an `unclassified`
    /// link between their nearest vertices.
    static func joinComponents(_ lines: inout [Line]) {
        while true {
            var id = [SIMD2<Int64>: Int]()
            var coords = [Coordinate]()
            var parent = [Int]()
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
            for line in lines where line.allowed.contains(.car) {
                var prev = -1
                for c in line.cs {
                    let k = key(c)
                    let v: Int
                    if let e = id[k] { v = e } else { v = coords.count; id[k] = v; coords.append(c); parent.append(v) }
                    if prev >= 0 { let a = find(prev), b = find(v); if a != b { parent[Swift.max(a, b)] = Swift.min(a, b) } }
                    prev = v
                }
            }
            var size = [Int: Int]()
            for v in coords.indices { size[find(v), default: 0] += 1 }
            guard size.count > 1 else { return }
            let largest = size.keys.sorted().max { size[$0]! < size[$1]! }!
            // The smallest-indexed vertex outside the largest component, linked to its nearest inside.
            let outside = coords.indices.filter { find($0) != largest }
            let root = find(outside[0])
            var bestPair = (0, 0), bestD = Double.infinity
            for v in outside where find(v) == root {
                for w in coords.indices where find(w) == largest {
                    let d = dist(coords[v], coords[w])
                    if d < bestD { bestD = d; bestPair = (v, w) }
                }
            }
            lines.append(Line(cs: [coords[bestPair.0], coords[bestPair.1]], highway: "unclassified", maxspeed: 60, noded: false))
        }
    }
}
