import Foundation
@testable import Geo
import XCTest

/// `FileDigest` (OpenSSL's SHA-256) against the published FIPS 180-2
/// examples and `sha256sum`.
final class FileDigestTests: FolderTestCase {
    override class var folderPrefix: String { "bereik-digest" }

    func testKnownVectors() {
        XCTAssertEqual(FileDigest.sha256(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(FileDigest.sha256(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(FileDigest.sha256(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Fed in pieces that split blocks anywhere, the digest is that of the
    /// whole (the 1,000,000 × 'a' vector of FIPS 180-2).
    func testUnevenPiecesEqualTheWhole() throws {
        let whole = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        for piece in [7, 63, 65, 1_000, 65_537] {
            let hasher = try XCTUnwrap(SHA256Hasher())
            var start = 0
            while start < whole.count {
                let end = min(whole.count, start + piece)
                hasher.update(whole.subdata(in: start..<end))
                start = end
            }
            XCTAssertEqual(hasher.finalize(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "pieces of \(piece)")
            XCTAssertNil(hasher.finalize(), "a finished hasher gives no second digest")
        }
    }

    /// A file larger than the 4 MiB read buffer, not a multiple of it.
    func testFileMatchesSha256sum() throws {
        let path = folder + "/blob.txt"
        try Data(String(repeating: "bereik huisarts ", count: 400_000).utf8 + [0x0a]).write(to: URL(fileURLWithPath: path))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        guard (try? p.run()) != nil else { throw XCTSkip("sha256sum not available") }
        p.waitUntilExit()
        let expected = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8)!.split(separator: " ")[0]
        XCTAssertEqual(FileDigest.sha256(ofFile: path), String(expected))
    }

    func testNoDigestForWhatIsNotARegularFile() {
        XCTAssertNil(FileDigest.sha256(ofFile: folder), "a folder")
        XCTAssertNil(FileDigest.sha256(ofFile: folder + "/missing.gpkg"), "a missing file")
        XCTAssertNil(FileDigest.sha256(ofFile: "PG:dbname=bereik"), "a connection string")
        // A named pipe without a writer: refused at once, not waited on.
        let fifo = folder + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertNil(FileDigest.sha256(ofFile: fifo), "a named pipe")
    }
}
