import Geo

/// Polygons and multipolygons (in WGS84) in the text GDAL 3.6's GeoJSON
/// driver writes with `RFC7946=YES`, `COORDINATE_PRECISION=7`: every array
/// `[ a, b ]` (`[ ]` when empty), positions as `GDALNumberText.coordinate`,
/// each ring turned to the right-hand rule (exterior counterclockwise,
/// holes clockwise) as OGR decides it, by writing the ring from its last
/// position to its first, and a multipolygon of one polygon written as that
/// polygon (OGR's RFC 7946 writer does so).
enum GeoJSONPolygonText {
    /// Whether `g` is written here exactly as OGR writes it: a polygon or a
    /// multipolygon of at least one polygon, each of at least one ring of at
    /// least four positions, all finite and away from the antimeridian and
    /// the poles (longitude within ±179, latitude within ±89: OGR's RFC 7946
    /// writer may cut or wrap geometries there). Any other geometry makes its
    /// layer go through OGR.
    static func isWritable(_ g: Geometry) -> Bool {
        func ok(_ rings: [[Coordinate]]) -> Bool {
            !rings.isEmpty && rings.allSatisfy { ring in
                ring.count >= 4 && ring.allSatisfy { abs($0.x) <= 179 && abs($0.y) <= 89 }
            }
        }
        switch g {
        case .polygon(let rings): return ok(rings)
        case .multiPolygon(let polygons): return !polygons.isEmpty && polygons.allSatisfy(ok)
        default: return false
        }
    }

    /// Writes `{ "type": …, "coordinates": … }` of a geometry `isWritable` accepts.
    static func write(_ g: Geometry, into sink: ByteSink) throws {
        switch g {
        case .polygon(let rings):
            try sink.ascii("{ \"type\": \"Polygon\", \"coordinates\": ")
            try polygon(rings, into: sink)
        case .multiPolygon(let polygons) where polygons.count == 1:
            try sink.ascii("{ \"type\": \"Polygon\", \"coordinates\": ")
            try polygon(polygons[0], into: sink)
        case .multiPolygon(let polygons):
            try sink.ascii("{ \"type\": \"MultiPolygon\", \"coordinates\": [ ")
            for (k, rings) in polygons.enumerated() {
                if k > 0 { try sink.ascii(", ") }
                try polygon(rings, into: sink)
            }
            try sink.ascii(" ]")
        default:
            preconditionFailure("only geometries isWritable accepts are written here")
        }
        try sink.ascii(" }")
    }

    private static func polygon(_ rings: [[Coordinate]], into sink: ByteSink) throws {
        try sink.ascii("[ ")
        for (k, ring) in rings.enumerated() {
            if k > 0 { try sink.ascii(", ") }
            try sink.ascii("[ ")
            let reversed = isWrittenReversed(ring, exterior: k == 0)
            for i in ring.indices {
                let c = ring[reversed ? ring.count - 1 - i : i]
                try sink.ascii(i == 0 ? "[ " : ", [ ")
                try GDALNumberText.coordinate(c.x, into: sink)
                try sink.ascii(", ")
                try GDALNumberText.coordinate(c.y, into: sink)
                try sink.ascii(" ]")
            }
            try sink.ascii(" ]")
        }
        try sink.ascii(" ]")
    }

    /// `g` as OGR reads the written text back: a polygon for a multipolygon
    /// of one, rings in the order written, every position rounded as written (`GDALNumberText.coordinateAsRead`).
    static func asWritten(_ g: Geometry) -> Geometry {
        func rings(_ rs: [[Coordinate]]) -> [[Coordinate]] {
            rs.enumerated().map { k, ring in
                let ordered = isWrittenReversed(ring, exterior: k == 0) ? Array(ring.reversed()) : ring
                return ordered.map { Coordinate(x: GDALNumberText.coordinateAsRead($0.x), y: GDALNumberText.coordinateAsRead($0.y)) }
            }
        }
        switch g {
        case .polygon(let rs): return .polygon(rings(rs))
        case .multiPolygon(let ps) where ps.count == 1: return .polygon(rings(ps[0]))
        case .multiPolygon(let ps): return .multiPolygon(ps.map(rings))
        default: return g
        }
    }

    /// Whether the right-hand rule turns the ring: an exterior ring OGR
    /// finds clockwise, a hole it finds counterclockwise.
    static func isWrittenReversed(_ ring: [Coordinate], exterior: Bool) -> Bool {
        isClockwise(ring) == exterior
    }

    /// The ring's orientation as OGR 3.6 decides it (`OGRLinearRing::isClockwise`,
    /// on the positions before rounding): the turn at the lowest, then
    /// rightmost, vertex; when that vertex repeats, or a neighbour lies within
    /// 1e-5 (degrees) of it in both coordinates, or the turn is straight, the
    /// sign of the shoelace sum instead. For a simple ring both say the same;
    /// following OGR also in the degenerate cases keeps the written bytes OGR's.
    static func isClockwise(_ ring: [Coordinate]) -> Bool {
        let n = ring.count
        guard n >= 2 else { return true }
        var pivot = 0, repeated = false
        for i in 1..<(n - 1) {
            let p = ring[i], v = ring[pivot]
            if p.y < v.y || (p.y == v.y && p.x > v.x) {
                pivot = i
                repeated = false
            } else if p.y == v.y && p.x == v.x {
                repeated = true
            }
        }
        let v = ring[pivot]
        let before = ring[pivot == 0 ? n - 2 : pivot - 1]
        let after = ring[pivot + 1 >= n - 1 ? 0 : pivot + 1]
        func near(_ a: Coordinate) -> Bool { abs(a.x - v.x) < 1e-5 && abs(a.y - v.y) < 1e-5 }
        if !repeated && !near(before) && !near(after) {
            let turn = (after.x - v.x) * (before.y - v.y) - (before.x - v.x) * (after.y - v.y)
            if turn > 0 { return false }
            if turn < 0 { return true }
        }
        var sum = ring[0].x * (ring[1].y - ring[n - 1].y)
        for i in 1..<(n - 1) { sum += ring[i].x * (ring[i + 1].y - ring[i - 1].y) }
        sum += ring[n - 1].x * (ring[0].y - ring[n - 2].y)
        return sum < 0
    }
}
