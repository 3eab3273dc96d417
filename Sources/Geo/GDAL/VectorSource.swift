import CGDAL
import Foundation

/// An open OGR vector data source (any format OGR reads, or a `PG:` string).
/// Owns the dataset handle and closes it in `deinit`.
public final class VectorSource {
    public let path: String
    fileprivate let handle: GDALDatasetH

    /// Column names OGR's CSV driver tries, in order, for coordinates.
    static let csvOpenOptions = [
        "X_POSSIBLE_NAMES=x,lon,lng,long,longitude,*_lon,*_lng,*_longitude,lon_*,longitude_*,x_rd,rd_x,xcoord,x_coord",
        "Y_POSSIBLE_NAMES=y,lat,latitude,*_lat,*_latitude,lat_*,latitude_*,y_rd,rd_y,ycoord,y_coord",
        "GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom,wkt_geom",
        "KEEP_GEOM_COLUMNS=YES",
    ]

    /// Spreadsheets: the first row is always the header (GDAL's XLSX and ODS
    /// drivers otherwise guess, and take a header of text above text cells
    /// for data). Process-wide config options, set once.
    private static let spreadsheetHeaders: Void = {
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE")
        CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE")
    }()

    /// `coordinateColumns`: let GDAL's CSV driver build points from columns
    /// it recognises as x/y. Readers that parse coordinates themselves (with
    /// the number format decided per column) pass false.
    public init(path: String, coordinateColumns: Bool = true) throws {
        GDALSupport.register()
        _ = Self.spreadsheetHeaders
        self.path = path
        let isPostGIS = path.hasPrefix("PG:")
        if !isPostGIS {
            if !FileManager.default.fileExists(atPath: path) {
                throw GeoError.gdal(path: path, message: "no such file")
            }
            // OGR would only say it cannot open it: a 0-byte file (a failed
            // export or download) deserves its own words.
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == 0 {
                throw GeoError.gdal(path: path, message: "the file is empty (0 bytes): export or download it again")
            }
        }
        let lower = path.lowercased()
        let isCSV = lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
        // The GML driver would otherwise write a .gfs schema file beside a read-only input.
        let csvOptions = coordinateColumns ? Self.csvOpenOptions : Self.csvOpenOptions.filter { !$0.hasPrefix("X_") && !$0.hasPrefix("Y_") }
        let options = isCSV ? csvOptions : lower.hasSuffix(".gml") ? ["WRITE_GFS=NO"] : []
        CPLErrorReset()
        let opened = GDALSupport.withStringList(options) { options in
            GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, GDALSupport.constList(options), nil)
        }
        // GDALOpenEx returns NULL when no vector driver recognises the source.
        guard let opened else {
            throw GeoError.gdal(path: path, message: "cannot open as a vector source: " +
                GDALSupport.lastError("unreadable, or not a format OGR supports (GeoPackage, GeoJSON, Shapefile, FlatGeobuf, CSV, ...)"))
        }
        handle = opened
    }

    deinit {
        GDALClose(handle)
    }

    public var driverName: String {
        guard let d = GDALGetDatasetDriver(handle) else { return "unknown" }
        return String(cString: GDALGetDriverShortName(d))
    }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    public var layerNames: [String] {
        (0..<layerCount).compactMap { i in
            GDALDatasetGetLayer(handle, Int32(i)).map { String(cString: OGR_L_GetName($0)) }
        }
    }

    /// A layer by index; the layer keeps this source open.
    public func layer(_ index: Int = 0) throws -> VectorLayer {
        guard index >= 0, index < layerCount, let l = GDALDatasetGetLayer(handle, Int32(index)) else {
            throw GeoError.gdal(path: path, message: "has no layer \(index) (layers: \(layerNames.joined(separator: ", ")))")
        }
        return VectorLayer(source: self, handle: l)
    }

    public func layer(named name: String) throws -> VectorLayer {
        guard let l = GDALDatasetGetLayerByName(handle, name) else {
            throw GeoError.gdal(path: path, message: "has no layer '\(name)' (layers: \(layerNames.joined(separator: ", ")))")
        }
        return VectorLayer(source: self, handle: l)
    }
}

/// One layer of a `VectorSource`. The layer handle belongs to the dataset;
/// holding the source keeps it valid.
public final class VectorLayer {
    public let source: VectorSource
    let handle: OGRLayerH
    public let name: String
    public let fields: [FieldDefinition]
    /// The layer's CRS as `AUTH:CODE` when it has one, else WKT; nil when none.
    public let crs: String?

    fileprivate init(source: VectorSource, handle: OGRLayerH) {
        self.source = source
        self.handle = handle
        name = String(cString: OGR_L_GetName(handle))
        let defn = OGR_L_GetLayerDefn(handle)
        fields = (0..<OGR_FD_GetFieldCount(defn)).map { i in
            let f = OGR_FD_GetFieldDefn(defn, i)
            let type: FieldType
            switch OGR_Fld_GetType(f) {
            case OFTInteger, OFTInteger64: type = .integer
            case OFTReal: type = .real
            default: type = .string
            }
            return FieldDefinition(String(cString: OGR_Fld_GetNameRef(f)), type)
        }
        crs = Self.describe(OGR_L_GetSpatialRef(handle))
        hasGeometryField = OGR_FD_GetGeomFieldCount(defn) > 0
    }

    /// False for tables (CSV without a WKT column, spreadsheets).
    public let hasGeometryField: Bool
    /// Text values that were not valid UTF-8 and were decoded as Windows-1252
    /// (a superset of Latin-1) instead, over every `forEach`.
    public private(set) var nonUTF8Values = 0
    /// The first such value, as decoded.
    public private(set) var nonUTF8Example: String?

    /// A text field's value: UTF-8 when valid, else Windows-1252 (counted),
    /// never U+FFFD replacement characters.
    private func text(_ c: UnsafePointer<CChar>) -> String {
        if let s = String(validatingCString: c) { return s }
        return text(bytes: UnsafeBufferPointer(start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c)))
    }

    /// The same for a value's bytes (no terminating NUL).
    func text(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Decoding repairs invalid UTF-8 (U+FFFD), so the result has the
        // input's bytes exactly when the input was valid: the same answer as
        // `String(validating:as:)`, whose generic path cost a road layer's
        // read more than decoding its geometries.
        let decoded = String(decoding: bytes, as: UTF8.self)
        if decoded.utf8.elementsEqual(bytes) { return decoded }
        let s = String(bytes: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: Unicode.ASCII.self)
        nonUTF8Values += 1
        if nonUTF8Example == nil { nonUTF8Example = s }
        return s
    }

    private static func describe(_ srs: OGRSpatialReferenceH?) -> String? {
        guard let srs else { return nil }
        // Prefer an authority code PROJ knows; OSRAutoIdentifyEPSG may set one.
        if let auth = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
            return "\(String(cString: auth)):\(String(cString: code))"
        }
        var wkt: UnsafeMutablePointer<CChar>?
        // OSRExportToWkt returns OGRERR_NONE (0) on success; the string is freed with CPLFree.
        guard OSRExportToWkt(srs, &wkt) == 0, let wkt else { return nil }
        defer { VSIFree(wkt) }
        return String(cString: wkt)
    }

    /// Feature count when the driver knows it cheaply, else nil.
    public var featureCountIfFast: Int? {
        let n = OGR_L_GetFeatureCount(handle, 0)
        return n >= 0 ? Int(n) : nil
    }

    public func fieldIndex(_ name: String) -> Int? {
        fields.firstIndex { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Tells the driver not to fill the fields outside `wanted` (indexes)
    /// into its features: reading a layer for a few of many fields (roads)
    /// then skips copying the rest, e.g. a CSV's WKT text column. Lasts until
    /// called again; `forEach` still passes only the fields it is asked for.
    public func skipFields(except wanted: [Int]) {
        let keep = Set(wanted)
        var names = fields.indices.filter { !keep.contains($0) }.map { strdup(fields[$0].name) }
        defer { names.forEach { free($0) } }
        names.append(nil)
        // OGR_L_SetIgnoredFields returns OGRERR_NONE (0), or an error for an
        // unknown name; skipping is only a saving, so a refusal is not fatal.
        _ = names.withUnsafeMutableBufferPointer { list in
            list.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: list.count) {
                OGR_L_SetIgnoredFields(handle, $0)
            }
        }
    }

    /// Streams every feature in order. `body` gets the 0-based position, the
    /// feature's id, the requested field values and the geometry (nil when the
    /// feature has none). Geometry conversion errors are passed as `.failure`.
    /// With `geometry: false` the geometry is not converted (passed as nil).
    /// Layers whose driver streams Arrow batches fast (GeoPackage) are read
    /// through them (`forEachArrowRow`: the same rows, values and geometries).
    public func forEach(fields wanted: [Int], geometry readGeometry: Bool = true, _ body: (_ position: Int, _ fid: Int64, _ values: [FieldValue], _ geometry: Result<Geometry?, GeoError>) throws -> Void) throws {
        if try forEachArrowRow(fields: wanted, geometry: readGeometry, body) { return }
        try forEachFeature(fields: wanted, geometry: readGeometry, body)
    }

    /// `forEach` one `OGRFeature` at a time (every driver).
    func forEachFeature(fields wanted: [Int], geometry readGeometry: Bool, _ body: (_ position: Int, _ fid: Int64, _ values: [FieldValue], _ geometry: Result<Geometry?, GeoError>) throws -> Void) throws {
        OGR_L_ResetReading(handle)
        var position = 0
        while true {
            CPLErrorReset()
            guard let feature = OGR_L_GetNextFeature(handle) else {
                // NULL means end of layer, unless GDAL recorded an error.
                if CPLGetLastErrorType() == CE_Failure {
                    throw GeoError.feature(path: source.path, feature: Int64(position),
                                           message: "cannot be read: " + GDALSupport.lastError("read error"))
                }
                break
            }
            defer { OGR_F_Destroy(feature) }
            let fid = OGR_F_GetFID(feature)
            var values = [FieldValue]()
            values.reserveCapacity(wanted.count)
            for i in wanted {
                let idx = Int32(i)
                if OGR_F_IsFieldSetAndNotNull(feature, idx) == 0 { values.append(.null); continue }
                switch fields[i].type {
                case .integer: values.append(.integer(OGR_F_GetFieldAsInteger64(feature, idx)))
                case .real: values.append(.real(OGR_F_GetFieldAsDouble(feature, idx)))
                case .string, .boolean: values.append(.string(text(OGR_F_GetFieldAsString(feature, idx))))
                }
            }
            let geometry: Result<Geometry?, GeoError>
            if readGeometry, let g = OGR_F_GetGeometryRef(feature) {
                do {
                    geometry = .success(try OGRGeometryReader.read(g))
                } catch let e as GeoError {
                    geometry = .failure(e)
                }
            } else {
                geometry = .success(nil)
            }
            try body(position, fid, values, geometry)
            position += 1
        }
    }
}

/// Converts OGR geometries (borrowed) into `Geometry` values.
enum OGRGeometryReader {
    static func read(_ g: OGRGeometryH) throws -> Geometry {
        if OGR_G_HasCurveGeometry(g, 0) != 0 {
            // Curves are approximated by line segments; the copy is ours to destroy.
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else {
                throw GeoError.gdalGeometry(operation: "linearise curve", message: GDALSupport.lastError("cannot linearise"))
            }
            defer { OGR_G_DestroyGeometry(linear) }
            return try read(linear)
        }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        switch type {
        case wkbPoint:
            if OGR_G_IsEmpty(g) != 0 { return .multiPoint([]) }
            return .point(Coordinate(x: OGR_G_GetX(g, 0), y: OGR_G_GetY(g, 0)))
        case wkbLineString, wkbLinearRing:
            return .lineString(points(g))
        case wkbPolygon:
            return .polygon(parts(g).map { points($0) })
        case wkbMultiPoint:
            return .multiPoint(parts(g).map { Coordinate(x: OGR_G_GetX($0, 0), y: OGR_G_GetY($0, 0)) })
        case wkbMultiLineString:
            return .multiLineString(parts(g).map { points($0) })
        case wkbMultiPolygon:
            return .multiPolygon(parts(g).map { parts($0).map { points($0) } })
        case wkbGeometryCollection:
            return .collection(try parts(g).map { try read($0) })
        default:
            throw GeoError.gdalGeometry(operation: "read geometry", message: "unsupported geometry type \(String(cString: OGRGeometryTypeToName(type)))")
        }
    }

    private static func parts(_ g: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0) }
    }

    /// The vertices, written by OGR straight into the coordinates (x and y
    /// strided by a `Coordinate`): one array per line, not three.
    static func points(_ g: OGRGeometryH) -> [Coordinate] {
        let n = Int(OGR_G_GetPointCount(g))
        guard n > 0 else { return [] }
        let stride = Int32(MemoryLayout<Coordinate>.stride)
        let xOffset = MemoryLayout<Coordinate>.offset(of: \.x)!, yOffset = MemoryLayout<Coordinate>.offset(of: \.y)!
        var out = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: n)
        out.withUnsafeMutableBytes { bytes in
            // Fills the n positions OGR_G_GetPointCount gave; returns that count.
            _ = OGR_G_GetPoints(g, bytes.baseAddress! + xOffset, stride, bytes.baseAddress! + yOffset, stride, nil, 0)
        }
        return out
    }
}
