import CGEOS

/// Geometry operations backed by GEOS. One engine owns one GEOS context, so
/// an engine must not be used from two threads at once: create one per task.
/// All measures are in the units of the input coordinates; callers pass
/// EPSG:28992 metres for metric work.
public final class GeometryEngine {
    let context: GEOSContext

    public init() throws {
        context = try GEOSContext()
    }

    /// GEOS library version, e.g. "3.11.1-CAPI-1.17.1".
    public static var geosVersion: String { String(cString: GEOSversion()) }

    public func area(_ g: Geometry) throws -> Double {
        let ref = try context.make(g)
        var a = 0.0
        context.resetError()
        // Returns 0 on exception.
        guard GEOSArea_r(context.handle, ref.pointer, &a) != 0 else { throw context.error("area") }
        return a
    }

    public func length(_ g: Geometry) throws -> Double {
        let ref = try context.make(g)
        var l = 0.0
        context.resetError()
        // Returns 0 on exception.
        guard GEOSLength_r(context.handle, ref.pointer, &l) != 0 else { throw context.error("length") }
        return l
    }

    public func distance(_ a: Geometry, _ b: Geometry) throws -> Double {
        let ra = try context.make(a), rb = try context.make(b)
        var d = 0.0
        context.resetError()
        // Returns 0 on exception.
        guard GEOSDistance_r(context.handle, ra.pointer, rb.pointer, &d) != 0 else { throw context.error("distance") }
        return d
    }

    /// A point guaranteed to lie inside a polygon (for points: the point).
    public func pointOnSurface(_ g: Geometry) throws -> Coordinate {
        let ref = try context.make(g)
        context.resetError()
        let result = try context.take(GEOSPointOnSurface_r(context.handle, ref.pointer), "point on surface")
        guard case .point(let c) = result else {
            throw GeoError.geos(operation: "point on surface", message: "empty geometry has no point on its surface")
        }
        return c
    }

    public func centroid(_ g: Geometry) throws -> Coordinate {
        let ref = try context.make(g)
        context.resetError()
        guard case .point(let c) = try context.take(GEOSGetCentroid_r(context.handle, ref.pointer), "centroid") else {
            throw GeoError.geos(operation: "centroid", message: "empty geometry has no centroid")
        }
        return c
    }

    /// Validity and, when invalid, GEOS's reason (e.g. "Self-intersection[x y]").
    public func validity(_ g: Geometry) throws -> (isValid: Bool, reason: String) {
        let ref = try context.make(g)
        context.resetError()
        // Returns 2 on exception.
        let valid = GEOSisValid_r(context.handle, ref.pointer)
        guard valid != 2 else { throw context.error("is valid") }
        if valid == 1 { return (true, "Valid Geometry") }
        guard let reason = GEOSisValidReason_r(context.handle, ref.pointer) else { return (false, "invalid") }
        defer { GEOSFree_r(context.handle, reason) }
        return (false, String(cString: reason))
    }

    /// Repairs an invalid geometry (GEOS make-valid).
    public func makeValid(_ g: Geometry) throws -> Geometry {
        let ref = try context.make(g)
        context.resetError()
        return try context.take(GEOSMakeValid_r(context.handle, ref.pointer), "make valid")
    }

    /// Keeps only the polygonal parts of a geometry (e.g. after make-valid).
    public func polygonalPart(_ g: Geometry) -> Geometry? {
        switch g {
        case .polygon, .multiPolygon: return g
        case .collection(let parts):
            let polys = parts.flatMap { part -> [[[Coordinate]]] in
                switch polygonalPart(part) {
                case .polygon(let rings): return [rings]
                case .multiPolygon(let ps): return ps
                default: return []
                }
            }
            return polys.isEmpty ? nil : .multiPolygon(polys)
        default: return nil
        }
    }

    /// Union of all geometries into one (GEOS unary union).
    public func unaryUnion(_ gs: [Geometry]) throws -> Geometry {
        let ref = try context.make(.collection(gs))
        context.resetError()
        return try context.take(GEOSUnaryUnion_r(context.handle, ref.pointer), "unary union")
    }

    public func intersection(_ a: Geometry, _ b: Geometry) throws -> Geometry {
        let ra = try context.make(a), rb = try context.make(b)
        context.resetError()
        return try context.take(GEOSIntersection_r(context.handle, ra.pointer, rb.pointer), "intersection")
    }

    public func buffer(_ g: Geometry, distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        let ref = try context.make(g)
        context.resetError()
        return try context.take(GEOSBuffer_r(context.handle, ref.pointer, distance, Int32(quadrantSegments)), "buffer")
    }

    /// Voronoi cells of a set of sites, clipped to `envelope` when given.
    /// The cells come back in no particular order.
    public func voronoiCells(_ sites: [Coordinate], envelope: Geometry? = nil) throws -> [Geometry] {
        let ref = try context.make(.multiPoint(sites))
        let env = try envelope.map { try context.make($0) }
        context.resetError()
        let result = try context.take(
            GEOSVoronoiDiagram_r(context.handle, ref.pointer, env?.pointer, 0, 0), "voronoi diagram")
        if case .collection(let cells) = result { return cells }
        return [result]
    }

    public func convexHull(_ g: Geometry) throws -> Geometry {
        let ref = try context.make(g)
        context.resetError()
        return try context.take(GEOSConvexHull_r(context.handle, ref.pointer), "convex hull")
    }

    /// Simplifies a geometry, keeping its topology (tolerance in map units).
    public func simplify(_ g: Geometry, tolerance: Double) throws -> Geometry {
        let ref = try context.make(g)
        context.resetError()
        return try context.take(GEOSTopologyPreserveSimplify_r(context.handle, ref.pointer, tolerance), "simplify")
    }

    public func wkb(_ g: Geometry) throws -> [UInt8] {
        let ref = try context.make(g)
        guard let writer = GEOSWKBWriter_create_r(context.handle) else { throw context.error("WKB writer") }
        defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
        var size = 0
        context.resetError()
        // Returns NULL on exception; the buffer is freed with GEOSFree_r.
        guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, ref.pointer, &size) else {
            throw context.error("write WKB")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    public func geometry(wkb: [UInt8]) throws -> Geometry {
        guard let reader = GEOSWKBReader_create_r(context.handle) else { throw context.error("WKB reader") }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        context.resetError()
        // Returns NULL on exception (malformed WKB).
        let g = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(context.handle, reader, $0.baseAddress, $0.count) }
        return try context.take(g, "read WKB")
    }
}
