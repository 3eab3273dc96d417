import Geo

/// Where a site is judged from: a point site from itself; a polygon from its
/// point on surface plus a regular grid of points inside it (at least
/// `minimumGrid` when the shape allows), all weighted equally.
enum SiteSampling {
    static func points(_ g: Geometry, engine: GeometryEngine, minimumGrid: Int = 8) throws -> [Coordinate] {
        switch g {
        case .point(let c): return [c]
        case .multiPoint(let cs): return cs
        default: break
        }
        guard g.isPolygonal else { return [try engine.pointOnSurface(g)] }
        let locator = try PolygonLocator(polygons: [g])
        let e = g.envelope
        var grid: [Coordinate] = []
        for n in 3...16 {
            grid = []
            for r in 0..<n {
                for c in 0..<n {
                    let p = Coordinate(x: e.minX + (Double(c) + 0.5) / Double(n) * (e.maxX - e.minX),
                                       y: e.minY + (Double(r) + 0.5) / Double(n) * (e.maxY - e.minY))
                    if try locator.locate(p) != nil { grid.append(p) }
                }
            }
            if grid.count >= minimumGrid { break }
        }
        return [try engine.pointOnSurface(g)] + grid
    }
}
