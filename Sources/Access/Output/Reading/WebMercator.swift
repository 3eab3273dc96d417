import Geo

/// RD New (EPSG:28992) to Web Mercator (EPSG:3857) metres, the CRS of the
/// viewer's tile layers.
public struct WebMercator {
    private let transformer: CoordinateTransformer

    public init() throws {
        transformer = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: "EPSG:3857")
    }

    public func project(_ g: Geometry) throws -> Geometry { try transformer.transform(g) }
}
