import XCTest
@testable import Access

/// `TextMemo` gives the function's own answer, computes each kept value
/// once, and keeps no more than its limit.
final class TextMemoTests: XCTestCase {
    func testAnswersAsTheFunctionAndKeepsAtMostTheLimit() {
        var calls: [String] = []
        var memo = TextMemo(limit: 2) { (text: String) -> RoadDirection in calls.append(text); return LineRoadReader.direction(text) }
        let texts = [" yes", "T", " yes", "no", "T", "no", " yes"]
        for t in texts { XCTAssertEqual(memo.value(t), LineRoadReader.direction(t), t) }
        XCTAssertEqual(LineRoadReader.direction(" yes"), .forward, "checked by hand")
        XCTAssertEqual(LineRoadReader.direction("T"), .backward)
        // " yes" and "T" are kept (the limit); "no" is computed each time.
        XCTAssertEqual(calls, [" yes", "T", "no", "no"])
    }
}
