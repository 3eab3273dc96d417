import Foundation
import XCTest
@testable import Access

/// `ByteSink` writes files with direct I/O where the file system takes it
/// (whole blocks from an aligned buffer, the tail through the cache) and
/// through the cache elsewhere. Whatever the path, the file holds exactly
/// the bytes appended, in order; the oracle is the same bytes appended to
/// an array.
final class ByteSinkTests: FixturesTestCase {
    /// The file's bytes through read(2): Foundation's `Data(contentsOf:)`
    /// leaks its 4 KiB buffer on an empty file (LeakSanitizer, CI's asan step).
    private func fileBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(fd) }
        var out = [UInt8](), chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw CocoaError(.fileReadUnknown) }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    /// Appends a mix of single bytes, short and block-sized pieces, large
    /// formatted blocks and filled numbers to the sink and to `expected`.
    private func appendMix(to sink: ByteSink, seed: UInt64) throws -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var expected = [UInt8]()
        let block = ByteSink.directBlock
        let lengths = [0, 1, 7, block - 1, block, block + 1, 3 * block + 5, (4 << 20) - 3, 4 << 20, (4 << 20) + 17, 9_000_001]
        for round in 0..<40 {
            let n = round < lengths.count ? lengths[round] : Int(rng.next() % 200_000)
            let piece = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            switch round % 4 {
            case 0:
                try piece.withUnsafeBufferPointer { try sink.bytes($0) }
            case 1:
                // A chunk formatted in memory and handed over whole.
                let memory = ByteSink(memoryFor: "chunk", expectedBytes: 16)
                try memory.bytes(piece)
                try sink.block(memory.takeBytes())
            case 2:
                for b in piece.prefix(5_000) { try sink.byte(b) }
                try piece.dropFirst(5_000).withUnsafeBufferPointer { try sink.bytes($0) }
            default:
                try sink.ascii("x=")
                try sink.fill(upTo: 20) { p in
                    let digits = Array(String(n).utf8)
                    for (k, d) in digits.enumerated() { p[k] = d }
                    return digits.count
                }
                try piece.withUnsafeBufferPointer { try sink.bytes($0) }
                expected += Array("x=\(n)".utf8)
            }
            expected += piece
        }
        return expected
    }

    func testTheFileHoldsExactlyTheBytesAppended() throws {
        for (k, folder) in [f.folder, "/dev/shm"].enumerated() where FileManager.default.isWritableFile(atPath: folder) {
            let path = folder + "/bereik-bytesink-\(getpid())-\(k).bin"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let sink = try ByteSink(path: path)
            let expected = try appendMix(to: sink, seed: UInt64(7 + k))
            try sink.close()
            XCTAssertEqual(sink.bytesWritten, expected.count, folder)
            let written = try fileBytes(path)
            XCTAssertEqual(written.count, expected.count, folder)
            XCTAssertTrue(written == expected, "the file in \(folder) differs from the bytes appended")
        }
    }

    func testShortFilesAndEmptyFiles() throws {
        for n in [0, 1, ByteSink.directBlock - 1, ByteSink.directBlock, ByteSink.directBlock + 1] {
            let path = f.folder + "/short-\(n).bin"
            let sink = try ByteSink(path: path)
            let bytes = (0..<n).map { UInt8($0 % 251) }
            try sink.bytes(bytes)
            try sink.close()
            XCTAssertEqual(try fileBytes(path), bytes, "\(n) bytes")
        }
    }
}
