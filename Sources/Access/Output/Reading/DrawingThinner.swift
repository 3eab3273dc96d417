import Geo

/// Thins geometry to what shows at a drawing's scale, with GEOS's
/// topology-preserving simplification (rings stay valid and do not cross).
/// Road catchments come out of a raster (`GDALPolygonize`) as staircases with
/// a vertex every cell; at map scale most steps are below a pixel, and writing
/// and rasterising them cost more than the rest of the map. Drawing only: no
/// figure is computed from the thinned shapes.
public final class DrawingThinner {
    private let engine: GeometryEngine?
    /// Shapes with no more vertices than this are drawn as they are.
    static let smallShape = 16

    /// Without a GEOS context (it cannot be created) shapes are drawn unthinned.
    public init() { engine = try? GeometryEngine() }

    /// `g` with vertices closer than `tolerance` (in the geometry's units) to the
    /// kept outline dropped; points and small shapes unchanged.
    public func thinned(_ g: Geometry, tolerance: Double) -> Geometry {
        switch g {
        case .point, .multiPoint: return g
        default: break
        }
        guard let engine, tolerance > 0, g.coordinateCount > Self.smallShape,
              let thin = try? engine.simplify(g, tolerance: tolerance) else { return g }
        return thin
    }
}
