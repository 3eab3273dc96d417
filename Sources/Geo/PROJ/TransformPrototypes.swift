import CPROJ
import Foundation

/// The transformations made so far in this process, one prototype per
/// (source, target), each in a PROJ context of its own that is used only
/// under `lock`. `proj_create_crs_to_crs` searches PROJ's database for the
/// operations (tens of milliseconds each, 70–160 ms on a loaded machine, and
/// a run makes ten: readers, writers' per-thread copies, maps); a
/// `CoordinateTransformer` clones the prototype into its own context
/// instead (`proj_clone`, under a millisecond), which gives the same
/// operation and the same coordinates.
enum TransformPrototypes {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: PJRef] = [:]

    /// A new PJ in `context` for source → target, axis order normalised;
    /// the caller wraps it in a `PJRef` of `context`.
    static func clone(from source: String, to target: String, into context: PROJContext) throws -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        let key = source + "\u{0}" + target
        let prototype: PJRef
        if let known = made[key] {
            prototype = known
        } else {
            let own = try PROJContext()
            prototype = PJRef(try create(from: source, to: target, in: own), context: own)
            made[key] = prototype
        }
        // proj_clone returns NULL on failure (out of memory); make the operation afresh then.
        if let copy = proj_clone(context.handle, prototype.pointer) { return copy }
        return try create(from: source, to: target, in: context)
    }

    /// Searches the operation in `context`: `proj_create_crs_to_crs`, then
    /// `proj_normalize_for_visualization`; the caller owns the result.
    private static func create(from source: String, to target: String, in context: PROJContext) throws -> OpaquePointer {
        context.reset()
        // Returns NULL when either CRS is unknown or no operation exists.
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error("transform from '\(CoordinateTransformer.short(source))' to '\(CoordinateTransformer.short(target))'")
        }
        let owned = PJRef(raw, context: context)
        // Returns NULL on failure; the result is a new object the caller owns.
        guard let normalised = proj_normalize_for_visualization(context.handle, owned.pointer) else {
            throw context.error("normalise axis order")
        }
        return normalised
    }
}
