import CGDAL

/// Registers GDAL's drivers once per process and routes GDAL's messages to a
/// quiet handler: errors are read back with `CPLGetLastErrorMsg` and thrown
/// with the file name, never printed by GDAL itself.
let gdalRegistered: Void = {
    GDALAllRegister()
    CPLSetErrorHandler(CPLQuietErrorHandler)
}()

enum GDALSupport {
    static func register() { _ = gdalRegistered }

    /// GDAL's last error message on this thread, or `fallback`.
    static func lastError(_ fallback: String) -> String {
        guard let msg = CPLGetLastErrorMsg() else { return fallback }
        let s = String(cString: msg)
        return s.isEmpty ? fallback : s
    }

    /// Calls `body` with a NULL-terminated C string list (GDAL's `char **`).
    static func withStringList<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
        if strings.isEmpty { return try body(nil) }
        var list: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        list.append(nil)
        defer { for p in list { free(p) } }
        return try list.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
    }

    /// The same list seen as `const char * const *`.
    static func constList(_ p: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafePointer<UnsafePointer<CChar>?>? {
        p.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }

    static var version: String {
        String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}

/// A field's value as read from or written to a vector source.
public enum FieldValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    case boolean(Bool)

    public var isNull: Bool { if case .null = self { return true }; return false }

    /// The value as text; nil for null.
    public var text: String? {
        switch self {
        case .null: return nil
        case .integer(let i): return String(i)
        case .real(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        }
    }
}

public enum FieldType: Sendable {
    case integer, real, string, boolean
}

public struct FieldDefinition: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}
