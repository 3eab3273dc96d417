import CPROJ

/// A PROJ transformation between two CRSs given as `EPSG:NNNN`, WKT or a PROJ
/// string. Axis order is normalised for GIS use: x = easting or longitude,
/// y = northing or latitude. One transformer owns one PROJ context: do not
/// share it between threads.
public final class CoordinateTransformer {
    public let source: String
    public let target: String
    private let context: PROJContext
    private let pj: PJRef

    public init(from source: String, to target: String) throws {
        self.source = source
        self.target = target
        context = try PROJContext()
        // A clone of the process's prototype for this pair (`TransformPrototypes`).
        pj = PJRef(try TransformPrototypes.clone(from: source, to: target, into: context), context: context)
    }

    public static let rdNew = "EPSG:28992"
    public static let wgs84 = "EPSG:4326"

    public static func short(_ crs: String) -> String {
        crs.count > 60 ? String(crs.prefix(57)) + "..." : crs
    }

    /// Transforms one coordinate; throws when PROJ cannot (e.g. out of domain).
    public func transform(_ c: Coordinate) throws -> Coordinate {
        context.reset()
        proj_errno_reset(pj.pointer)
        let out = proj_trans(pj.pointer, PJ_FWD, proj_coord(c.x, c.y, 0, 0))
        // proj_trans returns HUGE_VAL (+infinity in glibc) coordinates on error.
        guard out.xy.x.isFinite, out.xy.y.isFinite else {
            throw context.error("transform \(c)")
        }
        return Coordinate(x: out.xy.x, y: out.xy.y)
    }

    /// Transforms arrays in place in one call; positions PROJ cannot transform
    /// become NaN (the caller counts and reports them).
    public func transform(xs: inout [Double], ys: inout [Double]) throws {
        precondition(xs.count == ys.count)
        guard !xs.isEmpty else { return }
        context.reset()
        proj_errno_reset(pj.pointer)
        let n = xs.count
        let stride = MemoryLayout<Double>.stride
        let done = xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                // Returns the number of coordinates transformed.
                proj_trans_generic(pj.pointer, PJ_FWD, xb.baseAddress, stride, n, yb.baseAddress, stride, n,
                                   nil, 0, 0, nil, 0, 0)
            }
        }
        guard done == n else { throw context.error("transform \(n) coordinates") }
        // Failed positions come back as HUGE_VAL (+infinity in glibc).
        for i in 0..<n where !(xs[i].isFinite && ys[i].isFinite) {
            xs[i] = .nan
            ys[i] = .nan
        }
    }

    public func transform(_ coordinates: [Coordinate]) throws -> [Coordinate] {
        var xs = coordinates.map(\.x), ys = coordinates.map(\.y)
        try transform(xs: &xs, ys: &ys)
        return (0..<xs.count).map { Coordinate(x: xs[$0], y: ys[$0]) }
    }

    /// Transforms every coordinate of a geometry; throws if any fails.
    public func transform(_ g: Geometry) throws -> Geometry {
        let flat = g.coordinates
        let moved = try transform(flat)
        if let bad = moved.firstIndex(where: { !$0.isFinite }) {
            throw GeoError.proj(operation: "transform", message: "coordinate \(flat[bad]) is outside the domain of \(Self.short(source)) -> \(Self.short(target))")
        }
        var i = 0
        return g.mapCoordinates { _ in defer { i += 1 }; return moved[i] }
    }
}

/// Facts about a CRS definition, answered by PROJ.
public enum CRSInfo {
    /// True when the CRS is geographic (degrees), false when projected.
    public static func isGeographic(_ crs: String) throws -> Bool {
        let ctx = try PROJContext()
        guard let raw = proj_create(ctx.handle, crs) else { throw ctx.error("read CRS '\(CoordinateTransformer.short(crs))'") }
        let obj = PJRef(raw, context: ctx)
        let type = proj_get_type(obj.pointer)
        switch type {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEOGRAPHIC_CRS: return true
        case PJ_TYPE_BOUND_CRS:
            if let base = proj_get_source_crs(ctx.handle, obj.pointer) {
                let b = PJRef(base, context: ctx)
                let t = proj_get_type(b.pointer)
                return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS
            }
            return false
        default: return false
        }
    }

    /// A short name for reports, e.g. "Amersfoort / RD New".
    public static func name(_ crs: String) -> String {
        guard let ctx = try? PROJContext(), let raw = proj_create(ctx.handle, crs) else { return CoordinateTransformer.short(crs) }
        let obj = PJRef(raw, context: ctx)
        var result = proj_get_name(obj.pointer).map { String(cString: $0) } ?? CoordinateTransformer.short(crs)
        if let auth = proj_get_id_auth_name(obj.pointer, 0), let code = proj_get_id_code(obj.pointer, 0) {
            result += " (\(String(cString: auth)):\(String(cString: code)))"
        }
        return result
    }

    /// PROJ library version, e.g. "9.1.1".
    public static var projVersion: String {
        let info = proj_info()
        return info.version.map { String(cString: $0) } ?? "unknown"
    }
}
