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

    /// Closing a practice that is already closed, or setting the FTE it
    /// already has, changes nothing: said, so that "0 inhabitants affected"
    /// is not read as "closing it affects nobody".
    func testAChangeThatChangesNothingIsSaid() throws {
        let at = Coordinate(x: 0, y: 0)
        var shut = Practice(id: "A", name: "Een", location: at, status: .closed)
        shut.gpFTE = 1.5
        let list = [shut, Practice(id: "B", name: "Twee", location: at, status: .open), Practice(id: "C", name: "Drie", location: at, status: .open)]
        let changes: [PracticeChange] = [.close(id: "A"), .setFTE(id: "A", fte: 1.5), .setFTE(id: "B", fte: 2), .close(id: "C")]
        let after = try ScenarioApplier.apply(changes, to: list, parameters: AnalysisParameters())
        XCTAssertEqual(PracticeChange.unchanged(changes, before: list, after: after, source: "--close"), [
            "--close: the change 'closes Een (A)' changes nothing: the practice list already says it is closed, so the scenario shows no effect of it.",
            "--close: the change 'sets the GP FTE of Een (A) to 1.5' changes nothing: the practice list already says it has 1.5 GP FTE, so the scenario shows no effect of it.",
        ])
    }
}
