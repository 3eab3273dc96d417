import Foundation

/// Problems with the output folder (`--out`), in words: the folder, what is
/// wrong and what to do. Never a Foundation error dump.
public enum OutputError: Error, LocalizedError, CustomStringConvertible, Equatable {
    /// Another bereik run holds the lock of this output folder.
    case busy(out: String, lock: String)
    /// The output folder is, or contains, an input of this run.
    case containsInput(out: String, input: String)
    /// The folder exists, is not empty and was not written by bereik.
    case notBereikOutput(out: String, examples: [String], total: Int)
    /// `--out` names an existing file, not a folder.
    case notAFolder(out: String)
    /// `--out` is the current directory or one of its parents.
    case currentDirectory(out: String)
    /// A file system operation failed with a known cause (errno).
    case cannotWrite(path: String, operation: String, errno: Int32)
    /// Writing failed and the disk holding the output folder is full.
    case diskFull(out: String, detail: String)

    public var description: String {
        switch self {
        case .busy(let out, let lock):
            return "\(out): another bereik run is writing this output folder (it holds the lock \(lock)). Wait for it to finish or choose another --out."
        case .containsInput(let out, let input):
            return "--out \(out) would overwrite the input \(input): the output folder is replaced as a whole, so it may not be or contain an input file. Choose another --out."
        case .notBereikOutput(let out, let examples, let total):
            return "--out \(out) is a folder that bereik did not write (it holds \(examples.joined(separator: ", "))\(total > examples.count ? " and \(total - examples.count) more" : "") but no bereik run.json). bereik replaces its output folder as a whole; choose a new or empty folder."
        case .notAFolder(let out):
            return "--out \(out) is an existing file, not a folder. Choose a folder name."
        case .currentDirectory(let out):
            return "--out \(out) is the current directory (or holds it): bereik replaces its output folder as a whole. Choose a subfolder, e.g. --out out."
        case .cannotWrite(let path, let operation, let code):
            return "\(path): cannot \(operation): \(Self.reason(code))."
        case .diskFull(let out, let detail):
            return "\(out): the disk is full, the output could not be written (\(detail)). The previous output is unchanged; free some space and run again."
        }
    }

    public var errorDescription: String? { description }

    /// The cause of a failed file operation in words, for the errno values a user can cause.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is exceeded"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOENT: return "no such file or folder"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case EBUSY: return "it is in use (a mount point?)"
        case EXDEV: return "it is on another file system"
        case ENAMETOOLONG: return "the name is too long"
        case EMFILE, ENFILE: return "too many open files"
        case EIO: return "an input/output error of the disk"
        default: return String(cString: strerror(code))
        }
    }

    /// Turns an error from writing into the staging folder into words when its
    /// cause is a known file system condition; other errors are returned as they are.
    public static func named(_ error: Error, out: String, staging: String) -> Error {
        if error is OutputError { return error }
        if let code = posixCode(error) {
            let ns = error as NSError
            let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
            // An input that cannot be read is the reader's error, not the output folder's.
            if let path, !path.hasPrefix(staging), !path.hasPrefix(out) { return error }
            let shown = (path ?? out).replacingOccurrences(of: staging, with: out)
            if code == ENOSPC || code == EDQUOT { return diskFull(out: out, detail: "\(shown): \(reason(code))") }
            if path != nil || code == EROFS || code == EACCES { return cannotWrite(path: shown, operation: "write", errno: code) }
            return error
        }
        // Libraries that lose errno (GDAL reports "unknown error"): a full disk is told by the free space left.
        let text = String(describing: error)
        if FreeSpace.isFull(staging) || FreeSpace.isFull((out as NSString).deletingLastPathComponent) {
            return diskFull(out: out, detail: text.replacingOccurrences(of: staging, with: out))
        }
        if text.contains(staging) { return StagedWriteError(message: text.replacingOccurrences(of: staging, with: out)) }
        return error
    }

    /// The POSIX errno behind a Foundation error, when there is one.
    static func posixCode(_ error: Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: return ENOSPC
            case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
            case .fileWriteVolumeReadOnly: return EROFS
            case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
            default: return nil
            }
        }
        return nil
    }
}

/// Free space of the file system holding a path.
enum FreeSpace {
    /// True when fewer than 64 KiB are free for unprivileged writes.
    static func isFull(_ path: String) -> Bool {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return false }
        return UInt64(s.f_bavail) * UInt64(s.f_frsize) < 64 * 1024
    }
}

/// An error from writing the staging folder, shown with the output folder's name.
public struct StagedWriteError: Error, LocalizedError, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
