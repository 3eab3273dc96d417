import CGEOS

/// Nearest-neighbour search over a fixed set of points with a GEOS STRtree.
/// Owns its GEOS context; use one per thread.
public final class PointTree {
    private let context: GEOSContext
    private let points: [Coordinate]
    private let geometries: [GEOSGeometryRef]
    private let tree: OpaquePointer

    /// Holds what the distance callback needs; passed through `userdata`.
    private final class Query {
        let points: [Coordinate]
        var target = Coordinate(x: 0, y: 0)
        init(points: [Coordinate]) { self.points = points }
    }
    private let query: Query

    public init(points: [Coordinate]) throws {
        let ctx = try GEOSContext()
        context = ctx
        self.points = points
        query = Query(points: points)
        geometries = try points.map { try ctx.make(.point($0)) }
        context.resetError()
        // Returns NULL on exception; node capacity must be >= 2.
        guard let t = GEOSSTRtree_create_r(context.handle, 10) else { throw context.error("STRtree create") }
        tree = t
        for (i, g) in geometries.enumerated() {
            GEOSSTRtree_insert_r(context.handle, tree, g.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// The index of the nearest point and its distance, or nil when empty.
    public func nearest(to c: Coordinate) throws -> (index: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        query.target = c
        context.resetError()
        guard let env = GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y) else { throw context.error("create point") }
        let owned = GEOSGeometryRef(env, context: context)
        // The query item is the sentinel Int.max; tree items are index + 1.
        let sentinel = UnsafeRawPointer(bitPattern: Int.max)
        let found = GEOSSTRtree_nearest_generic_r(
            context.handle, tree, sentinel, owned.pointer,
            { a, b, distance, userData in
                let q = Unmanaged<Query>.fromOpaque(userData!).takeUnretainedValue()
                func position(_ p: UnsafeRawPointer?) -> Coordinate {
                    let bits = Int(bitPattern: p)
                    return bits == Int.max ? q.target : q.points[bits - 1]
                }
                distance!.pointee = position(a).distance(to: position(b))
                return 1
            },
            Unmanaged.passUnretained(query).toOpaque())
        // Returns NULL on exception or for an empty tree.
        guard let found else { throw context.error("STRtree nearest") }
        let index = Int(bitPattern: found) - 1
        return (index, points[index].distance(to: c))
    }
}
