import CGDAL
import Foundation

/// Finds the real cause of a failed or silently broken write. Several OGR
/// drivers (GeoJSON above all) ignore the result of their `fwrite`s, so a
/// full disk shows neither in their return codes nor in CPLGetLastErrorMsg;
/// the C library's `errno` still says what happened. Callers set `errno` to
/// 0 before a write call and ask `fatal()` right after it.
enum WriteFailure {
    /// errno values that mean data did not reach the file. A successful call
    /// never leaves one of these behind, so seeing one is a failure even when
    /// the driver returned success.
    static let fatalCodes: Set<Int32> = [ENOSPC, EDQUOT, EFBIG, EIO, EROFS]

    /// errno values worth naming as the cause of a call that failed. Others
    /// (ENOENT from probing for side files, say) say nothing about the write.
    static let causeCodes = fatalCodes.union([EACCES, EPERM])

    /// The failure `errno` records right now, if it is one of `fatalCodes`.
    static func fatal() -> Int32? {
        let e = errno
        return fatalCodes.contains(e) ? e : nil
    }

    /// A message for a failed write of `path`: GDAL's own text when it gave
    /// one, the system's reason (`errno` saved right after the call), or
    /// what the folder says about itself (full, not writable), never just
    /// "unknown error".
    static func message(path: String, errno saved: Int32?) -> String {
        var parts: [String] = []
        if CPLGetLastErrorType() != CE_None, let m = CPLGetLastErrorMsg(), m.pointee != 0 {
            parts.append(String(cString: m))
        }
        if let saved, causeCodes.contains(saved) {
            parts.append(describe(saved))
        } else if let probe = probe(folderOf: path) {
            parts.append(probe)
        }
        return parts.isEmpty ? "GDAL gave no reason and the folder has space and is writable" : parts.joined(separator: "; ")
    }

    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC: return "\(text) (the disk is full)"
        case EDQUOT: return "\(text) (the disk quota is used up)"
        case EACCES, EPERM: return "\(text) (no permission to write there)"
        case EROFS: return "\(text) (the file system is read-only)"
        default: return text
        }
    }

    /// Checks the folder that holds `path` for the usual causes.
    static func probe(folderOf path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var fs = statvfs()
        if statvfs(folder, &fs) == 0, fs.f_bavail == 0 {
            return describe(ENOSPC)
        }
        if access(folder, W_OK) != 0 {
            return describe(errno == 0 ? EACCES : errno)
        }
        return nil
    }
}
