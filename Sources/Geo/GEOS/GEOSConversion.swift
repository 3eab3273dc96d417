import CGEOS

/// Conversion between `Geometry` values and GEOS geometries owned by a context.
extension GEOSContext {
    /// A new GEOS geometry for a value. Every part is owned from the moment
    /// GEOS returns it: when a later part fails, the parts already built are
    /// destroyed by their owners, never leaked and never freed twice.
    func make(_ geometry: Geometry) throws -> GEOSGeometryRef {
        resetError()
        switch geometry {
        case .point(let c):
            // Returns NULL on exception.
            return try own(GEOSGeom_createPointFromXY_r(handle, c.x, c.y), "create point")
        case .multiPoint(let cs):
            return try collection(GEOS_MULTIPOINT, try cs.map { try make(.point($0)) })
        case .lineString(let cs):
            let s = try sequence(cs)
            // Takes ownership of the sequence, also when it fails; NULL on exception.
            return try own(GEOSGeom_createLineString_r(handle, s.surrender()), "create line")
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, try ls.map { try make(.lineString($0)) })
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, try ps.map { try polygon($0) })
        case .collection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, try gs.map { try make($0) })
        }
    }

    private func sequence(_ cs: [Coordinate]) throws -> GEOSSequenceRef {
        guard let count = UInt32(exactly: cs.count) else {
            throw GeoError.geos(operation: "create coordinate sequence", message: "\(cs.count) coordinates are more than GEOS takes")
        }
        var buffer = [Double]()
        buffer.reserveCapacity(cs.count * 2)
        for c in cs { buffer.append(c.x); buffer.append(c.y) }
        // copyFromBuffer returns NULL on exception.
        guard let s = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, count, 0, 0) else {
            throw error("create coordinate sequence")
        }
        return GEOSSequenceRef(s, context: self)
    }

    private func ring(_ cs: [Coordinate]) throws -> GEOSGeometryRef {
        var closed = cs
        if let first = cs.first, first != cs.last { closed.append(first) }
        let s = try sequence(closed)
        // Takes ownership of the sequence, also when it fails; NULL on
        // exception (e.g. fewer than 4 points).
        return try own(GEOSGeom_createLinearRing_r(handle, s.surrender()), "create ring")
    }

    private func polygon(_ rings: [[Coordinate]]) throws -> GEOSGeometryRef {
        guard let shellCoords = rings.first else {
            return try own(GEOSGeom_createEmptyPolygon_r(handle), "create empty polygon")
        }
        let shell = try ring(shellCoords)
        let holes = try rings.dropFirst().map { try ring($0) }
        guard let holeCount = UInt32(exactly: holes.count) else {
            throw GeoError.geos(operation: "create polygon", message: "\(holes.count) holes are more than GEOS takes")
        }
        // Takes ownership of shell and holes (not of the array), also when
        // it fails (GEOS 3.11 geos_ts_c.cpp); NULL on exception.
        var holePointers: [OpaquePointer?] = holes.map { $0.surrender() }
        let p = holePointers.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, shell.surrender(), buf.baseAddress, holeCount)
        }
        return try own(p, "create polygon")
    }

    /// A collection of `type` from `parts`. Internal so tests can make GEOS
    /// refuse one (an unsupported type) and check nothing is freed twice.
    func collection(_ type: GEOSGeomTypes, _ parts: [GEOSGeometryRef]) throws -> GEOSGeometryRef {
        guard let count = UInt32(exactly: parts.count) else {
            throw GeoError.geos(operation: "create collection", message: "\(parts.count) parts are more than GEOS takes")
        }
        resetError()
        // Takes ownership of the parts (not of the array) also when it fails:
        // GEOS 3.11 moves them into unique_ptrs before it builds anything, so
        // on NULL they are already destroyed and must not be destroyed here.
        var pointers: [OpaquePointer?] = parts.map { $0.surrender() }
        let c = pointers.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, count)
        }
        return try own(c, "create collection")
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
            // An empty part (MULTIPOINT (EMPTY) in WKB) has no coordinate: it is left out.
            return .multiPoint(try parts(of: g).compactMap { try coordinates(of: $0).first })
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
        // Returns 2 on exception. An empty point has no sequence GEOS 3.11 can
        // read (GEOSCoordSeq_getSize_r on it crashes): ask first.
        let empty = GEOSisEmpty_r(handle, g)
        guard empty != 2 else { throw error("is empty") }
        if empty == 1 { return [] }
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
        // Named and kept alive explicitly: an unnamed owner would be released
        // right after `.pointer` is read, before GEOS reads the geometry.
        let owned = try own(result, operation)
        return try withExtendedLifetime(owned) { try value(of: owned.pointer) }
    }
}
