import XCTest
import Geo
@testable import Access

/// Numbers by column: the format of a text column comes from all its values.
final class NumberFormatTests: XCTestCase {
    func decide(_ values: [String], kind: NumberKind = .measure, option: DecimalSeparator? = nil) throws -> DecimalSeparator {
        var e = NumberEvidence(field: "col", kind: kind)
        values.forEach { e.add($0) }
        return try e.decide(path: "t.csv", option: option).0
    }

    func testShapesOfSingleValues() {
        let cases: [(String, NumberShape)] = [
            ("1234", .plain), ("-99997", .plain), ("1e19", .plain), ("0,5", .commaDecimal), ("1.234,5", .commaDecimal),
            ("1.234.567", .commaDecimal), ("0.5", .pointDecimal), ("1,234.5", .pointDecimal), ("1,234,567", .pointDecimal),
            ("9.115", .ambiguousDot), ("12.340", .ambiguousDot), ("1,234", .ambiguousComma), ("0.125", .pointDecimal),
            ("1234.567", .pointDecimal), ("veel", .invalid), ("1.2.3", .invalid), ("", .invalid), ("1.234,5.6", .invalid),
            ("nan", .invalid), ("inf", .invalid),
        ]
        for (text, shape) in cases { XCTAssertEqual(NumberShape.of(text), shape, text) }
    }

    func testValuesInEachFormat() {
        XCTAssertEqual(NumberText("1.234,5")?.value(decimal: .comma), 1234.5)
        XCTAssertEqual(NumberText("9.115")?.value(decimal: .comma), 9115)
        XCTAssertEqual(NumberText("9.115")?.value(decimal: .point), 9.115)
        XCTAssertEqual(NumberText("1,234.5")?.value(decimal: .point), 1234.5)
        XCTAssertEqual(NumberText(" -6,25 ")?.value(decimal: .comma), -6.25)
        XCTAssertEqual(NumberText("1 234")?.value(decimal: .comma), 1234)
        XCTAssertNil(NumberText("12.5")?.value(decimal: .comma), "a dot that is not a thousands separator does not fit the comma format")
        XCTAssertNil(NumberText("1e400")?.value(decimal: .point), "not finite")
        XCTAssertEqual(NumberText("9.3e18")?.value(decimal: .point), 9.3e18)
    }

    func testCountColumnWithThreeDigitsAfterEveryDotMeansThousands() throws {
        XCTAssertEqual(try decide(["360", "9.115", "12.340", "1.234.567"], kind: .count), .comma)
        XCTAssertEqual(try decide(["360", "9.115", "12.340"], kind: .count), .comma)
        XCTAssertEqual(try decide(["2,970", "360"], kind: .count), .point, "commas with three digits in a count column are thousands")
    }

    func testDecisiveValuesSettleTheColumn() throws {
        XCTAssertEqual(try decide(["9.115", "0,5"]), .comma)
        XCTAssertEqual(try decide(["9.115", "0.5"]), .point)
        XCTAssertEqual(try decide(["1.234,5", "7"]), .comma)
        XCTAssertEqual(try decide(["12", "7"]), .point, "whole numbers read the same either way")
    }

    func testAmbiguousColumnNamesTwoExamplesAndTheOption() {
        XCTAssertThrowsError(try decide(["9.115", "12.340", "52.123"])) { e in
            let s = "\(e)"
            for part in ["t.csv", "'col'", "'9.115'", "'12.340'", "--decimal-separator comma", "--decimal-separator point"] {
                XCTAssertTrue(s.contains(part), "\(part) missing in \(s)")
            }
        }
        XCTAssertEqual(try decide(["9.115", "12.340"], option: .comma), .comma, "the option settles it")
    }

    func testContradictoryColumnIsAnError() {
        XCTAssertThrowsError(try decide(["0,5", "0.5"])) { e in
            XCTAssertTrue("\(e)".contains("contradict") && "\(e)".contains("'0,5'") && "\(e)".contains("'0.5'"), "\(e)")
        }
        XCTAssertThrowsError(try decide(["1.234,5", "1,234.5"], kind: .count))
        XCTAssertThrowsError(try decide(["9.115", "1,234"], kind: .count), "thousands dots and thousands commas in one count column")
    }
}
