import XCTest
import Geo
@testable import Access

final class ValueParsingTests: XCTestCase {
    func testNumbersInDutchAndEnglishNotation() {
        let cases: [(FieldValue, Double?)] = [
            (.string("1234"), 1234), (.string(" 12.5 "), 12.5), (.string("12,5"), 12.5),
            (.string("1.234,5"), 1234.5), (.string("1,234.5"), 1234.5), (.integer(7), 7), (.real(2.25), 2.25),
            (.string(""), nil), (.string("veel"), nil), (.null, nil), (.string("nan"), nil), (.real(.infinity), nil),
            // What Double(_:) reads but no planner means as a number.
            (.string("0x10"), nil), (.string("0x1p3"), nil), (.string("inf"), nil), (.string("-infinity"), nil),
            (.string("1e3"), 1000), (.string("+2.5"), 2.5), (.string("-0,75"), -0.75),
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

    /// Whole phrases as practice lists write them: "geen patiëntenstop" (no
    /// stop) is open, though it holds the word for a stop; "patiëntenstop
    /// opgeheven" (the stop lifted) too.
    func testPatientStopPhrases() {
        let cases: [(String, PracticeStatus?)] = [
            ("geen patiëntenstop", .open), ("Geen patientenstop", .open), ("patiëntenstop opgeheven", .open),
            ("volledige patiëntenstop", .closed), ("gesloten voor nieuwe patiënten", .closed),
            ("patiëntenstop", .closed), ("gedeeltelijke patiëntenstop", .partial), ("wachtlijst", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ValueParsing.status(.string(text), fieldMeansStop: false), expected, text)
        }
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
}
