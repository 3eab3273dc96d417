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
}
