import Geo

/// One road line as it enters the graph builder: coordinates already in
/// EPSG:28992 metres, attributes already interpreted.
public struct RoadLine: Sendable, Hashable {
    /// Vertices in digitising order, EPSG:28992 metres.
    public var coordinates: [Coordinate]
    /// Road class (an OSM `highway` value; NWB roads are mapped to one).
    public var highway: String
    /// Motor-traffic direction relative to the digitising order.
    public var oneway: RoadDirection
    /// Modes that ignore `oneway` on this road besides foot, which always
    /// does (e.g. `.bicycle` for OSM `oneway:bicycle=no`).
    public var onewayExempt: ModeSet
    /// Parsed `maxspeed` in km/h (`.infinity` = no limit), nil when untagged.
    public var maxspeedKmh: Double?
    /// Modes that may use the road at all.
    public var allowed: ModeSet
    /// Junction ids of the first and last vertex (NWB `jte_id_beg`,
    /// `jte_id_end`). When both are given, the line's end points join other
    /// lines by these ids instead of by coordinates.
    public var startJunction: Int64?
    public var endJunction: Int64?

    public init(coordinates: [Coordinate], highway: String, oneway: RoadDirection = .both,
                onewayExempt: ModeSet = [], maxspeedKmh: Double? = nil, allowed: ModeSet = .all,
                startJunction: Int64? = nil, endJunction: Int64? = nil) {
        self.coordinates = coordinates
        self.highway = highway
        self.oneway = oneway
        self.onewayExempt = onewayExempt
        self.maxspeedKmh = maxspeedKmh
        self.allowed = allowed
        self.startJunction = startJunction
        self.endJunction = endJunction
    }

    /// The directions `mode` may travel this line, nil when it may not use it.
    public func direction(for mode: TravelMode) -> RoadDirection? {
        guard allowed.contains(mode) else { return nil }
        if mode == .foot || onewayExempt.contains(mode) { return .both }
        return oneway
    }

    /// Interprets an OSM way: `highway` plus the other tags (as parsed from
    /// `other_tags` by `OSMTags.parse`). Returns nil when no profile may use it.
    public static func fromOSM(coordinates: [Coordinate], highway: String, tags: [String: String],
                               profiles: [TravelProfile]) -> RoadLine? {
        var allowed: ModeSet = []
        var exempt: ModeSet = []
        let general = TravelProfile.onewayDirection(highway: highway, tags: tags)
        for p in profiles where p.allows(highway: highway, tags: tags) {
            allowed.insert(ModeSet(p.mode))
            if p.mode == .bicycle, general != .both,
               TravelProfile.direction(mode: .bicycle, highway: highway, tags: tags) == .both {
                exempt.insert(.bicycle)
            }
        }
        guard !allowed.isEmpty else { return nil }
        return RoadLine(coordinates: coordinates, highway: highway, oneway: general, onewayExempt: exempt,
                        maxspeedKmh: tags["maxspeed"].flatMap(TravelProfile.parseMaxSpeed), allowed: allowed)
    }
}

extension RoadLine {
    /// Road classes without property access: nobody lives or practises on
    /// a motorway or trunk road, so points are never snapped onto one.
    static let noPropertyAccess: Set<String> = ["motorway", "motorway_link", "trunk", "trunk_link"]

    static func reachableFromProperty(_ highway: String) -> Bool { !noPropertyAccess.contains(highway) }
}

/// What the builder did with its input.
public struct RoadGraphBuildCounts: Sendable, Hashable {
    public var linesAdded = 0
    /// Lines with fewer than two finite vertices or no usable mode.
    public var linesSkipped = 0
    /// Consecutive vertices equal after rounding to the snap precision.
    public var zeroLengthSegments = 0
    /// Segments whose two ends became the same node (via junction ids).
    public var selfLoops = 0
    /// Segments dropped because an equal segment (same nodes, same allowed
    /// directions per mode) was kept; the kept one has the fastest time per mode.
    public var parallelEdgesMerged = 0
    public var nodes = 0
    public var edges = 0
    public var arcs = 0
    public var components = 0
    public var largestComponentNodes = 0

    public init() {}
}

/// A road network in compressed sparse row form, with dense ids.
///
/// - Nodes `0..<nodeCount` have coordinates in EPSG:28992 metres.
/// - **Edges** are undirected straight road segments between two nodes
///   (`edgeFrom` → `edgeTo` is the digitising direction). Snapping works on
///   edges.
/// - **Arcs** are the directed CSR entries: the arcs leaving node `u` are
///   `out.range(u)`, arc `a` goes to `out.arcs[a]`, has length
///   `arcLengthM[a]` and, per mode, travel time `arcTimeS[mode][a]`
///   in seconds (`.infinity` when the mode may not travel it). An edge has a
///   forward arc, a backward arc, or both (nil when absent).
///
/// Nodes, edges and arcs are `NodeID`, `EdgeID` and `ArcID` where the
/// columns hold them (`out`, `arcEdge`, `edgeForwardArc`,
/// `edgeBackwardArc`, `edgeFrom`, `edgeTo`).
public struct RoadGraph: Sendable {
    public let nodeX: [Double]
    public let nodeY: [Double]
    /// The arcs leaving each node; an arc's entry is the node it goes to.
    public let out: CSR<NodeID>
    /// `out.offsets` (kept for readers of the plain arrays).
    public var offsets: [Int32] { out.offsets }
    /// `out.arcs`: the node each arc goes to.
    public var targets: [NodeID] { out.arcs }
    public let arcLengthM: [Float]
    /// Indexed `[mode][arc]`; seconds, `.infinity` = not allowed.
    public let arcTimeS: PerMode<[Float]>
    /// The edge each arc belongs to.
    public let arcEdge: [EdgeID]
    public let edgeFrom: [NodeID]
    public let edgeTo: [NodeID]
    public let edgeLengthM: [Float]
    /// Arc `edgeFrom → edgeTo` of each edge, nil when absent.
    public let edgeForwardArc: OptionalIDs<ArcID>
    /// Arc `edgeTo → edgeFrom` of each edge, nil when absent.
    public let edgeBackwardArc: OptionalIDs<ArcID>
    /// Whether homes and practices can lie on the edge: false for motorways
    /// and trunk roads (and their links), which have no property access, so
    /// snapping skips them.
    public let edgeAccessible: [Bool]
    /// Weakly connected component of each node; components are numbered by
    /// size, 0 = largest.
    public let componentOfNode: [Int32]
    /// Node count per component, largest first.
    public let componentSizes: [Int]
    public let report: RoadGraphBuildCounts

    public var nodeCount: Int { nodeX.count }
    public var edgeCount: Int { edgeFrom.count }
    public var arcCount: Int { out.arcCount }

    public func coordinate(ofNode n: Int) -> Coordinate { Coordinate(x: nodeX[n], y: nodeY[n]) }
    public func coordinate(of n: NodeID) -> Coordinate { coordinate(ofNode: n.index) }

    /// True when `mode` may travel the edge in at least one direction.
    public func edgeUsable(_ e: Int, by mode: TravelMode) -> Bool {
        let t = arcTimeS[mode]
        if let f = edgeForwardArc[e], t[f].isFinite { return true }
        if let b = edgeBackwardArc[e], t[b].isFinite { return true }
        return false
    }

    /// Cost of arc `a` for `mode` under `weight`; `.infinity` when not allowed.
    @inline(__always)
    public func arcCost(_ a: Int, mode: TravelMode, weight: RouteWeight) -> Double {
        let t = arcTimeS[mode][a]
        guard t.isFinite else { return .infinity }
        return weight == .time ? Double(t) : Double(arcLengthM[a])
    }

    init(nodeX: [Double], nodeY: [Double], out: CSR<NodeID>, arcLengthM: [Float],
         arcTimeS: PerMode<[Float]>, arcEdge: [EdgeID], edgeFrom: [NodeID], edgeTo: [NodeID], edgeLengthM: [Float],
         edgeForwardArc: OptionalIDs<ArcID>, edgeBackwardArc: OptionalIDs<ArcID>, edgeAccessible: [Bool]? = nil, report: RoadGraphBuildCounts) {
        self.edgeAccessible = edgeAccessible ?? [Bool](repeating: true, count: edgeFrom.count)
        self.nodeX = nodeX; self.nodeY = nodeY; self.out = out
        self.arcLengthM = arcLengthM; self.arcTimeS = arcTimeS; self.arcEdge = arcEdge
        self.edgeFrom = edgeFrom; self.edgeTo = edgeTo; self.edgeLengthM = edgeLengthM
        self.edgeForwardArc = edgeForwardArc; self.edgeBackwardArc = edgeBackwardArc
        let (comp, sizes) = Self.components(nodeCount: nodeX.count, from: edgeFrom, to: edgeTo)
        componentOfNode = comp
        componentSizes = sizes
        var r = report
        r.nodes = nodeX.count; r.edges = edgeFrom.count; r.arcs = out.arcCount
        r.components = sizes.count; r.largestComponentNodes = sizes.first ?? 0
        self.report = r
    }

    /// Weakly connected components by union-find, renumbered largest first.
    static func components(nodeCount n: Int, from: [NodeID], to: [NodeID]) -> ([Int32], [Int]) {
        var parent = [Int32](0..<Int32(n))
        func find(_ x: Int32) -> Int32 {
            var r = x
            while parent[Int(r)] != r { r = parent[Int(r)] }
            var c = x
            while parent[Int(c)] != r { let next = parent[Int(c)]; parent[Int(c)] = r; c = next }
            return r
        }
        for e in 0..<from.count {
            let a = find(from[e].raw), b = find(to[e].raw)
            if a != b { if a < b { parent[Int(b)] = a } else { parent[Int(a)] = b } }
        }
        var rootIndex = [Int32](repeating: -1, count: n)
        var sizes = [Int]()
        var comp = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let r = Int(find(Int32(v)))
            if rootIndex[r] < 0 { rootIndex[r] = Int32(sizes.count); sizes.append(0) }
            comp[v] = rootIndex[r]
            sizes[Int(rootIndex[r])] += 1
        }
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var rename = [Int32](repeating: 0, count: sizes.count)
        for (newId, old) in order.enumerated() { rename[old] = Int32(newId) }
        for v in 0..<n { comp[v] = rename[Int(comp[v])] }
        return (comp, order.map { sizes[$0] })
    }
}

/// What a route search minimises.
public enum RouteWeight: Sendable, Hashable {
    /// Travel time in seconds for the mode.
    case time
    /// Road length in metres (over roads the mode may use, in directions it may travel).
    case length
}
