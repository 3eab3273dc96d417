import CGEOS

/// Clips geometries to one area: the area is prepared once, pieces that lie
/// wholly inside it are returned as they are, only the others are
/// intersected. One clipper owns its own GEOS context: use one per thread.
public final class AreaClipper {
    private let context: GEOSContext
    private let area: GEOSGeometryRef
    private let prepared: GEOSPreparedRef
    private let engine: GeometryEngine

    public init(area: Geometry) throws {
        engine = try GeometryEngine()
        context = engine.context
        let ref = try context.make(area)
        self.area = ref
        prepared = try GEOSPreparedRef(base: ref)
    }

    /// The polygonal part of `g` inside the area, nil when nothing is left.
    public func clip(_ g: Geometry) throws -> Geometry? {
        let ref = try context.make(g)
        context.resetError()
        // Returns 2 on exception.
        let inside = GEOSPreparedContainsProperly_r(context.handle, prepared.pointer, ref.pointer)
        if inside == 2 { throw context.error("prepared contains properly") }
        if inside == 1 { return g }
        context.resetError()
        let clipped = try context.take(GEOSIntersection_r(context.handle, area.pointer, ref.pointer), "intersection")
        return engine.polygonalPart(clipped)
    }
}

extension GeometryEngine {
    /// Union of polygons that form a coverage (edges shared exactly, no
    /// overlaps), e.g. Voronoi cells or polygonized raster areas: GEOS's
    /// coverage union, much faster than a general union.
    public func coverageUnion(_ polygons: [Geometry]) throws -> Geometry {
        let ref = try context.make(.collection(polygons))
        context.resetError()
        return try context.take(GEOSCoverageUnion_r(context.handle, ref.pointer), "coverage union")
    }
}
