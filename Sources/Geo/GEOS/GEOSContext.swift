import CGEOS

/// One GEOS context (reentrant `_r` API). Not shared between threads: create
/// one per task. GEOS's error and notice messages are captured here so they
/// can be thrown as `GeoError.geos` with GEOS's own text.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastError: String = ""
    private(set) var lastNotice: String = ""

    init() throws {
        // GEOS_init_r returns NULL only when out of memory.
        guard let h = GEOS_init_r() else {
            throw GeoError.geos(operation: "init", message: "GEOS_init_r returned no context")
        }
        handle = h
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(h, { message, userData in
            guard let userData, let message else { return }
            Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().lastError = String(cString: message)
        }, me)
        GEOSContext_setNoticeMessageHandler_r(h, { message, userData in
            guard let userData, let message else { return }
            Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().lastNotice = String(cString: message)
        }, me)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Clears the captured message before a call whose failure we check.
    func resetError() { lastError = "" }

    func error(_ operation: String) -> GeoError {
        .geos(operation: operation, message: lastError.isEmpty ? "no message from GEOS" : lastError)
    }
}

/// Owns one GEOS geometry and destroys it with the context it was made in.
final class GEOSGeometryRef {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }
}

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
