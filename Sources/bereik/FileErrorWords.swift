import Foundation

/// Foundation's file errors (NSCocoaErrorDomain) in words: the path and the
/// system's reason, never the userInfo dump.
enum FileErrorWords {
    /// Runs a command body; a Foundation file error escaping it becomes a
    /// message naming the path (as `--out FOLDER` when it lies in the output folder).
    static func run(out: String? = nil, _ body: () throws -> Void) throws {
        do { try body() } catch let e as NSError where e.domain == NSCocoaErrorDomain {
            throw BereikFailure(message: describe(e, out: out))
        }
    }

    static func describe(_ e: NSError, out: String? = nil) -> String {
        let path = e.userInfo[NSFilePathErrorKey] as? String ?? (e.userInfo[NSURLErrorKey] as? URL)?.path
        let text = reason(e)
        guard let path else { return text }
        if let out, !out.isEmpty {
            let folder = URL(fileURLWithPath: out).standardizedFileURL.path
            if path == folder || path.hasPrefix(folder + "/") {
                return "--out \(out): cannot write \(path == folder ? "the output folder" : path): \(text)"
            }
        }
        return "\(path): \(text)"
    }

    static func reason(_ error: Error) -> String {
        let e = error as NSError
        if let own = e.userInfo[NSLocalizedDescriptionKey] as? String { return own }
        if let posix = e.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
           let text = strerror(Int32(posix.code)) { return String(cString: text) }
        switch e.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or folder"
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteFileExistsError: return "a file of that name exists"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
        default: return e.localizedDescription
        }
    }
}
