import CGDAL

/// Output formats bereik writes through OGR.
public enum VectorFormat: String, Sendable, CaseIterable {
    /// RFC 7946 GeoJSON: WGS84 lon/lat, right-hand polygons, 7 decimals.
    case geoJSON
    case geoPackage
    /// CSV; geometry, if any, as a WKT column.
    case csv
    case flatGeobuf
    /// ESRI Shapefile (field names are cut to 10 characters).
    case shapefile

    var driver: String {
        switch self {
        case .geoJSON: return "GeoJSON"
        case .geoPackage: return "GPKG"
        case .csv: return "CSV"
        case .flatGeobuf: return "FlatGeobuf"
        case .shapefile: return "ESRI Shapefile"
        }
    }
}

public enum GeometryKind: Sendable {
    case point, lineString, polygon, multiPolygon, multiLineString, unknown, none

    var ogr: OGRwkbGeometryType {
        switch self {
        case .point: return wkbPoint
        case .lineString: return wkbLineString
        case .polygon: return wkbPolygon
        case .multiPolygon: return wkbMultiPolygon
        case .multiLineString: return wkbMultiLineString
        case .unknown: return wkbUnknown
        case .none: return wkbNone
        }
    }
}

/// Writes one vector file with one or more layers. Owns the dataset handle;
/// `close()` flushes it and reports any error GDAL raised while writing.
/// Geometries must already be in the layer's CRS (for GeoJSON: EPSG:4326
/// lon/lat — reproject with `CoordinateTransformer` first).
public final class VectorWriter {
    public let path: String
    public let format: VectorFormat
    private var handle: GDALDatasetH?
    private var layers: [LayerWriter] = []

    public init(path: String, format: VectorFormat) throws {
        GDALSupport.register()
        self.path = path
        self.format = format
        guard let driver = GDALGetDriverByName(format.driver) else {
            throw GeoError.gdal(path: path, message: "GDAL has no \(format.driver) driver")
        }
        CPLErrorReset()
        // GDALCreate returns NULL on failure (e.g. unwritable folder).
        guard let ds = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GeoError.gdal(path: path, message: "cannot create: " + GDALSupport.lastError("unknown error"))
        }
        handle = ds
        if format == .geoPackage {
            _ = GDALDatasetStartTransaction(ds, 0)
        }
    }

    deinit {
        if let handle { GDALClose(handle) }
    }

    /// Adds a layer. `crs` is `EPSG:NNNN`; GeoJSON must be EPSG:4326.
    public func addLayer(name: String, fields: [FieldDefinition], geometry: GeometryKind, crs: String?) throws -> LayerWriter {
        guard let handle else { throw GeoError.gdal(path: path, message: "already closed") }
        var srs: OGRSpatialReferenceH?
        if let crs, geometry != .none {
            srs = OSRNewSpatialReference(nil)
            // OSRSetFromUserInput returns OGRERR_NONE (0) on success.
            guard OSRSetFromUserInput(srs, crs) == 0 else {
                OSRRelease(srs)
                throw GeoError.gdal(path: path, message: "unknown CRS \(crs)")
            }
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        }
        defer { if let srs { OSRRelease(srs) } }
        var options: [String] = []
        switch format {
        case .geoJSON: options = ["RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_BBOX=NO"]
        case .csv: options = (geometry == .none ? [] : ["GEOMETRY=AS_WKT"]) + ["STRING_QUOTING=IF_NEEDED"]
        case .geoPackage: options = ["SPATIAL_INDEX=YES"]
        case .flatGeobuf, .shapefile: options = []
        }
        CPLErrorReset()
        let layer = GDALSupport.withStringList(options) { opts in
            GDALDatasetCreateLayer(handle, name, srs, geometry.ogr, opts)
        }
        // Returns NULL on failure.
        guard let layer else {
            throw GeoError.gdal(path: path, message: "cannot create layer \(name): " + GDALSupport.lastError("unknown error"))
        }
        for f in fields {
            let type: OGRFieldType
            switch f.type {
            case .integer: type = OFTInteger
            case .real: type = OFTReal
            case .string: type = OFTString
            case .boolean: type = OFTInteger
            }
            let defn = OGR_Fld_Create(f.name, type)
            defer { OGR_Fld_Destroy(defn) }
            if f.type == .boolean { OGR_Fld_SetSubType(defn, OFSTBoolean) }
            // Returns OGRERR_NONE (0) on success.
            guard OGR_L_CreateField(layer, defn, 1) == 0 else {
                throw GeoError.gdal(path: path, message: "cannot create field \(f.name): " + GDALSupport.lastError("unknown error"))
            }
        }
        let writer = LayerWriter(path: path, handle: layer, fieldCount: fields.count)
        layers.append(writer)
        return writer
    }

    /// Commits and closes the file; throws if GDAL reported a failure.
    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        CPLErrorReset()
        if format == .geoPackage {
            // Returns OGRERR_NONE (0) on success.
            if GDALDatasetCommitTransaction(h) != 0 {
                GDALClose(h)
                throw GeoError.gdal(path: path, message: "cannot commit: " + GDALSupport.lastError("unknown error"))
            }
        }
        GDALClose(h)
        if CPLGetLastErrorType() == CE_Failure {
            throw GeoError.gdal(path: path, message: "error while writing: " + GDALSupport.lastError("unknown error"))
        }
    }
}

/// Writes features into one layer; the handle belongs to the writer's dataset.
public final class LayerWriter {
    private let path: String
    private let handle: OGRLayerH
    private let fieldCount: Int
    public private(set) var written = 0

    fileprivate init(path: String, handle: OGRLayerH, fieldCount: Int) {
        self.path = path
        self.handle = handle
        self.fieldCount = fieldCount
    }

    public func write(_ values: [FieldValue], geometry: Geometry?) throws {
        precondition(values.count == fieldCount, "value count must match the layer's fields")
        guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(handle)) else {
            throw GeoError.gdal(path: path, message: "cannot create feature")
        }
        defer { OGR_F_Destroy(feature) }
        for (i, v) in values.enumerated() {
            let idx = Int32(i)
            switch v {
            case .null: OGR_F_SetFieldNull(feature, idx)
            case .integer(let n): OGR_F_SetFieldInteger64(feature, idx, n)  // fields are 32-bit; counts fit
            case .real(let d):
                if d.isFinite { OGR_F_SetFieldDouble(feature, idx, d) } else { OGR_F_SetFieldNull(feature, idx) }
            case .string(let s): OGR_F_SetFieldString(feature, idx, s)
            case .boolean(let b): OGR_F_SetFieldInteger(feature, idx, b ? 1 : 0)
            }
        }
        if let geometry {
            // SetGeometryDirectly takes ownership; returns OGRERR_NONE (0) on success.
            guard OGR_F_SetGeometryDirectly(feature, OGRGeometryWriter.make(geometry)) == 0 else {
                throw GeoError.feature(path: path, feature: Int64(written), message: "geometry does not fit the layer")
            }
        }
        CPLErrorReset()
        // Returns OGRERR_NONE (0) on success.
        guard OGR_L_CreateFeature(handle, feature) == 0 else {
            throw GeoError.feature(path: path, feature: Int64(written), message: "cannot write: " + GDALSupport.lastError("unknown error"))
        }
        written += 1
    }
}

/// Builds new OGR geometries (owned by the caller) from values.
enum OGRGeometryWriter {
    static func make(_ g: Geometry) -> OGRGeometryH {
        switch g {
        case .point(let c):
            let h = OGR_G_CreateGeometry(wkbPoint)!
            OGR_G_SetPoint_2D(h, 0, c.x, c.y)
            return h
        case .multiPoint(let cs):
            return collect(wkbMultiPoint, cs.map { make(.point($0)) })
        case .lineString(let cs):
            return line(wkbLineString, cs)
        case .multiLineString(let ls):
            return collect(wkbMultiLineString, ls.map { line(wkbLineString, $0) })
        case .polygon(let rings):
            return collect(wkbPolygon, rings.map { line(wkbLinearRing, $0) })
        case .multiPolygon(let ps):
            return collect(wkbMultiPolygon, ps.map { make(.polygon($0)) })
        case .collection(let gs):
            return collect(wkbGeometryCollection, gs.map { make($0) })
        }
    }

    private static func line(_ type: OGRwkbGeometryType, _ cs: [Coordinate]) -> OGRGeometryH {
        let h = OGR_G_CreateGeometry(type)!
        var xs = cs.map(\.x), ys = cs.map(\.y)
        let stride = Int32(MemoryLayout<Double>.stride)
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                OGR_G_SetPoints(h, Int32(cs.count), xb.baseAddress, stride, yb.baseAddress, stride, nil, 0)
            }
        }
        return h
    }

    private static func collect(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH]) -> OGRGeometryH {
        let h = OGR_G_CreateGeometry(type)!
        // AddGeometryDirectly takes ownership of each part.
        for p in parts { _ = OGR_G_AddGeometryDirectly(h, p) }
        return h
    }
}

/// Versions of the C libraries, for run reports.
public enum LibraryVersions {
    public static var gdal: String { GDALSupport.version }
    public static var geos: String { GeometryEngine.geosVersion }
    public static var proj: String { CRSInfo.projVersion }
}
