import Foundation

/// Inputs are never written: an output folder that is, or contains, an input
/// file or folder is refused before any work. Paths are compared resolved
/// (symbolic links, `..`) and by device and inode, so another spelling of the
/// same folder (a bind mount, a hard-linked path) is caught too.
enum InputGuard {
    static func check(out: String, inputs: [String]) throws {
        let outID = FileIdentity(path: out)
        for input in inputs where !input.isEmpty {
            guard let resolved = FileIdentity.resolved(input) else { continue }  // not a local file (PG:..., /vsicurl/...)
            if resolved == out || resolved.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                throw OutputError.containsInput(out: out, input: input)
            }
            guard let outID else { continue }
            // Walk up from the input: is any of its folders the output folder under another name?
            var path = resolved
            while true {
                if FileIdentity(path: path) == outID { throw OutputError.containsInput(out: out, input: input) }
                let parent = (path as NSString).deletingLastPathComponent
                if parent == path || parent.isEmpty { break }
                path = parent
            }
        }
    }
}

/// Device and inode of a file or folder.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
    }

    /// The absolute path with symbolic links resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
