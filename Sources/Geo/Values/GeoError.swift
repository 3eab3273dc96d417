import Foundation

/// Errors raised by the interop layer. Each carries the C library's own
/// message and, where known, the file and feature it concerns.
public enum GeoError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// GEOS reported an error (message from its error handler).
    case geos(operation: String, message: String)
    /// PROJ could not create or run a transformation.
    case proj(operation: String, message: String)
    /// GDAL/OGR could not open, read or write a source.
    case gdal(path: String, message: String)
    /// A feature in a source could not be read or written (GDAL's message,
    /// or the system's reason when GDAL gave none).
    case feature(path: String, feature: Int64, message: String)
    /// GDAL/OGR could not build or convert a geometry (not a GEOS failure).
    case gdalGeometry(operation: String, message: String)

    public var description: String {
        switch self {
        case .geos(let op, let msg): return "GEOS \(op) failed: \(msg)"
        case .proj(let op, let msg): return "PROJ \(op) failed: \(msg)"
        case .gdal(let path, let msg): return "\(path): \(msg)"
        case .feature(let path, let fid, let msg): return "\(path), feature \(fid): \(msg)"
        case .gdalGeometry(let op, let msg): return "GDAL \(op) failed: \(msg)"
        }
    }

    public var errorDescription: String? { description }
}
