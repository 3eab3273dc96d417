import Foundation

/// Writes a file to a temporary name beside it and renames it into place, so
/// a failed run never leaves a half-written file.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        try rename(temporary, to: path)
    }

    static func rename(_ temporary: String, to path: String) throws {
        // rename(2) replaces the destination atomically on the same file system.
        guard Foundation.rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))"])
        }
    }
}
