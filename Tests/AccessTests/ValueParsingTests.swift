import XCTest
import Geo
@testable import Access

final class ValueParsingTests: XCTestCase {
    func testNumbersInDutchAndEnglishNotation() {
        let cases: [(FieldValue, Double?)] = [
            (.string("1234"), 1234), (.string(" 12.5 "), 12.5), (.string("12,5"), 12.5),
            (.string("1.234,5"), 1234.5), (.string("1,234.5"), 1234.5), (.integer(7), 7), (.real(2.25), 2.25),
            (.string(""), nil), (.string("veel"), nil), (.null, nil), (.string("nan"), nil), (.real(.infinity), nil),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(ValueParsing.number(input), expected, "\(input)")
        }
    }

    func testStatusWords() {
        let cases: [(String, PracticeStatus?)] = [
            ("open", .open), ("Ja", .open), ("yes", .open), ("TRUE", .open), ("1", .open),
            ("nee", .closed), ("no", .closed), ("false", .closed), ("0", .closed), ("stop", .closed),
            ("volledig", .closed), ("closed", .closed), ("partial", .partial), ("Gedeeltelijk", .partial),
            ("beperkt", .partial), ("", .unknown), ("onbekend", .unknown), ("misschien", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ValueParsing.status(.string(text), fieldMeansStop: false), expected, text)
        }
        XCTAssertEqual(ValueParsing.status(.null, fieldMeansStop: false), .unknown)
    }

    func testStopFieldInvertsYesNo() {
        XCTAssertTrue(ValueParsing.fieldMeansStop("patiëntenstop"))
        XCTAssertFalse(ValueParsing.fieldMeansStop("accepting_new_patients"))
        XCTAssertEqual(ValueParsing.status(.string("ja"), fieldMeansStop: true), .closed)
        XCTAssertEqual(ValueParsing.status(.string("nee"), fieldMeansStop: true), .open)
        XCTAssertEqual(ValueParsing.status(.string("gedeeltelijk"), fieldMeansStop: true), .partial)
    }

    func testCRSDetection() {
        XCTAssertEqual(CRSDetection.guess([Coordinate(x: 233_000, y: 557_000)]), .rdNew)
        XCTAssertEqual(CRSDetection.guess([Coordinate(x: 6.56, y: 52.99)]), .wgs84)
        XCTAssertEqual(CRSDetection.guess([Coordinate(x: 52.99, y: 6.56)]), .swappedWGS84)
        if case .unknown = CRSDetection.guess([Coordinate(x: 500_000, y: 5_800_000)]) {} else { XCTFail("UTM must not pass as RD") }
    }

    func testSHA256KnownVectors() {
        // FIPS 180-2 examples.
        XCTAssertEqual(FileDigest.sha256(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(FileDigest.sha256(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(FileDigest.sha256(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Fed in pieces that split blocks anywhere, the digest is that of the whole
    /// (the 1,000,000 × 'a' vector of FIPS 180-2).
    func testSHA256InUnevenPiecesEqualsTheWhole() {
        let whole = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        for piece in [7, 63, 65, 1_000, 65_537] {
            var hasher = SHA256()
            var start = 0
            while start < whole.count {
                let end = min(whole.count, start + piece)
                hasher.update(whole.subdata(in: start..<end))
                start = end
            }
            XCTAssertEqual(hasher.finalize(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "pieces of \(piece)")
        }
    }

    func testSHA256OfFileMatchesSha256sum() throws {
        let f = try Fixtures()
        let path = try f.write("blob.txt", String(repeating: "bereik huisarts ", count: 100_000))
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
}
