import CGDAL

/// Turns a grid of integer labels into polygons with GDAL's polygonizer
/// (`GDALPolygonize`, 4-connected): one polygon per connected area of equal
/// label. Neighbouring polygons share their cell edges exactly, so the result
/// is a coverage: no gaps, no overlaps.
public enum LabelPolygonizer {
    /// A label grid: row-major, row 0 at the top (`maxY`), square cells of
    /// `cellSize` map units. Cells with a negative label are left out.
    public struct Grid: Sendable {
        public var labels: [Int32]
        public var width: Int
        public var height: Int
        public var minX: Double
        public var maxY: Double
        public var cellSize: Double

        public init(labels: [Int32], width: Int, height: Int, minX: Double, maxY: Double, cellSize: Double) {
            precondition(labels.count == width * height)
            self.labels = labels; self.width = width; self.height = height
            self.minX = minX; self.maxY = maxY; self.cellSize = cellSize
        }
    }

    /// The polygons with their labels, in GDAL's (deterministic) scan order.
    public static func polygons(of grid: Grid) throws -> [(label: Int32, polygon: Geometry)] {
        GDALSupport.register()
        guard grid.width > 0, grid.height > 0 else { return [] }
        // GDALGetDriverByName / OGRGetDriverByName return NULL when the driver is not built in.
        guard let rasterDriver = GDALGetDriverByName("MEM"), let vectorDriver = OGRGetDriverByName("Memory") else {
            throw GeoError.gdal(path: "(label raster)", message: "GDAL's MEM or Memory driver is missing")
        }
        CPLErrorReset()
        // GDALCreate returns NULL on failure (e.g. out of memory).
        guard let raster = GDALCreate(rasterDriver, "", Int32(grid.width), Int32(grid.height), 1, GDT_Int32, nil) else {
            throw failure("create label raster")
        }
        defer { GDALClose(raster) }
        var transform = [grid.minX, grid.cellSize, 0, grid.maxY, 0, -grid.cellSize]
        guard let band = GDALGetRasterBand(raster, 1) else { throw failure("raster band") }
        // CE_None (0) on success for all three.
        guard GDALSetGeoTransform(raster, &transform) == CE_None,
              GDALSetRasterNoDataValue(band, -1) == CE_None else { throw failure("set up label raster") }
        var labels = grid.labels
        for k in labels.indices where labels[k] < 0 { labels[k] = -1 }
        let written = labels.withUnsafeMutableBytes { bytes in
            GDALRasterIO(band, GF_Write, 0, 0, Int32(grid.width), Int32(grid.height), bytes.baseAddress,
                         Int32(grid.width), Int32(grid.height), GDT_Int32, 0, 0)
        }
        guard written == CE_None else { throw failure("write label raster") }
        // OGR_Dr_CreateDataSource returns NULL on failure; OGR_DS_Destroy releases it.
        guard let vectors = OGR_Dr_CreateDataSource(vectorDriver, "", nil) else { throw failure("create memory layer") }
        defer { OGR_DS_Destroy(vectors) }
        guard let layer = OGR_DS_CreateLayer(vectors, "polygons", nil, wkbPolygon, nil) else { throw failure("create memory layer") }
        guard let field = OGR_Fld_Create("label", OFTInteger) else { throw failure("create field") }
        let added = OGR_L_CreateField(layer, field, 1)
        OGR_Fld_Destroy(field)
        guard added == OGRERR_NONE else { throw failure("create field") }
        // The band's mask (from the nodata value) keeps negative labels out. CE_None on success.
        guard GDALPolygonize(band, GDALGetMaskBand(band), layer, 0, nil, nil, nil) == CE_None else {
            throw failure("GDALPolygonize")
        }
        var result: [(label: Int32, polygon: Geometry)] = []
        OGR_L_ResetReading(layer)
        // OGR_L_GetNextFeature hands over a feature the caller destroys; NULL at the end.
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            guard let g = OGR_F_GetGeometryRef(feature) else { continue }
            let rings = (0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0) }.map(points)
            guard !rings.isEmpty else { continue }
            result.append((label: OGR_F_GetFieldAsInteger(feature, 0), polygon: .polygon(rings)))
        }
        return result
    }

    private static func points(_ ring: OGRGeometryH) -> [Coordinate] {
        OGRGeometryReader.points(ring)
    }

    private static func failure(_ operation: String) -> GeoError {
        .gdal(path: "(label raster)", message: "\(operation): " + GDALSupport.lastError("no message from GDAL"))
    }
}
