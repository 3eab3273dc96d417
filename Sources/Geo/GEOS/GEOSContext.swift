import CGEOS
import Foundation

/// One GEOS context (reentrant `_r` API). Not shared between threads: create
/// one per task. GEOS's error messages are captured here so they can be
/// thrown as `GeoError.geos` with GEOS's own text. Notices are not installed:
/// GEOS drops them when no handler is set, and nothing here would read them.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastError: String = ""

    init() throws {
        // GEOS_init_r returns NULL only when out of memory.
        guard let h = GEOS_init_r() else {
            throw GeoError.geos(operation: "init", message: "GEOS_init_r returned no context")
        }
        handle = h
        // The handler gets `self` unretained: the context outlives every call
        // made through it, and GEOS_finish_r in deinit removes the handler.
        GEOSContext_setErrorMessageHandler_r(h, { message, userData in
            guard let userData, let message else { return }
            Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().lastError =
                String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Clears the captured message before a call whose failure we check.
    func resetError() { lastError = "" }

    func error(_ operation: String) -> GeoError {
        .geos(operation: operation, message: lastError.isEmpty ? "no message from GEOS" : lastError)
    }

    /// Wraps a geometry GEOS just returned in its owner; throws GEOS's message
    /// when the call returned NULL.
    func own(_ pointer: OpaquePointer?, _ operation: String) throws -> GEOSGeometryRef {
        guard let pointer else { throw error(operation) }
        return GEOSGeometryRef(pointer, context: self)
    }
}

/// Owns one GEOS object of `Kind` from the moment GEOS returns it, and
/// destroys it with the context it was made in — unless ownership has been
/// handed to GEOS with `surrender()` (the constructors of lines, polygons and
/// collections take their parts and sequences, also when they fail).
final class GEOSOwned<Kind: GEOSOwnedKind> {
    let context: GEOSContext
    let pointer: OpaquePointer
    private var owned = true

    init(_ pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    /// Gives the object to a GEOS call that takes ownership; this owner
    /// will not destroy it.
    func surrender() -> OpaquePointer {
        precondition(owned, "a GEOS \(Kind.name) can be handed over only once")
        owned = false
        return pointer
    }

    deinit {
        if owned { Kind.destroy(context, pointer) }
    }
}

/// What a `GEOSOwned` holds and how GEOS destroys it.
protocol GEOSOwnedKind {
    static var name: String { get }
    static func destroy(_ context: GEOSContext, _ pointer: OpaquePointer)
}

enum GEOSGeometryKind: GEOSOwnedKind {
    static let name = "geometry"
    static func destroy(_ context: GEOSContext, _ pointer: OpaquePointer) { GEOSGeom_destroy_r(context.handle, pointer) }
}

enum GEOSSequenceKind: GEOSOwnedKind {
    static let name = "coordinate sequence"
    static func destroy(_ context: GEOSContext, _ pointer: OpaquePointer) { GEOSCoordSeq_destroy_r(context.handle, pointer) }
}

/// One GEOS geometry with its owner.
typealias GEOSGeometryRef = GEOSOwned<GEOSGeometryKind>
/// One coordinate sequence, owned until a line or ring constructor takes it.
typealias GEOSSequenceRef = GEOSOwned<GEOSSequenceKind>

/// Owns one prepared geometry; keeps the geometry it was prepared from alive.
final class GEOSPreparedRef {
    let base: GEOSGeometryRef
    let pointer: OpaquePointer

    init(base: GEOSGeometryRef) throws {
        base.context.resetError()
        // GEOSPrepare_r returns NULL on exception.
        guard let p = GEOSPrepare_r(base.context.handle, base.pointer) else {
            throw base.context.error("prepare")
        }
        self.base = base
        self.pointer = p
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, pointer)
    }
}

/// Owns one STRtree. The tree stores plain integers in its item pointers,
/// never references to geometries, so it frees nothing but itself.
final class GEOSTreeRef {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, nodeCapacity: Int = 10) throws {
        context.resetError()
        // Returns NULL on exception; node capacity must be >= 2.
        guard let t = GEOSSTRtree_create_r(context.handle, nodeCapacity) else { throw context.error("STRtree create") }
        self.context = context
        pointer = t
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, pointer)
    }
}
