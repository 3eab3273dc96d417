import CGDAL

/// Builds new OGR geometries from values. The value is encoded as
/// little-endian WKB and handed to OGR in one call: ownership is plain (the
/// result is ours until `OGR_F_SetGeometryDirectly` takes it), with no
/// part-by-part `AddGeometryDirectly`, whose ownership on failure differs
/// between GDAL versions.
enum OGRGeometryWriter {
    /// A new geometry the caller owns.
    static func make(_ g: Geometry) throws -> OGRGeometryH {
        var wkb = [UInt8]()
        try encode(g, into: &wkb)
        guard let size = Int32(exactly: wkb.count) else {
            throw GeoError.gdalGeometry(operation: "build geometry", message: "geometry of \(wkb.count) bytes is larger than OGR takes")
        }
        var h: OGRGeometryH?
        CPLErrorReset()
        // Returns OGRERR_NONE (0) and a new geometry in `h` on success.
        let err = wkb.withUnsafeBytes { OGR_G_CreateFromWkb($0.baseAddress, nil, &h, size) }
        guard err == 0, let h else {
            if let h { OGR_G_DestroyGeometry(h) }
            throw GeoError.gdalGeometry(operation: "build \(g.typeName)", message: GDALSupport.lastError("OGR error \(err)"))
        }
        return h
    }

    private static func encode(_ g: Geometry, into out: inout [UInt8]) throws {
        switch g {
        case .point(let c):
            header(1, into: &out); point(c, into: &out)
        case .lineString(let cs):
            header(2, into: &out); try line(cs, into: &out)
        case .polygon(let rings):
            header(3, into: &out); try count(rings.count, into: &out)
            for r in rings { try line(r, into: &out) }
        case .multiPoint(let cs):
            header(4, into: &out); try count(cs.count, into: &out)
            for c in cs { header(1, into: &out); point(c, into: &out) }
        case .multiLineString(let ls):
            header(5, into: &out); try count(ls.count, into: &out)
            for l in ls { header(2, into: &out); try line(l, into: &out) }
        case .multiPolygon(let ps):
            header(6, into: &out); try count(ps.count, into: &out)
            for p in ps { try encode(.polygon(p), into: &out) }
        case .collection(let gs):
            header(7, into: &out); try count(gs.count, into: &out)
            for part in gs { try encode(part, into: &out) }
        }
    }

    /// Byte order 1 (little endian, WKB "NDR") and the 2D type code.
    private static func header(_ type: UInt32, into out: inout [UInt8]) {
        out.append(1)
        word(type, into: &out)
    }

    private static func count(_ n: Int, into out: inout [UInt8]) throws {
        guard let n32 = UInt32(exactly: n) else {
            throw GeoError.gdalGeometry(operation: "build geometry", message: "\(n) parts or points are more than WKB holds")
        }
        word(n32, into: &out)
    }

    private static func line(_ cs: [Coordinate], into out: inout [UInt8]) throws {
        try count(cs.count, into: &out)
        for c in cs { point(c, into: &out) }
    }

    private static func point(_ c: Coordinate, into out: inout [UInt8]) {
        withUnsafeBytes(of: c.x.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: c.y.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func word(_ v: UInt32, into out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
}
