import Geo

/// The nodes and segments of the road lines added so far (the mutable half
/// of `RoadGraphBuilder`).
///
/// Kept as a struct so that the per-vertex work runs on a value the builder
/// accesses once per line, instead of on class properties that each pay a
/// dynamic exclusivity check.
struct RoadSegmentCollector {
    let profiles: [TravelProfile?]
    let precisionM: Double
    var report = RoadGraphBuildCounts()

    init(profiles: [TravelProfile?], precisionM: Double) {
        self.profiles = profiles
        self.precisionM = precisionM
    }

    var nodeX = [Double]()
    var nodeY = [Double]()
    var byCoordinate = CoordinateIndex()
    var byJunction = [Int64: Int32]()
    var segFrom = [Int32]()
    var segTo = [Int32]()
    /// The modes that may travel each segment, per direction.
    var segDirection = [Direction]()
    /// Speeds in km/h per mode.
    var segSpeed = [PerMode<Float>]()
    /// Whether homes and practices can lie on the segment (not a motorway or trunk road).
    var segAccessible = [Bool]()
    // Per-line scratch, reused so that adding a line does not allocate.
    var keptCoordinates = [Coordinate]()
    var keptKeys = [SIMD2<Int64>]()

    @inline(__always)
    private func key(_ c: Coordinate) -> SIMD2<Int64> {
        SIMD2<Int64>(Int64((c.x / precisionM).rounded()), Int64((c.y / precisionM).rounded()))
    }

    private mutating func node(key: SIMD2<Int64>, at c: Coordinate) -> Int32 {
        let candidate = Int32(nodeX.count)
        let n = byCoordinate.id(key, orInsert: candidate)
        if n == candidate { nodeX.append(c.x); nodeY.append(c.y) }
        return n
    }

    private mutating func newNode(_ c: Coordinate) -> Int32 {
        let n = Int32(nodeX.count)
        nodeX.append(c.x); nodeY.append(c.y)
        return n
    }

    private mutating func node(junction: Int64, at c: Coordinate) -> Int32 {
        if let n = byJunction[junction] { return n }
        let n = newNode(c)
        byJunction[junction] = n
        return n
    }

    /// Directions and speeds of a line for every mode (empty directions: no mode may use it).
    func directionAndSpeeds(_ line: RoadLine) -> (direction: Direction, speeds: PerMode<Float>) {
        var forward: ModeSet = [], backward: ModeSet = []
        var speeds = PerMode<Float>(repeating: 0)
        for mode in TravelMode.allCases {
            guard let profile = profiles[mode.rawValue], let dir = line.direction(for: mode) else { continue }
            switch dir {
            case .both: forward.insert(ModeSet(mode)); backward.insert(ModeSet(mode))
            case .forward: forward.insert(ModeSet(mode))
            case .backward: backward.insert(ModeSet(mode))
            }
            speeds[mode] = Float(profile.speedKmh(highway: line.highway, maxspeedKmh: line.maxspeedKmh))
        }
        return (Direction(forward: forward, backward: backward), speeds)
    }

    /// Nodes whose ids the caller already knows (an edge list), appended
    /// without coordinate matching; returns the id of the first.
    mutating func addNodes(_ coordinates: [Coordinate]) -> Int32 {
        let first = Int32(nodeX.count)
        for c in coordinates { nodeX.append(c.x); nodeY.append(c.y) }
        return first
    }

    /// One segment between known nodes, with a line's directions and speeds.
    mutating func addSegment(_ a: Int32, _ b: Int32, direction: Direction, speeds: PerMode<Float>, accessible: Bool) {
        guard a != b else { report.selfLoops += 1; return }
        segFrom.append(a); segTo.append(b); segDirection.append(direction); segAccessible.append(accessible)
        segSpeed.append(speeds)
    }

    /// What `directionAndSpeeds` and the property access depend on.
    private struct LineKind: Hashable {
        var highway: String
        var oneway: RoadDirection
        var onewayExempt: ModeSet
        var maxspeedKmh: Double?
        var allowed: ModeSet
    }
    /// A network has a handful of kinds of line and millions of lines: one
    /// lookup here instead of a class lookup per mode and one for access.
    private var kinds: [LineKind: (direction: Direction, speeds: PerMode<Float>, accessible: Bool)] = [:]

    private mutating func kind(of line: RoadLine) -> (direction: Direction, speeds: PerMode<Float>, accessible: Bool) {
        let kind = LineKind(highway: line.highway, oneway: line.oneway, onewayExempt: line.onewayExempt,
                            maxspeedKmh: line.maxspeedKmh, allowed: line.allowed)
        if let known = kinds[kind] { return known }
        let (direction, speeds) = directionAndSpeeds(line)
        let found = (direction, speeds, RoadLine.reachableFromProperty(line.highway))
        if kinds.count < 4_096 { kinds[kind] = found }
        return found
    }

    mutating func add(_ line: RoadLine) {
        let (direction, speeds, accessible) = kind(of: line)
        let cs = line.coordinates
        guard !direction.isEmpty, cs.count >= 2, cs.allSatisfy(\.isFinite) else { report.linesSkipped += 1; return }
        report.linesAdded += 1
        let useJunctions = line.startJunction != nil && line.endJunction != nil
        // Drop consecutive vertices that round to the same position (zero-length
        // segments); the last vertex always stays, as it may carry a junction id.
        keptCoordinates.removeAll(keepingCapacity: true)
        keptKeys.removeAll(keepingCapacity: true)
        for c in cs {
            let k = key(c)
            if let last = keptKeys.last, last == k {
                report.zeroLengthSegments += 1
                keptCoordinates[keptCoordinates.count - 1] = c
                continue
            }
            keptCoordinates.append(c); keptKeys.append(k)
        }
        var previous: Int32 = -1
        let last = keptCoordinates.count - 1
        for i in 0...last {
            let c = keptCoordinates[i]
            let n: Int32
            if useJunctions {
                if i == 0 { n = node(junction: line.startJunction!, at: c) }
                else if i == last { n = node(junction: line.endJunction!, at: c) }
                else { n = newNode(c) }
            } else {
                n = node(key: keptKeys[i], at: c)
            }
            if i > 0 {
                if n == previous {
                    report.selfLoops += 1
                } else {
                    segFrom.append(previous); segTo.append(n); segDirection.append(direction); segAccessible.append(accessible)
                    segSpeed.append(speeds)
                }
            }
            previous = n
        }
    }
}
