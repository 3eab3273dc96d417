import Geo

/// RD New (EPSG:28992) or WGS84 to Web Mercator (EPSG:3857) metres, the CRS
/// of the viewer's tile layers. One per thread: a PROJ context is not shared.
public struct WebMercator {
    private let fromRD: CoordinateTransformer
    private let fromWGS84: CoordinateTransformer

    public init() throws {
        fromRD = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: "EPSG:3857")
        fromWGS84 = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: "EPSG:3857")
    }

    /// A geometry in RD New.
    public func project(_ g: Geometry) throws -> Geometry { try fromRD.transform(g) }

    /// A feature from its GeoJSON coordinates when it has them (as written:
    /// `map --from` and the maps drawn from memory agree), else from RD New.
    public func project(_ f: MapFeature) throws -> Geometry {
        if let wgs84 = f.wgs84 { return try fromWGS84.transform(wgs84) }
        return try fromRD.transform(f.geometry)
    }
}
