import CGDAL
import Foundation

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
/// `close()` flushes it and reports any error GDAL or the system raised while
/// writing. A writer dropped without `close()` still closes its dataset, but
/// the file may be incomplete: callers that keep the file must call `close()`.
/// Geometries must already be in the layer's CRS (for GeoJSON: EPSG:4326
/// lon/lat — reproject with `CoordinateTransformer` first).
public final class VectorWriter {
    public let path: String
    public let format: VectorFormat
    private var handle: GDALDatasetH?

    public init(path: String, format: VectorFormat) throws {
        GDALSupport.register()
        self.path = path
        self.format = format
        guard let driver = GDALGetDriverByName(format.driver) else {
            throw GeoError.gdal(path: path, message: "GDAL has no \(format.driver) driver")
        }
        CPLErrorReset()
        errno = 0
        // GDALCreate returns NULL on failure (e.g. unwritable folder).
        guard let ds = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            let cause = WriteFailure.message(path: path, errno: errno)
            throw GeoError.gdal(path: path, message: "cannot create: " + cause)
        }
        // Some drivers return a dataset although creating it failed half-way
        // (GeoPackage on a full disk: the metadata tables are missing).
        if CPLGetLastErrorType() == CE_Failure || WriteFailure.fatal() != nil {
            let cause = WriteFailure.message(path: path, errno: WriteFailure.fatal() ?? errno)
            GDALClose(ds)
            throw GeoError.gdal(path: path, message: "cannot create: " + cause)
        }
        handle = ds
        if format == .geoPackage {
            // One transaction for the whole file; returns OGRERR_NONE (0) on success.
            guard GDALDatasetStartTransaction(ds, 0) == 0 else {
                let cause = WriteFailure.message(path: path, errno: errno)
                GDALClose(ds)
                handle = nil
                throw GeoError.gdal(path: path, message: "cannot start a transaction: " + cause)
            }
        }
    }

    deinit {
        if let handle { GDALClose(handle) }
    }

    /// The dataset while it is open; layer writers check it before every call,
    /// so a layer used after `close()` gets an error, not a dangling handle.
    fileprivate var openHandle: GDALDatasetH? { handle }

    /// Adds a layer. `crs` is `EPSG:NNNN`; GeoJSON must be EPSG:4326.
    /// The layer writer keeps this writer (and so its dataset) alive.
    public func addLayer(name: String, fields: [FieldDefinition], geometry: GeometryKind, crs: String?) throws -> LayerWriter {
        guard let handle else { throw GeoError.gdal(path: path, message: "cannot add layer \(name): the file is already closed") }
        var srs: OGRSpatialReferenceH?
        defer { if let srs { OSRRelease(srs) } }
        if let crs, geometry != .none {
            srs = OSRNewSpatialReference(nil)
            guard srs != nil else { throw GeoError.gdal(path: path, message: "cannot create a spatial reference for \(crs)") }
            // OSRSetFromUserInput returns OGRERR_NONE (0) on success.
            guard OSRSetFromUserInput(srs, crs) == 0 else {
                throw GeoError.gdal(path: path, message: "unknown CRS \(crs)")
            }
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        }
        var options: [String] = []
        switch format {
        case .geoJSON: options = ["RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_BBOX=NO"]
        case .csv: options = (geometry == .none ? [] : ["GEOMETRY=AS_WKT"]) + ["STRING_QUOTING=IF_NEEDED"]
        case .geoPackage: options = ["SPATIAL_INDEX=YES"]
        case .flatGeobuf, .shapefile: options = []
        }
        CPLErrorReset()
        errno = 0
        let layer = GDALSupport.withStringList(options) { opts in
            GDALDatasetCreateLayer(handle, name, srs, geometry.ogr, opts)
        }
        // Returns NULL on failure.
        guard let layer else {
            throw GeoError.gdal(path: path, message: "cannot create layer \(name): " + WriteFailure.message(path: path, errno: errno))
        }
        for f in fields {
            let type: OGRFieldType
            switch f.type {
            // 64-bit: counts and sums from outside data can exceed Int32, and
            // OGR clamps an Int64 set on a 32-bit field (data lost).
            case .integer: type = OFTInteger64
            case .real: type = OFTReal
            case .string: type = OFTString
            case .boolean: type = OFTInteger
            }
            guard let defn = OGR_Fld_Create(f.name, type) else {
                throw GeoError.gdal(path: path, message: "cannot create field \(f.name)")
            }
            defer { OGR_Fld_Destroy(defn) }
            if f.type == .boolean { OGR_Fld_SetSubType(defn, OFSTBoolean) }
            CPLErrorReset()
            // Returns OGRERR_NONE (0) on success.
            guard OGR_L_CreateField(layer, defn, 1) == 0 else {
                throw GeoError.gdal(path: path, message: "cannot create field \(f.name): " + WriteFailure.message(path: path, errno: errno))
            }
        }
        return LayerWriter(writer: self, name: name, handle: layer, fieldCount: fields.count)
    }

    /// Commits and closes the file; throws if GDAL or the system reported a
    /// failure (GDAL 3.6's GDALClose returns nothing, so the last CPL error
    /// and errno are read right after it).
    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        CPLErrorReset()
        errno = 0
        if format == .geoPackage {
            // Returns OGRERR_NONE (0) on success.
            if GDALDatasetCommitTransaction(h) != 0 {
                let cause = WriteFailure.message(path: path, errno: errno)
                GDALClose(h)
                throw GeoError.gdal(path: path, message: "cannot commit: " + cause)
            }
        }
        GDALClose(h)
        let fatal = WriteFailure.fatal()
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal || fatal != nil {
            throw GeoError.gdal(path: path, message: "error while writing: " + WriteFailure.message(path: path, errno: fatal ?? errno))
        }
    }
}

/// Writes features into one layer. Holds its `VectorWriter`, so the layer
/// handle (which belongs to the writer's dataset) stays valid as long as this
/// object lives; after the writer is closed, `write` throws.
public final class LayerWriter {
    private let writer: VectorWriter
    private let name: String
    private let handle: OGRLayerH
    private let fieldCount: Int
    public private(set) var written = 0

    fileprivate init(writer: VectorWriter, name: String, handle: OGRLayerH, fieldCount: Int) {
        self.writer = writer
        self.name = name
        self.handle = handle
        self.fieldCount = fieldCount
    }

    public func write(_ values: [FieldValue], geometry: Geometry?) throws {
        let path = writer.path
        guard writer.openHandle != nil else {
            throw GeoError.gdal(path: path, message: "layer \(name): feature \(written + 1) written after the file was closed")
        }
        guard values.count == fieldCount else {
            throw GeoError.feature(path: path, feature: Int64(written), message: "\(values.count) values for a layer of \(fieldCount) fields")
        }
        guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(handle)) else {
            throw GeoError.gdal(path: path, message: "cannot create feature")
        }
        defer { OGR_F_Destroy(feature) }
        for (i, v) in values.enumerated() {
            let idx = Int32(i)
            switch v {
            case .null: OGR_F_SetFieldNull(feature, idx)
            case .integer(let n): OGR_F_SetFieldInteger64(feature, idx, n)  // 64-bit fields
            case .real(let d):
                if d.isFinite { OGR_F_SetFieldDouble(feature, idx, d) } else { OGR_F_SetFieldNull(feature, idx) }
            case .string(let s): OGR_F_SetFieldString(feature, idx, s)
            case .boolean(let b): OGR_F_SetFieldInteger(feature, idx, b ? 1 : 0)
            }
        }
        if let geometry {
            let g = try OGRGeometryWriter.make(geometry)
            // SetGeometryDirectly takes ownership, also when it fails; returns OGRERR_NONE (0) on success.
            guard OGR_F_SetGeometryDirectly(feature, g) == 0 else {
                throw GeoError.feature(path: path, feature: Int64(written), message: "geometry does not fit the layer")
            }
        }
        CPLErrorReset()
        errno = 0
        // Returns OGRERR_NONE (0) on success. Drivers that ignore a failed
        // fwrite (GeoJSON) still return 0: errno tells.
        let result = OGR_L_CreateFeature(handle, feature)
        let fatal = WriteFailure.fatal()
        guard result == 0, fatal == nil else {
            throw GeoError.feature(path: path, feature: Int64(written),
                                   message: "cannot write: " + WriteFailure.message(path: path, errno: fatal ?? errno))
        }
        written += 1
    }
}

/// Versions of the C libraries, for run reports.
public enum LibraryVersions {
    public static var gdal: String { GDALSupport.version }
    public static var geos: String { GeometryEngine.geosVersion }
    public static var proj: String { CRSInfo.projVersion }
}
