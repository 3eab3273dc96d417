import XCTest
@testable import Access

/// `PostcodeSet.parse`: the postcode lists practices write, and every
/// malformed example of issue 13 as a named error.
final class PostcodeListTests: XCTestCase {
    func pc(_ s: String) -> Postcode { Postcode(text: s)! }

    func testRangesAndCodesWithEverySeparator() throws {
        let a = try PostcodeSet.parse("9401-9405; 9411")
        XCTAssertEqual(a.pc4Ranges, [9401...9405, 9411...9411])
        XCTAssertEqual(a.pc6, [])
        // The same list with an en dash, spaces around the dash, commas, pipes and plain spaces.
        for text in ["9401–9405, 9411", "9401 - 9405 | 9411", "9411 9401-9405", " 9401 -9405;;9411 ", "9411\t9401 – 9405"] {
            XCTAssertEqual(try PostcodeSet.parse(text), a, text)
        }
    }

    func testPC6WithAndWithoutSpace() throws {
        let s = try PostcodeSet.parse("9401, 9402 AB; 9403cd|9404 ef 9405")
        XCTAssertEqual(s.pc4Ranges, [9401...9401, 9405...9405])
        XCTAssertEqual(s.pc6, [pc("9402AB"), pc("9403CD"), pc("9404EF")])
        XCTAssertEqual(s.text, "9401; 9405; 9402AB; 9403CD; 9404EF")
    }

    func testOverlappingAndAdjacentRangesAreMerged() throws {
        let s = try PostcodeSet.parse("9403-9410; 9401-9405; 9411; 9420-9425; 9422")
        XCTAssertEqual(s.pc4Ranges, [9401...9411, 9420...9425])
        // A PC6 inside a listed PC4 area adds nothing and is dropped.
        XCTAssertEqual(try PostcodeSet.parse("9401-9403, 9402AB, 9404AB").pc6, [pc("9404AB")])
        // Merging changes no membership: brute force over every PC4 of the span.
        let parts: [ClosedRange<Int>] = [9403...9410, 9401...9405, 9411...9411, 9420...9425, 9422...9422]
        for n in 9390...9430 {
            XCTAssertEqual(s.contains(Postcode(pc4: n)!), parts.contains { $0.contains(n) }, "\(n)")
        }
    }

    func testPC6RangeInsideOnePC4() throws {
        let s = try PostcodeSet.parse("9401AA-9401AC")
        XCTAssertEqual(s.pc6, [pc("9401AA"), pc("9401AB"), pc("9401AC")])
        XCTAssertEqual(try PostcodeSet.parse("9401AY-9401BA").pc6.count, 3, "AY, AZ, BA")
    }

    func testMalformedListsAreNamedErrors() {
        let cases: [(String, String, String)] = [
            ("9405-9401", "9405-9401", "backwards"),
            ("94O1", "94O1", "letter among the digits"),
            ("12345", "12345", "four digits"),
            ("9401-", "9401-", "after the dash"),
            ("-9405", "-9405", "before the dash"),
            ("9401-;9405", "9401-", "after the dash"),
            ("0123", "0123", "between 1000 and 9999"),
            ("9401A", "9401A", "two letters"),
            ("9401ABC", "9401ABC", "two letters"),
            ("9401-9405AB", "9401-9405AB", "two PC4 or two PC6"),
            ("9401AA-9402AA", "9401AA-9402AA", "one PC4 area"),
            ("9401AC-9401AA", "9401AC-9401AA", "backwards"),
            ("9401-9403-9405", "9401-9403-", "two postcodes only"),
            ("9401 / 9402", "/", "separators"),
            ("", "", "no postcode"),
            (" ; , ", " ; , ", "no postcode"),
            ("AB", "AB", "four-digit postcode"),
        ]
        for (text, piece, problem) in cases {
            XCTAssertThrowsError(try PostcodeSet.parse(text), text) { e in
                guard let e = e as? PostcodeListError else { return XCTFail("\(text): \(e)") }
                XCTAssertEqual(e.piece, piece, text)
                XCTAssertTrue(e.problem.contains(problem), "\(text): '\(e.problem)' lacks '\(problem)'")
                XCTAssertTrue(e.expected.contains("9401-9405; 9411"), "the expectation shows an example")
            }
        }
    }

    func testPC4PointIsInsideOnlyThroughAPC4Range() throws {
        let s = try PostcodeSet.parse("9401-9402; 9403AB")
        XCTAssertTrue(s.contains(pc("9401")))
        XCTAssertTrue(s.contains(pc("9402ZZ")), "any PC6 of a listed PC4 area")
        XCTAssertTrue(s.contains(pc("9403AB")))
        XCTAssertFalse(s.contains(pc("9403AC")))
        XCTAssertFalse(s.contains(pc("9403")), "a point known only by its PC4 is not inside through one PC6 of it")
        XCTAssertFalse(s.contains(pc("9404")))
    }
}
