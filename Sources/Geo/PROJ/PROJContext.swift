import CPROJ

/// One PROJ context: network access off, log messages captured so errors
/// carry PROJ's own text (the errno string alone often says little).
final class PROJContext {
    let handle: OpaquePointer
    private(set) var messages: [String] = []

    init() throws {
        // proj_context_create returns NULL only when out of memory.
        guard let ctx = proj_context_create() else {
            throw GeoError.proj(operation: "context", message: "proj_context_create returned no context")
        }
        handle = ctx
        // Grids come from the installed proj-data, never from the network.
        _ = proj_context_set_enable_network(ctx, 0)
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(self).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            let me = Unmanaged<PROJContext>.fromOpaque(appData).takeUnretainedValue()
            if me.messages.count < 20 { me.messages.append(String(cString: message)) }
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    func reset() {
        messages.removeAll()
    }

    func error(_ operation: String) -> GeoError {
        let errno = proj_context_errno(handle)
        var parts = messages
        if errno != 0, let s = proj_context_errno_string(handle, errno) { parts.append(String(cString: s)) }
        return .proj(operation: operation, message: parts.isEmpty ? "unknown PROJ error" : parts.joined(separator: "; "))
    }
}

/// Owns one PJ object and destroys it.
final class PJRef {
    let pointer: OpaquePointer
    let context: PROJContext
    init(_ pointer: OpaquePointer, context: PROJContext) {
        self.pointer = pointer
        self.context = context
    }
    deinit { proj_destroy(pointer) }
}
