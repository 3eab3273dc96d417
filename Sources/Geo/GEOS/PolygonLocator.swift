import CGEOS
import Foundation

/// Finds which polygon contains a point: an STRtree over the polygons'
/// envelopes narrows the candidates, prepared geometries decide. A point on a
/// shared boundary goes to the first polygon (in input order) that covers it.
/// One locator owns its own GEOS context; `locateAll` runs several threads,
/// each with a locator of its own.
public final class PolygonLocator {
    private let context: GEOSContext
    private let polygons: [Geometry]
    private let prepared: [GEOSPreparedRef]
    private let tree: GEOSTreeRef

    public init(polygons: [Geometry]) throws {
        let ctx = try GEOSContext()
        context = ctx
        self.polygons = polygons
        prepared = try polygons.map { try GEOSPreparedRef(base: try ctx.make($0)) }
        tree = try GEOSTreeRef(context: ctx)
        for (i, p) in prepared.enumerated() {
            // Items are indexes + 1 stored in the pointer bits (never dereferenced).
            GEOSSTRtree_insert_r(context.handle, tree.pointer, p.base.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    public var count: Int { polygons.count }

    /// Index of the first polygon that covers `c`, or nil.
    public func locate(_ c: Coordinate) throws -> Int? {
        context.resetError()
        // Returns NULL on exception.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, owned.pointer, { item, userData in
                let list = userData!.assumingMemoryBound(to: [Int].self)
                list.pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        for i in candidates.sorted() {
            // Returns 2 on exception.
            let r = GEOSPreparedCovers_r(context.handle, prepared[i].pointer, owned.pointer)
            if r == 2 { throw context.error("prepared covers") }
            if r == 1 { return i }
        }
        return nil
    }

    /// Indexes of every polygon that covers `c`, ascending (overlapping
    /// polygons, e.g. the eligibility areas of neighbouring practices).
    public func locateEvery(_ c: Coordinate) throws -> [Int] {
        context.resetError()
        // Returns NULL on exception.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, owned.pointer, { item, userData in
                userData!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        var hits: [Int] = []
        for i in candidates.sorted() {
            // Returns 2 on exception.
            let r = GEOSPreparedCovers_r(context.handle, prepared[i].pointer, owned.pointer)
            if r == 2 { throw context.error("prepared covers") }
            if r == 1 { hits.append(i) }
        }
        return hits
    }

    /// The polygon nearest to `c` within `maxDistance` and its distance, for
    /// points that fall just outside generalised boundaries.
    public func nearest(to c: Coordinate, within maxDistance: Double) throws -> (index: Int, distance: Double)? {
        context.resetError()
        // Both return NULL on exception; each result is owned before the next call.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        let ownedBox = try context.own(
            GEOSGeom_createRectangle_r(context.handle, c.x - maxDistance, c.y - maxDistance,
                                       c.x + maxDistance, c.y + maxDistance), "create query rectangle")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, ownedBox.pointer, { item, userData in
                userData!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        var best: (Int, Double)?
        for i in candidates.sorted() {
            var d = 0.0
            // Returns 0 on exception.
            guard GEOSPreparedDistance_r(context.handle, prepared[i].pointer, owned.pointer, &d) != 0 else {
                throw context.error("prepared distance")
            }
            if d <= maxDistance && d < (best?.1 ?? .infinity) { best = (i, d) }
        }
        return best
    }
}
