import Geo

extension PolygonLocator {
    /// The polygon covering each coordinate (index into `polygons`), -1
    /// where none does; on all workers, each with a locator (and GEOS
    /// context) of its own.
    public static func locateAll(_ coordinates: [Coordinate], in polygons: [Geometry]) throws -> [Int32] {
        try parallelMap(count: coordinates.count, minPerWorker: 10_000, state: { try PolygonLocator(polygons: polygons) }) { locator, i in
            Int32(try locator.locate(coordinates[i]) ?? -1)
        }
    }

    /// For every polygon, the ascending indexes of the coordinates it covers
    /// (a coordinate may lie in several polygons); on all workers, each
    /// with a locator of its own.
    public static func coveredPoints(_ coordinates: [Coordinate], by polygons: [Geometry]) throws -> [[Int32]] {
        guard !polygons.isEmpty else { return [] }
        let hits = try parallelMap(count: coordinates.count, minPerWorker: 10_000, state: { try PolygonLocator(polygons: polygons) }) { locator, i in
            try locator.locateEvery(coordinates[i])
        }
        var result = [[Int32]](repeating: [], count: polygons.count)
        for (i, covering) in hits.enumerated() {
            for k in covering { result[k].append(Int32(i)) }
        }
        return result
    }
}
