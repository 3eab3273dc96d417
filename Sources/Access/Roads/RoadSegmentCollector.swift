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
    var report = RoadGraphBuildReport()

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
    /// Bits 0–2: mode may travel from → to; bits 3–5: to → from.
    var segFlags = [UInt8]()
    /// Speeds in km/h per mode, 3 per segment.
    var segSpeed = [Float]()
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

    /// Direction bits and speeds of a line for every mode (flags 0: no mode may use it).
    func flagsAndSpeeds(_ line: RoadLine) -> (flags: UInt8, speeds: SIMD4<Float>) {
        var flags: UInt8 = 0
        var speeds = SIMD4<Float>(repeating: 0)
        for mode in TravelMode.allCases {
            guard let profile = profiles[mode.rawValue], let dir = line.direction(for: mode) else { continue }
            let bit = UInt8(1) << UInt8(mode.rawValue)
            switch dir {
            case .both: flags |= bit | (bit << 3)
            case .forward: flags |= bit
            case .backward: flags |= bit << 3
            }
            speeds[mode.rawValue] = Float(profile.speedKmh(highway: line.highway, maxspeedKmh: line.maxspeedKmh))
        }
        return (flags, speeds)
    }

    /// Nodes whose ids the caller already knows (an edge list), appended
    /// without coordinate matching; returns the id of the first.
    mutating func addNodes(_ coordinates: [Coordinate]) -> Int32 {
        let first = Int32(nodeX.count)
        for c in coordinates { nodeX.append(c.x); nodeY.append(c.y) }
        return first
    }

    /// One segment between known nodes, with a line's flags and speeds.
    mutating func addSegment(_ a: Int32, _ b: Int32, flags: UInt8, speeds: SIMD4<Float>, accessible: Bool) {
        guard a != b else { report.selfLoops += 1; return }
        segFrom.append(a); segTo.append(b); segFlags.append(flags); segAccessible.append(accessible)
        segSpeed.append(speeds[0]); segSpeed.append(speeds[1]); segSpeed.append(speeds[2])
    }

    mutating func add(_ line: RoadLine) {
        let (flags, speeds) = flagsAndSpeeds(line)
        let accessible = RoadLine.reachableFromProperty(line.highway)
        let cs = line.coordinates
        guard flags != 0, cs.count >= 2, cs.allSatisfy(\.isFinite) else { report.linesSkipped += 1; return }
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
                    segFrom.append(previous); segTo.append(n); segFlags.append(flags); segAccessible.append(accessible)
                    segSpeed.append(speeds[0]); segSpeed.append(speeds[1]); segSpeed.append(speeds[2])
                }
            }
            previous = n
        }
    }
}
