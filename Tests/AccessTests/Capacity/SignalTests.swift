import XCTest
import Geo
@testable import Access

final class SignalTests: XCTestCase {
    func testContradictoryThresholdsAreAnError() throws {
        let fx = try Fixtures()
        // For fca_per_10k lower is worse: red 5 above amber 3 contradicts.
        let path = try fx.write("signal.json", #"{"fca_per_10k": {"amber": 3, "red": 5}}"#)
        XCTAssertThrowsError(try SignalConfig.load(path: path)) { e in
            XCTAssertTrue("\(e)".contains("fca_per_10k") && "\(e)".contains("red"), "\(e)")
        }
        let share = try fx.write("share.json", #"{"access_share": {"amber": 1.5, "red": 0.9}}"#)
        XCTAssertThrowsError(try SignalConfig.load(path: share))
        let unknown = try fx.write("unknown.json", #"{"distance": {"amber": 1, "red": 2}}"#)
        XCTAssertThrowsError(try SignalConfig.load(path: unknown)) { XCTAssertTrue("\($0)".contains("unknown indicator")) }
        let ok = try fx.write("ok.json", #"{"mean_distance_km": {"amber": 1.5, "red": 2.5}, "outflow_share": {"enabled": false}}"#)
        let c = try SignalConfig.load(path: ok)
        XCTAssertEqual(c.threshold(.meanDistanceKm), .init(amber: 1.5, red: 2.5))
        XCTAssertFalse(c.threshold(.outflowShare).enabled)
        XCTAssertEqual(c.threshold(.fcaPer10k), SignalIndicator.fcaPer10k.defaultThreshold)
    }

    /// On Linux JSONSerialization hands 0 and 1 back as an NSNumber that also
    /// reads as a Bool; thresholds of exactly 0 and 1 are numbers all the same.
    func testThresholdsOfZeroAndOneAreNumbersAndBooleansAreNot() throws {
        let fx = try Fixtures()
        let edges = try fx.write("edges.json", #"{"access_share": {"amber": 1, "red": 0}, "outflow_share": {"amber": 0, "red": 1.0}, "unregistered_per_1000": {"amber": 0, "red": 1, "enabled": true}}"#)
        let c = try SignalConfig.load(path: edges)
        XCTAssertEqual(c.threshold(.accessShare), .init(amber: 1, red: 0))
        XCTAssertEqual(c.threshold(.outflowShare), .init(amber: 0, red: 1))
        XCTAssertEqual(c.threshold(.unregisteredPer1000), .init(amber: 0, red: 1))
        let boolean = try fx.write("bool.json", #"{"outflow_share": {"amber": true, "red": 1}}"#)
        XCTAssertThrowsError(try SignalConfig.load(path: boolean)) { e in
            XCTAssertTrue("\(e)".contains("'outflow_share.amber' must be a number, found true"), "\(e)")
        }
        let enabledNumber = try fx.write("enabled.json", #"{"outflow_share": {"enabled": 1}}"#)
        XCTAssertThrowsError(try SignalConfig.load(path: enabledNumber)) { e in
            XCTAssertTrue("\(e)".contains("'outflow_share.enabled' must be true or false, found 1"), "\(e)")
        }
        let notObject = try fx.write("list.json", #"[1, 2]"#)
        XCTAssertThrowsError(try SignalConfig.load(path: notObject)) { e in
            XCTAssertTrue("\(e)".contains("is not a JSON object of indicators"), "\(e)")
        }
        let broken = try fx.write("broken.json", #"{"outflow_share": {"amber": 0.2,"#)
        XCTAssertThrowsError(try SignalConfig.load(path: broken)) { e in
            XCTAssertTrue("\(e)".contains("is not valid JSON") && !"\(e)".contains("NSCocoaErrorDomain"), "\(e)")
        }
    }

    func testLightsRankAndReasons() {
        var p = AnalysisParameters()
        p.fca.method = .twoStep
        func region(_ i: Int, inhabitants: Double, share: Double, fca: Double) -> RegionAccess {
            var r = RegionAccess(regionIndex: i)
            r.inhabitants = inhabitants
            r.meanOpenM = 1_000
            r.capacity.accessShare = share
            r.capacity.fcaPer10k = fca
            r.capacity.suppressed = inhabitants < p.minInhabitants
            return r
        }
        // Region 0: share 0.71 < red 0.90 → red, urgency (0.95 − 0.71)/(0.05) = 4.8; fca 4 green.
        // Region 1: share 0.93 → amber, urgency (0.95 − 0.93)/0.05 = 0.4; fca 3 amber, (3.5 − 3)/1 = 0.5 → 0.9.
        // Region 2: all green. Region 3: 20 inhabitants, suppressed: no light, no rank.
        var regions = [region(0, inhabitants: 1000, share: 0.71, fca: 4), region(1, inhabitants: 1000, share: 0.93, fca: 3),
                       region(2, inhabitants: 1000, share: 1, fca: 9), region(3, inhabitants: 20, share: 0, fca: 0)]
        Signalling.evaluate(&regions, parameters: p, byRoad: true)
        XCTAssertEqual(regions[0].capacity.signal?.light, .red)
        XCTAssertEqual(regions[0].capacity.signal!.urgency, 4.8, accuracy: 1e-9)
        XCTAssertEqual(regions[1].capacity.signal?.lights[.fcaPer10k], .amber)
        XCTAssertEqual(regions[1].capacity.signal!.urgency, 0.9, accuracy: 1e-9)
        XCTAssertEqual(regions.map { $0.capacity.signal?.rank }, [1, 2, 3, nil])
        XCTAssertEqual(regions[2].capacity.signal?.light, .green)
        XCTAssertEqual(regions[0].capacity.signal?.reasons.first,
                       "red: 29 % of inhabitants live more than 5.0 km by road from a practice that accepts new patients; 71 % within, threshold 90 %")
    }

    func testFTEDefaultAndRetirementRule() {
        let at = Coordinate(x: 0, y: 0)
        XCTAssertEqual(FTEDefault.value([Practice(id: "a", name: "a", location: at, status: .open, gpFTE: 1),
                                         Practice(id: "b", name: "b", location: at, status: .open, gpFTE: 3),
                                         Practice(id: "c", name: "c", location: at, status: .open)]), 2)
        XCTAssertEqual(FTEDefault.value([Practice(id: "c", name: "c", location: at, status: .open)]), 1)
        // Age 63 in 2025 → retires 2030 = within 5 years; age 62 → 2031, not.
        XCTAssertEqual(RetirementRule.year(age: 63, birthYear: nil, retirementYear: nil, now: 2025), 2030)
        XCTAssertTrue(RetirementRule.leavesSoon(2030, referenceYear: 2025))
        XCTAssertFalse(RetirementRule.leavesSoon(RetirementRule.year(age: 62, birthYear: nil, retirementYear: nil, now: 2025), referenceYear: 2025))
        XCTAssertEqual(RetirementRule.year(age: nil, birthYear: 1960, retirementYear: nil), 2028)
    }
}
