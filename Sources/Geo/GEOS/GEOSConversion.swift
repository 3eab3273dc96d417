import CGEOS

/// Conversion between `Geometry` values and GEOS geometries owned by a context.
extension GEOSContext {
    func make(_ geometry: Geometry) throws -> GEOSGeometryRef {
        GEOSGeometryRef(try makeRaw(geometry), context: self)
    }

    /// Returns a new GEOS geometry the caller must own or hand to GEOS.
    private func makeRaw(_ geometry: Geometry) throws -> OpaquePointer {
        resetError()
        switch geometry {
        case .point(let c):
            // Returns NULL on exception.
            guard let p = GEOSGeom_createPointFromXY_r(handle, c.x, c.y) else { throw error("create point") }
            return p
        case .multiPoint(let cs):
            return try collection(GEOS_MULTIPOINT, try cs.map { try makeRaw(.point($0)) })
        case .lineString(let cs):
            // createLineString takes ownership of the sequence; NULL on exception.
            guard let p = GEOSGeom_createLineString_r(handle, try sequence(cs)) else { throw error("create line") }
            return p
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, try ls.map { try makeRaw(.lineString($0)) })
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, try ps.map { try polygon($0) })
        case .collection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, try gs.map { try makeRaw($0) })
        }
    }

    private func sequence(_ cs: [Coordinate]) throws -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(cs.count * 2)
        for c in cs { buffer.append(c.x); buffer.append(c.y) }
        // copyFromBuffer returns NULL on exception.
        guard let s = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(cs.count), 0, 0) else {
            throw error("create coordinate sequence")
        }
        return s
    }

    private func ring(_ cs: [Coordinate]) throws -> OpaquePointer {
        var closed = cs
        if let first = cs.first, first != cs.last { closed.append(first) }
        // Takes ownership of the sequence; NULL on exception (e.g. fewer than 4 points).
        guard let r = GEOSGeom_createLinearRing_r(handle, try sequence(closed)) else { throw error("create ring") }
        return r
    }

    private func polygon(_ rings: [[Coordinate]]) throws -> OpaquePointer {
        guard let shellCoords = rings.first else {
            guard let p = GEOSGeom_createEmptyPolygon_r(handle) else { throw error("create empty polygon") }
            return p
        }
        let shell = try ring(shellCoords)
        var holes: [OpaquePointer?] = []
        do {
            for r in rings.dropFirst() { holes.append(try ring(r)) }
        } catch {
            GEOSGeom_destroy_r(handle, shell)
            for h in holes { GEOSGeom_destroy_r(handle, h) }
            throw error
        }
        // Takes ownership of shell and holes (not of the array); NULL on exception.
        let p = holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, shell, buf.baseAddress, UInt32(buf.count))
        }
        guard let p else { throw error("create polygon") }
        return p
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer]) throws -> OpaquePointer {
        var parts = parts.map { Optional($0) }
        // Takes ownership of the parts (not of the array); NULL on exception.
        let c = parts.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        guard let c else {
            for p in parts { GEOSGeom_destroy_r(handle, p) }
            throw error("create collection")
        }
        return c
    }

    /// Reads a GEOS geometry (borrowed, not freed here) into a value.
    func value(of g: OpaquePointer) throws -> Geometry {
        let type = Int(GEOSGeomTypeId_r(handle, g))
        switch type {
        case Int(GEOS_POINT.rawValue):
            if GEOSisEmpty_r(handle, g) == 1 { return .multiPoint([]) }
            return .point(try coordinates(of: g).first ?? Coordinate(x: .nan, y: .nan))
        case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue):
            return .lineString(try coordinates(of: g))
        case Int(GEOS_POLYGON.rawValue):
            return .polygon(try rings(of: g))
        case Int(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(of: g).map { try coordinates(of: $0).first! })
        case Int(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(of: g).map { try coordinates(of: $0) })
        case Int(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(of: g).map { try rings(of: $0) })
        default:
            return .collection(try parts(of: g).map { try value(of: $0) })
        }
    }

    private func parts(of g: OpaquePointer) throws -> [OpaquePointer] {
        // Returns -1 on exception.
        let n = GEOSGetNumGeometries_r(handle, g)
        guard n >= 0 else { throw error("count parts") }
        return try (0..<n).map { i in
            guard let p = GEOSGetGeometryN_r(handle, g, i) else { throw error("get part") }
            return p
        }
    }

    private func rings(of polygon: OpaquePointer) throws -> [[Coordinate]] {
        if GEOSisEmpty_r(handle, polygon) == 1 { return [] }
        guard let shell = GEOSGetExteriorRing_r(handle, polygon) else { throw error("exterior ring") }
        var result = [try coordinates(of: shell)]
        // Returns -1 on exception.
        let holes = GEOSGetNumInteriorRings_r(handle, polygon)
        guard holes >= 0 else { throw error("count holes") }
        for i in 0..<holes {
            guard let h = GEOSGetInteriorRingN_r(handle, polygon, i) else { throw error("interior ring") }
            result.append(try coordinates(of: h))
        }
        return result
    }

    private func coordinates(of g: OpaquePointer) throws -> [Coordinate] {
        guard let seq = GEOSGeom_getCoordSeq_r(handle, g) else { throw error("coordinate sequence") }
        var size: UInt32 = 0
        // Returns 0 on exception.
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw error("sequence size") }
        if size == 0 { return [] }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        guard GEOSCoordSeq_copyToBuffer_r(handle, seq, &buffer, 0, 0) != 0 else { throw error("copy sequence") }
        return (0..<Int(size)).map { Coordinate(x: buffer[2 * $0], y: buffer[2 * $0 + 1]) }
    }

    /// Takes ownership of a new GEOS result and converts it to a value.
    func take(_ result: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let result else { throw error(operation) }
        let owned = GEOSGeometryRef(result, context: self)
        return try value(of: owned.pointer)
    }
}
