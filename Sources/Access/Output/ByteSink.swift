import Foundation

/// A buffered, append-only output file for the streamed writers: bytes go
/// into a 1 MiB buffer that is written with `write(2)` when full. Owns the
/// file descriptor; `close()` flushes and reports the real cause of a
/// failure (disk full, permission) with the file name.
///
/// In memory mode (a chunk formatted on another thread) the buffer itself
/// grows (`realloc`, which moves large blocks without copying) and is handed
/// over whole as a `FormattedBytes`: no copy between formatting and `write(2)`.
final class ByteSink {
    let path: String
    private var fd: Int32
    private var capacity: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Bytes written so far, including those still in the buffer.
    private(set) var bytesWritten = 0
    /// Bytes in the buffer (of a memory sink: all it holds).
    var bufferedBytes: Int { count }

    init(path: String) throws {
        self.path = path
        capacity = 1 << 20
        // open(2) returns -1 and sets errno on failure.
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFileError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
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
        if fd == -2 { free(buffer) } else { buffer.deallocate() }
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

    /// Appends a large block (a chunk formatted elsewhere) with `write(2)`
    /// straight from `a`, after what is buffered: one copy less than `bytes`.
    func block(_ a: FormattedBytes) throws {
        let p = UnsafeBufferPointer(start: a.pointer, count: a.count)
        guard fd >= 0, a.count >= capacity else { return try bytes(p) }
        try flush()
        var offset = 0
        while offset < p.count {
            let n = Foundation.write(fd, p.baseAddress! + offset, p.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
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

    func flush() throws {
        if fd == -2 {
            // A memory sink grows instead (to twice its size, so appending stays linear).
            capacity *= 2
            guard let p = realloc(buffer, capacity) else { fatalError("out of memory formatting \(path)") }
            buffer = p.assumingMemoryBound(to: UInt8.self)
            return
        }
        var offset = 0
        while offset < count {
            let n = Foundation.write(fd, buffer + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        bytesWritten += count
        count = 0
    }

    func close() throws {
        guard fd >= 0 else { return }
        try flush()
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
