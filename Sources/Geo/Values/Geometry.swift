/// A geometry as a plain Swift value, independent of any C library.
/// Polygons are lists of rings; the first ring is the shell, the others holes.
public enum Geometry: Hashable, Sendable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case collection([Geometry])

    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .multiPoint: return "MultiPoint"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        case .collection: return "GeometryCollection"
        }
    }

    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: return true
        case .collection(let parts): return !parts.isEmpty && parts.allSatisfy(\.isPolygonal)
        default: return false
        }
    }

    public var isPuntal: Bool {
        switch self {
        case .point, .multiPoint: return true
        default: return false
        }
    }

    /// Every coordinate of the geometry, in order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let c): return [c]
        case .multiPoint(let cs), .lineString(let cs): return cs
        case .multiLineString(let lines): return lines.flatMap { $0 }
        case .polygon(let rings): return rings.flatMap { $0 }
        case .multiPolygon(let polys): return polys.flatMap { $0.flatMap { $0 } }
        case .collection(let parts): return parts.flatMap(\.coordinates)
        }
    }

    /// The number of `coordinates`, without gathering them.
    public var coordinateCount: Int {
        switch self {
        case .point: return 1
        case .multiPoint(let cs), .lineString(let cs): return cs.count
        case .multiLineString(let lines): return lines.reduce(0) { $0 + $1.count }
        case .polygon(let rings): return rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let polys): return polys.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        case .collection(let parts): return parts.reduce(0) { $0 + $1.coordinateCount }
        }
    }

    public var isEmpty: Bool { coordinates.isEmpty }

    /// True when every coordinate is a finite number.
    public var isFinite: Bool { coordinates.allSatisfy(\.isFinite) }

    public var envelope: Envelope {
        var e = Envelope.empty
        for c in coordinates { e.expand(toInclude: c) }
        return e
    }

    /// The same geometry with every coordinate passed through `f`.
    public func mapCoordinates(_ f: (Coordinate) throws -> Coordinate) rethrows -> Geometry {
        switch self {
        case .point(let c): return .point(try f(c))
        case .multiPoint(let cs): return .multiPoint(try cs.map(f))
        case .lineString(let cs): return .lineString(try cs.map(f))
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(f) })
        case .polygon(let rs): return .polygon(try rs.map { try $0.map(f) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map { try $0.map(f) } })
        case .collection(let gs): return .collection(try gs.map { try $0.mapCoordinates(f) })
        }
    }
}
