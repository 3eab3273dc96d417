import CGEOS

/// Pairs of polygons whose interiors overlap, with the area they share:
/// envelopes are swept to find candidate pairs, a prepared geometry rules
/// out the pairs that do not touch, and GEOS computes the shared area of
/// the rest (polygons that only share a border share no area).
public enum PolygonOverlaps {
    public struct Overlap: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var area: Double
    }

    /// Every pair (first < second) sharing more than `minArea` (square units
    /// of the coordinates), in (first, second) order.
    public static func find(_ polygons: [Geometry], minArea: Double = 0) throws -> [Overlap] {
        let context = try GEOSContext()
        let envelopes = polygons.map(\.envelope)
        let order = polygons.indices.filter { !envelopes[$0].isEmpty }.sorted { envelopes[$0].minX < envelopes[$1].minX }
        var refs: [Int: GEOSGeometryRef] = [:]
        var prepared: [Int: GEOSPreparedRef] = [:]
        func ref(_ i: Int) throws -> GEOSGeometryRef {
            if let r = refs[i] { return r }
            let r = try context.make(polygons[i]); refs[i] = r; return r
        }
        var found: [Overlap] = []
        for (k, i) in order.enumerated() {
            let a = envelopes[i]
            var p: GEOSPreparedRef?
            for j in order[(k + 1)...] {
                let b = envelopes[j]
                if b.minX > a.maxX { break }
                guard b.minY <= a.maxY && b.maxY >= a.minY else { continue }
                if p == nil {
                    if let q = prepared[i] { p = q } else { p = try GEOSPreparedRef(base: try ref(i)); prepared[i] = p }
                }
                let rb = try ref(j)
                context.resetError()
                // Returns 2 on exception.
                let touches = GEOSPreparedIntersects_r(context.handle, p!.pointer, rb.pointer)
                if touches == 2 { throw context.error("prepared intersects") }
                guard touches == 1 else { continue }
                context.resetError()
                // Returns NULL on exception; owned from the moment it returns.
                let owned = try context.own(GEOSIntersection_r(context.handle, p!.base.pointer, rb.pointer), "intersection")
                var area = 0.0
                // Returns 0 on exception.
                guard GEOSArea_r(context.handle, owned.pointer, &area) != 0 else { throw context.error("area") }
                if area > minArea { found.append(Overlap(first: min(i, j), second: max(i, j), area: area)) }
            }
            // Done with i as the left polygon: free its prepared form early.
            prepared[i] = nil
        }
        return found.sorted { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
    }
}
