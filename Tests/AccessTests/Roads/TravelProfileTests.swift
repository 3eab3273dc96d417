import XCTest
import Access

final class TravelProfileTests: XCTestCase {
    func testMaxSpeedParsing() {
        let table: [(String, Double?)] = [
            ("50", 50), (" 80 ", 80), ("50 km/h", 50), ("30 mph", 30 * 1.609344), ("20mph", 20 * 1.609344),
            ("NL:urban", 50), ("nl:rural", 80), ("NL:motorway", 130), ("NL:zone30", 30), ("NL:zone60", 60),
            ("none", .infinity), ("walk", 15), ("60;50", 60), ("signals", .infinity), ("variable", .infinity), ("", nil),
            ("-5", nil), ("0", nil), ("5000", nil), ("500 km/h", nil), ("0.5", nil), ("fast", nil), ("NL:zone999", nil), ("200", 200),
        ]
        for (text, expected) in table {
            let got = TravelProfile.parseMaxSpeed(text)
            if let expected {
                XCTAssertNotNil(got, text)
                if let got { XCTAssertEqual(got, expected, accuracy: 1e-9, text) }
            } else {
                XCTAssertNil(got, text)
            }
        }
    }

    func testMaxSpeedReadings() {
        let table: [(String, TravelProfile.MaxSpeedReading)] = [
            ("", .absent), ("  ", .absent), ("50", .kmh(50)), ("none", .noFixedLimit), ("signals", .noFixedLimit),
            ("variable;50", .noFixedLimit), ("5000", .notUsed), ("fast", .notUsed), ("-5", .notUsed), ("0", .notUsed),
            ("0.5", .notUsed), ("201", .notUsed), ("1", .kmh(1)),
        ]
        for (text, expected) in table { XCTAssertEqual(TravelProfile.readMaxSpeed(text), expected, "'\(text)'") }
    }

    func testSpeedFromMaxSpeed() {
        XCTAssertEqual(TravelProfile.car.speedKmh(highway: "residential", maxspeedKmh: nil), 30)
        XCTAssertEqual(TravelProfile.car.speedKmh(highway: "residential", maxspeedKmh: 50), 50)
        XCTAssertEqual(TravelProfile.car.speedKmh(highway: "motorway", maxspeedKmh: .infinity), 100)
        XCTAssertEqual(TravelProfile.bicycle.speedKmh(highway: "residential", maxspeedKmh: 50), 15)
        XCTAssertEqual(TravelProfile.foot.speedKmh(highway: "residential", maxspeedKmh: 3), 3)
    }

    func testAccessTags() {
        let car = TravelProfile.car, bike = TravelProfile.bicycle, foot = TravelProfile.foot
        XCTAssertTrue(car.allows(highway: "residential", tags: [:]))
        XCTAssertFalse(car.allows(highway: "cycleway", tags: [:]))
        XCTAssertFalse(car.allows(highway: "residential", tags: ["access": "private"]))
        XCTAssertFalse(car.allows(highway: "residential", tags: ["motor_vehicle": "no"]))
        XCTAssertFalse(car.allows(highway: "residential", tags: ["motorcar": "no"]))
        XCTAssertTrue(car.allows(highway: "residential", tags: ["access": "no", "motorcar": "yes"]))
        XCTAssertTrue(bike.allows(highway: "residential", tags: ["motor_vehicle": "no"]))
        XCTAssertFalse(bike.allows(highway: "tertiary", tags: ["bicycle": "no"]))
        XCTAssertTrue(bike.allows(highway: "footway", tags: ["bicycle": "designated"]))
        XCTAssertFalse(bike.allows(highway: "footway", tags: [:]) == false && false)
        XCTAssertFalse(bike.allows(highway: "motorway", tags: [:]))
        XCTAssertFalse(foot.allows(highway: "secondary", tags: ["motorroad": "yes"]))
        XCTAssertFalse(foot.allows(highway: "path", tags: ["foot": "no"]))
        XCTAssertTrue(foot.allows(highway: "cycleway", tags: [:]))
    }

    func testOneway() {
        XCTAssertEqual(TravelProfile.direction(mode: .car, highway: "residential", tags: ["oneway": "yes"]), .forward)
        XCTAssertEqual(TravelProfile.direction(mode: .car, highway: "residential", tags: ["oneway": "-1"]), .backward)
        XCTAssertEqual(TravelProfile.direction(mode: .car, highway: "motorway", tags: [:]), .forward)
        XCTAssertEqual(TravelProfile.direction(mode: .car, highway: "primary", tags: ["junction": "roundabout"]), .forward)
        XCTAssertEqual(TravelProfile.direction(mode: .bicycle, highway: "residential", tags: ["oneway": "yes"]), .forward)
        XCTAssertEqual(TravelProfile.direction(mode: .bicycle, highway: "residential", tags: ["oneway": "yes", "oneway:bicycle": "no"]), .both)
        XCTAssertEqual(TravelProfile.direction(mode: .foot, highway: "residential", tags: ["oneway": "yes"]), .both)

        let line = RoadLine.fromOSM(coordinates: [], highway: "residential", tags: ["oneway": "yes", "oneway:bicycle": "no"],
                                    profiles: [.car, .bicycle, .foot])!
        XCTAssertEqual(line.direction(for: .car), .forward)
        XCTAssertEqual(line.direction(for: .bicycle), .both)
        XCTAssertEqual(line.direction(for: .foot), .both)
        XCTAssertNil(RoadLine.fromOSM(coordinates: [], highway: "proposed", tags: [:], profiles: [.car, .bicycle, .foot]))
    }

    func testHstoreParsing() {
        let tags = OSMTags.parse(#""oneway"=>"yes","maxspeed"=>"50","name:x"=>"a \"b\" c""#)
        XCTAssertEqual(tags["oneway"], "yes")
        XCTAssertEqual(tags["maxspeed"], "50")
        XCTAssertEqual(tags["name:x"], #"a "b" c"#)
        XCTAssertEqual(OSMTags.parse(""), [:])
    }

    func testOverrides() throws {
        let text = """
        # slower streets
        car.residential = 20
        bicycle.track = no   # no tracks

        foot.* = 4
        car.track = 10
        """
        let ps = try TravelProfile.applyOverrides(text, to: [.car, .bicycle, .foot])
        XCTAssertEqual(ps[0].speedsKmh["residential"], 20)
        XCTAssertEqual(ps[0].speedsKmh["track"], 10)
        XCTAssertNil(ps[1].speedsKmh["track"])
        XCTAssertEqual(ps[2].speedsKmh["steps"], 4)
        XCTAssertEqual(ps[2].speedsKmh["residential"], 4)
    }

    func testOverrideErrorsNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("car.residential = 30\nbus.residential = 30", 2, "unknown mode 'bus'"),
            ("\n\ncar.residential 30", 3, "expected 'mode.class = km/h'"),
            ("car = 30", 1, "must be 'mode.class'"),
            ("car.residential = fast", 1, "not a speed"),
            ("car.residential = -4", 1, "not a speed"),
            ("car.resi-dential = 4", 1, "is not a road class"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try TravelProfile.applyOverrides(text, to: [.car, .bicycle, .foot])) { error in
                guard let e = error as? ProfileError else { return XCTFail("wrong error \(error)") }
                XCTAssertEqual(e.line, line, text)
                XCTAssertTrue(e.description.contains(fragment), "\(e.description) lacks \(fragment)")
                XCTAssertTrue(e.description.contains("line \(line)"), e.description)
            }
        }
    }
}
