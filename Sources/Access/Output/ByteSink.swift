import Foundation

/// A buffered, append-only output file for the streamed writers: bytes go
/// into a 4 MiB buffer that is written with `write(2)` when full. Owns the
/// file descriptor; `close()` flushes and reports the real cause of a
/// failure (disk full, permission) with the file name.
///
/// On Linux the file is written with direct I/O (`O_DIRECT`) where the file
/// system takes it: whole 4 KiB blocks from the aligned buffer go to the
/// device without a copy into the page cache, and the tail (less than a
/// block) is written through the cache at `close()`. That copy was the
/// writers' largest cost: a 1.2 GB GeoJSON file took 2.3 processor-s of
/// kernel time and ran at 360 MB/s (`dd` through the cache), against 0.1 s
/// and 1.7 GB/s direct (measured 2026-11-30 on the 2-core VM), and a
/// national run's 5 GB no longer pushes the user's other files out of the
/// cache. Where direct I/O is refused (tmpfs, some network file systems;
/// at `open` or at the first `write`), the sink writes through the cache.
///
/// In memory mode (a chunk formatted on another thread) the buffer itself
/// grows (`realloc`, which moves large blocks without copying) and is handed
/// over whole as a `FormattedBytes`.
final class ByteSink {
    let path: String
    private var fd: Int32
    private var capacity: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Whether `fd` is open for direct I/O: writes of whole blocks from the
    /// aligned buffer only.
    private var direct = false
    /// Bytes written so far, including those still in the buffer.
    private(set) var bytesWritten = 0
    /// Bytes in the buffer (of a memory sink: all it holds).
    var bufferedBytes: Int { count }

    /// Direct I/O's unit of offset, length and memory alignment: 4 KiB
    /// covers the logical block sizes of the devices in use (512 B, 4 KiB).
    static let directBlock = 4096

    init(path: String) throws {
        self.path = path
        capacity = 4 << 20
        // open(2) returns -1 and sets errno on failure.
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        if let odirect = Self.directFlag {
            fd = open(path, flags | odirect, 0o644)
            direct = fd >= 0
            if fd < 0 && errno == EINVAL { fd = open(path, flags, 0o644) }
        } else {
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw OutputFileError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Self.directBlock).bindMemory(to: UInt8.self, capacity: capacity)
    }

    /// `O_DIRECT`, which Swift's Glibc module does not import (a GNU
    /// extension of fcntl.h): Linux's value on the architectures bereik
    /// builds for, nil elsewhere (the sink then writes through the cache).
    private static var directFlag: Int32? {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && arch(arm64)
        return 0o200000
        #else
        return nil
        #endif
    }

    /// A sink into memory, for formatting a chunk on another thread; `path`
    /// names the file it is for; `expectedBytes` sizes the first block.
    init(memoryFor path: String, expectedBytes: Int = 1 << 16) {
        self.path = path
        capacity = Swift.max(1 << 16, expectedBytes)
        fd = -2
        // malloc returns nil only when memory is exhausted.
        guard let p = malloc(capacity) else { fatalError("out of memory formatting \(path)") }
        buffer = p.assumingMemoryBound(to: UInt8.self)
    }

    /// The bytes of a memory sink, handed over; the sink is empty afterwards.
    func takeBytes() -> FormattedBytes {
        precondition(fd == -2, "only a memory sink hands over its bytes")
        let taken = FormattedBytes(buffer, count: count)
        bytesWritten += count
        capacity = 1 << 16
        guard let p = malloc(capacity) else { fatalError("out of memory formatting \(path)") }
        buffer = p.assumingMemoryBound(to: UInt8.self)
        count = 0
        return taken
    }

    deinit {
        if fd >= 0 { _ = Foundation.close(fd) }
        if fd == -2 { free(buffer) } else { UnsafeMutableRawPointer(buffer).deallocate() }
    }

    @inline(__always)
    func byte(_ b: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = b
        count += 1
    }

    func bytes(_ p: UnsafeBufferPointer<UInt8>) throws {
        guard let base = p.baseAddress else { return }
        var done = 0
        while done < p.count {
            if count == capacity { try flush() }
            let n = min(p.count - done, capacity - count)
            (buffer + count).update(from: base + done, count: n)
            count += n
            done += n
        }
    }

    func bytes(_ a: [UInt8]) throws { try a.withUnsafeBufferPointer { try bytes($0) } }

    /// Appends a large block (a chunk formatted elsewhere), after what is
    /// buffered: through the cache with `write(2)` straight from `a` (one
    /// copy less than `bytes`); with direct I/O through the aligned buffer.
    func block(_ a: FormattedBytes) throws {
        let p = UnsafeBufferPointer(start: a.pointer, count: a.count)
        guard fd >= 0, !direct, a.count >= capacity else { return try bytes(p) }
        try flush()
        try writeAll(p.baseAddress!, p.count)
        bytesWritten += a.count
    }

    func ascii(_ s: StaticString) throws {
        try bytes(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Reserves `n` bytes (n ≤ 64) and lets `body` fill them; returns after
    /// advancing by the count `body` returns.
    @inline(__always)
    func fill(upTo n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) throws {
        if capacity - count < n { try flush() }
        count += body(buffer + count)
    }

    /// Writes out the buffer; with direct I/O its whole blocks only, the
    /// rest (less than a block) moved to the buffer's start.
    func flush() throws {
        if fd == -2 {
            // A memory sink grows instead (to twice its size, so appending stays linear).
            capacity *= 2
            guard let p = realloc(buffer, capacity) else { fatalError("out of memory formatting \(path)") }
            buffer = p.assumingMemoryBound(to: UInt8.self)
            return
        }
        let n = direct ? count - count % Self.directBlock : count
        try writeAll(buffer, n)
        bytesWritten += n
        if n < count { (buffer).update(from: buffer + n, count: count - n) }
        count -= n
    }

    /// `write(2)` of all `n` bytes at `p`. With direct I/O: a refusal
    /// (EINVAL) or a short write turns it off for the rest of the file.
    private func writeAll(_ p: UnsafePointer<UInt8>, _ n: Int) throws {
        var offset = 0
        while offset < n {
            let written = Foundation.write(fd, p + offset, n - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if direct && errno == EINVAL { try stopDirect(); continue }
                throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
            if direct && written % Self.directBlock != 0 { try stopDirect() }
        }
    }

    private func stopDirect() throws {
        direct = false
        let flags = fcntl(fd, F_GETFL)
        if flags < 0 || fcntl(fd, F_SETFL, flags & ~(Self.directFlag ?? 0)) != 0 {
            throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    func close() throws {
        guard fd >= 0 else { return }
        try flush()
        if count > 0 {
            // The tail, less than a block: through the cache.
            try stopDirect()
            try flush()
        }
        let descriptor = fd
        fd = -1
        // close(2) can report a delayed write error (e.g. on NFS or a full disk).
        if Foundation.close(descriptor) != 0 {
            throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes formatted in memory (`ByteSink.takeBytes`), owned until released.
final class FormattedBytes: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
    let count: Int

    fileprivate init(_ pointer: UnsafeMutablePointer<UInt8>, count: Int) {
        self.pointer = pointer
        self.count = count
    }

    deinit { free(pointer) }
}

/// A failure writing an output file, with the operating system's reason.
public enum OutputFileError: Error, LocalizedError, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotTransform(path: String, feature: Int, layer: String)

    public var description: String {
        switch self {
        case .cannotCreate(let p, let r): return "\(p): cannot create the output file: \(r)"
        case .cannotWrite(let p, let r): return "\(p): cannot write: \(r)"
        case .cannotTransform(let p, let i, let layer):
            return "\(p): feature \(i + 1) of layer \(layer) cannot be transformed to WGS84"
        }
    }

    public var errorDescription: String? { description }
}
