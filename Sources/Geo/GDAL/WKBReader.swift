import CGDAL
import Foundation

/// Decodes well-known binary (as OGR's Arrow stream gives a layer's
/// geometries) into `Geometry`, as `OGRGeometryReader` reads the same
/// geometry from an OGR object: x and y of each vertex (z and m dropped), an
/// empty point as an empty multipoint. Only the seven linear types are decoded
/// here; `read` returns nil for anything else (curves, surfaces, a malformed
/// blob), which `readThroughOGR` then reads through OGR.
enum WKBReader {
    static func read(_ wkb: UnsafeBufferPointer<UInt8>) -> Geometry? {
        var cursor = Cursor(bytes: wkb)
        guard let g = cursor.geometry(depth: 0), cursor.position == wkb.count else { return nil }
        return g
    }

    /// Builds an OGR geometry from the blob and reads it as the per-feature path does.
    static func readThroughOGR(_ wkb: UnsafeBufferPointer<UInt8>) throws -> Geometry {
        var g: OGRGeometryH?
        // OGR_G_CreateFromWkbEx (ISO or old-style WKB) returns OGRERR_NONE (0) and a geometry we own.
        let err = OGR_G_CreateFromWkbEx(UnsafeRawPointer(wkb.baseAddress), nil, &g, wkb.count)
        guard err == 0, let g else {
            throw GeoError.gdalGeometry(operation: "read geometry", message: "not a well-known binary geometry OGR reads (error \(err))")
        }
        defer { OGR_G_DestroyGeometry(g) }
        return try OGRGeometryReader.read(g)
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var littleEndian = true

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func uint32() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            let v = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt32.self)
            position += 4
            return littleEndian ? UInt32(littleEndian: v) : UInt32(bigEndian: v)
        }

        mutating func double() -> Double? {
            guard position + 8 <= bytes.count else { return nil }
            let v = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
            position += 8
            return Double(bitPattern: littleEndian ? UInt64(littleEndian: v) : UInt64(bigEndian: v))
        }

        /// A header: byte order, then the type (ISO: 1000 z, 2000 m, 3000 zm;
        /// or the EWKB flags), as (base type, coordinates per vertex).
        mutating func header() -> (type: UInt32, dimensions: Int)? {
            guard position < bytes.count, bytes[position] <= 1 else { return nil }
            littleEndian = bytes[position] == 1
            position += 1
            guard var code = uint32() else { return nil }
            var dimensions = 2
            if code & 0x8000_0000 != 0 { dimensions += 1 }
            if code & 0x4000_0000 != 0 { dimensions += 1 }
            code &= 0x0FFF_FFFF
            switch code / 1000 {
            case 0: break
            case 1, 2: dimensions += 1
            case 3: dimensions += 2
            default: return nil
            }
            guard dimensions <= 4 else { return nil }
            return (code % 1000, dimensions)
        }

        mutating func vertex(_ dimensions: Int) -> Coordinate? {
            guard let x = double(), let y = double() else { return nil }
            for _ in 2..<dimensions { guard double() != nil else { return nil } }
            return Coordinate(x: x, y: y)
        }

        mutating func count() -> Int? {
            guard let n = uint32() else { return nil }
            // Each element needs at least 4 bytes: a count beyond the blob is malformed.
            guard Int(n) <= (bytes.count - position) / 4 else { return nil }
            return Int(n)
        }

        mutating func points(_ dimensions: Int) -> [Coordinate]? {
            guard let n = count(), n * 8 * dimensions <= bytes.count - position else { return nil }
            var out = [Coordinate]()
            out.reserveCapacity(n)
            for _ in 0..<n { guard let c = vertex(dimensions) else { return nil }; out.append(c) }
            return out
        }

        mutating func rings(_ dimensions: Int) -> [[Coordinate]]? {
            guard let n = count() else { return nil }
            var out = [[Coordinate]]()
            out.reserveCapacity(n)
            for _ in 0..<n { guard let ring = points(dimensions) else { return nil }; out.append(ring) }
            return out
        }

        /// The parts of a multi-geometry, each with its own header of `type`.
        mutating func parts<T>(_ type: UInt32, _ part: (inout Cursor, Int) -> T?) -> [T]? {
            guard let n = count() else { return nil }
            var out = [T]()
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard let (t, d) = header(), t == type, let p = part(&self, d) else { return nil }
                out.append(p)
            }
            return out
        }

        mutating func geometry(depth: Int) -> Geometry? {
            guard depth < 32, let (type, d) = header() else { return nil }
            switch type {
            case 1:
                guard let c = vertex(d) else { return nil }
                // OGR writes an empty point as NaN, NaN.
                return c.x.isNaN && c.y.isNaN ? .multiPoint([]) : .point(c)
            case 2: return points(d).map { .lineString($0) }
            case 3: return rings(d).map { .polygon($0) }
            case 4:
                // An empty point inside a multipoint: left to OGR.
                return parts(1) { cursor, d in cursor.vertex(d).flatMap { $0.x.isNaN && $0.y.isNaN ? nil : $0 } }.map { .multiPoint($0) }
            case 5: return parts(2) { cursor, d in cursor.points(d) }.map { .multiLineString($0) }
            case 6: return parts(3) { cursor, d in cursor.rings(d) }.map { .multiPolygon($0) }
            case 7:
                guard let n = count() else { return nil }
                var out = [Geometry]()
                for _ in 0..<n { guard let g = geometry(depth: depth + 1) else { return nil }; out.append(g) }
                return .collection(out)
            default: return nil
            }
        }
    }
}
