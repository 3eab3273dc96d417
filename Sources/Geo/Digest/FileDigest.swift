import CCrypto
import Foundation

/// SHA-256 of input files for `run.json`, so a run can be tied to the exact
/// files it read. Computed by OpenSSL's libcrypto (its EVP digest API), which
/// uses the processor's SHA extensions where it has them: a 1 GB national
/// population file in under a second instead of several.
public enum FileDigest {
    /// Hex digest of a regular file's bytes; nil when it is not a readable
    /// regular file (a folder, a `PG:` connection string) or a read fails
    /// part-way (never the digest of part of a file).
    public static func sha256(ofFile path: String) -> String? {
        // open(2)/fstat(2)/read(2): -1 on failure, errno set. Non-blocking,
        // so that a named pipe (e.g. a shell's `<(…)`) is refused at once
        // instead of waiting for a writer; a regular file reads as usual.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let hasher = SHA256Hasher() else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 22, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            guard hasher.update(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return nil }
        }
        return hasher.finalize()
    }

    /// Hex digest of `data` (nil only when libcrypto fails).
    public static func sha256(of data: Data) -> String? {
        guard let hasher = SHA256Hasher() else { return nil }
        hasher.update(data)
        return hasher.finalize()
    }
}

/// A SHA-256 fed in pieces. Owns one libcrypto digest context from its
/// creation to `deinit`.
public final class SHA256Hasher {
    /// `EVP_MD_CTX *`.
    private let context: OpaquePointer
    private var failed = false

    /// nil when libcrypto cannot make or start a context (out of memory).
    public init?() {
        // EVP_MD_CTX_new: NULL on failure.
        guard let context = EVP_MD_CTX_new() else { return nil }
        self.context = context
        // EVP_DigestInit_ex: 1 on success.
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `data`'s bytes.
    public func update(_ data: Data) {
        _ = data.withUnsafeBytes { update(bytes: $0) }
    }

    /// Adds the bytes; false (and every later call fails) when libcrypto fails.
    @discardableResult
    func update(bytes: UnsafeRawBufferPointer) -> Bool {
        guard !failed else { return false }
        // EVP_DigestUpdate: 1 on success.
        if bytes.count > 0, EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) != 1 { failed = true }
        return !failed
    }

    /// The hex digest of every byte added (nil when libcrypto failed). Call once.
    public func finalize() -> String? {
        guard !failed else { return nil }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // EVP_DigestFinal_ex: 1 on success; `length` = 32 for SHA-256.
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            failed = true
            return nil
        }
        failed = true  // the context is spent
        return digest[0..<32].map { String(format: "%02x", $0) }.joined()
    }
}
