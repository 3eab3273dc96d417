import Foundation
import XCTest
import Geo
@testable import Access
@testable import BereikBench

/// The generated national case at a tiny scale: the files hold what the
/// size says, and a second prepare reuses them.
final class NationalCaseTests: XCTestCase {
    func testTinyCaseHasTheStatedCounts() throws {
        let folder = NSTemporaryDirectory() + "national-case-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let size = NationalCase.Size(scale: 0.0001)
        XCTAssertTrue(try NationalCase.prepare(size, in: folder))
        func count(_ file: String) throws -> Int? { try VectorSource(path: folder + "/" + file).layer().featureCountIfFast }
        XCTAssertEqual(try count(NationalCase.populationFile), size.points)
        XCTAssertEqual(try count(NationalCase.practicesFile), size.practices)
        XCTAssertEqual(try count(NationalCase.regionsFile), 355)
        XCTAssertGreaterThan(try count(NationalCase.roadsFile) ?? 0, size.roadNodes / 3)
        XCTAssertFalse(try NationalCase.prepare(size, in: folder), "the same size is not generated twice")
    }
}
