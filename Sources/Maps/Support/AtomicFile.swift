import Access
import Foundation

/// Writes a file to a temporary name beside it and renames it into place, so
/// a failed run never leaves a half-written file.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let temporary = temporaryName(path)
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        try rename(temporary, to: path)
    }

    /// A name of this process and call, so concurrent writers never share a temporary file.
    static func temporaryName(_ path: String) -> String {
        path + ".tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }

    static func rename(_ temporary: String, to path: String) throws {
        // rename(2) replaces the destination atomically on the same file system.
        guard Foundation.rename(temporary, path) == 0 else {
            throw OutputError.cannotWrite(path: path, operation: "rename \(temporary) to it", errno: errno)
        }
    }
}
