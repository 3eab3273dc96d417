import XCTest
import Geo
@testable import Access

/// A scenario change given twice counts once and is said.
final class RepeatedChangeTests: XCTestCase {
    func testAChangeGivenTwiceCountsOnceAndIsSaid() {
        let at = Coordinate(x: 0, y: 0)
        let list = [Practice(id: "A", name: "Een", location: at, status: .open), Practice(id: "B", name: "Twee", location: at, status: .open)]
        let (kept, warnings) = PracticeChange.once([.close(id: "A"), .setFTE(id: "B", fte: 1), .close(id: "A"), .close(id: "A")],
                                                   practices: list, source: "--close")
        XCTAssertEqual(kept, [.close(id: "A"), .setFTE(id: "B", fte: 1)])
        XCTAssertEqual(warnings, ["--close: the change 'closes Een (A)' is given 3 times; it counts once (did you mean another practice?)."])
        XCTAssertTrue(PracticeChange.once([.close(id: "A"), .close(id: "B")], practices: list, source: "x").1.isEmpty)
    }
}
