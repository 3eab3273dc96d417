import XCTest
import Geo
@testable import Access
import BereikBench

/// Scenario, housing-site and planning answers on fixtures worked out by hand
/// (straight line, flag distance 5 km, norm 2,095 patients per FTE).
final class DecisionsTests: XCTestCase {
    /// Practices on a line y = 500000: A x=100000 (1 FTE, list 2000 → room 95),
    /// B x=104000, C x=112000 (1 FTE, list 1000 → room 1095).
    func practiceFile(_ f: Fixtures) throws -> String {
        try f.rdPoints("gp.geojson", [
            (100_000, 500_000, ["id": "A", "status": "open", "gp_fte": 1, "list_size": 2000]),
            (104_000, 500_000, ["id": "B", "status": "open", "gp_fte": 1, "list_size": 2000]),
            (112_000, 500_000, ["id": "C", "status": "open", "gp_fte": 1, "list_size": 1000]),
        ])
    }

    /// Closing B: p1 (104500; 100 inh) goes from B at 500 m to A at 4500 m —
    /// pushed beyond 1 and 3 km, not 5; p2 (107500; 300 inh) from B at 3500 m
    /// to C at 4500 m — crosses no band; p3 (100200; 50 inh) keeps A at 200 m.
    /// Displaced 400; A receives 100 with room for 95 → short 5; C receives
    /// 300 with room for 1095. Mean 1,110,000/450 = 2466.7 m → 1,810,000/450 = 4022.2 m.
    func testClosingAPracticeHandChecked() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [
            (104_500, 500_000, ["id": "p1", "inwoners": 100]),
            (107_500, 500_000, ["id": "p2", "inwoners": 300]),
            (100_200, 500_000, ["id": "p3", "inwoners": 50]),
        ])
        let job = AnalyzeJob(populationPath: pop, practicesPath: try practiceFile(f), regionsPath: nil, outputFolder: f.folder + "/out")
        let o = try ScenarioJob(job: job, changes: [.close(id: "B")]).run()
        let c = o.comparison
        XCTAssertEqual(c.displacedInhabitants, 400)
        XCTAssertEqual(c.regions[0].pushedBeyond, [100, 100, 0])
        XCTAssertEqual(c.regions[0].broughtWithin, [0, 0, 0])
        XCTAssertEqual(c.meanBeforeM!, 1_110_000.0 / 450, accuracy: 1e-6)
        XCTAssertEqual(c.meanAfterM!, 1_810_000.0 / 450, accuracy: 1e-6)
        XCTAssertEqual(c.receiving.map(\.received), [300, 100])
        XCTAssertEqual(c.receiving.map { $0.shortfall! }, [0, 5])
        XCTAssertEqual(c.totalShortfall, 5)
        XCTAssertEqual(c.deltaM[0]!, 4_000, accuracy: 1e-6)
        XCTAssertTrue(o.summary.contains("closes B"), o.summary)
        for file in ["changes.csv", "receiving_practices.csv", "point_changes.csv", "scenario.md", "practices.geojson"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: f.folder + "/out/" + file), file)
        }
        let changes = try String(contentsOfFile: f.folder + "/out/changes.csv", encoding: .utf8)
        XCTAssertTrue(changes.contains("pushed_beyond_3km"), changes)
        XCTAssertTrue(changes.contains("all,Study area,straight line,450,2466.7,4022.2,1555.6"), changes)
    }

    func testAddingAPracticeFromAChangesFile() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(120_000, 500_000, ["id": "far", "inwoners": 80])])
        let changes = try f.write("changes.csv", "action,practice_id,value,name,x,y,fte\nadd,N1,,Nieuw,119000,500000,1.5\nfte,C,2,,,,\n")
        let list = try ChangeFileReader.read(path: changes, crs: "EPSG:28992").changes
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list[1], .setFTE(id: "C", fte: 2))
        let job = AnalyzeJob(populationPath: pop, practicesPath: try practiceFile(f), regionsPath: nil, outputFolder: f.folder + "/out")
        let o = try ScenarioJob(job: job, changes: list).run()
        // 'far' went from C at 8000 m to N1 at 1000 m: brought within 1, 3 and 5 km.
        XCTAssertEqual(o.comparison.regions[0].broughtWithin, [80, 80, 80])
        XCTAssertEqual(o.comparison.receiving.count, 1)
        XCTAssertEqual(o.comparison.receiving[0].headroom!, 1.5 * 2_095, accuracy: 1e-6, "a new practice has no list yet")
    }

    func testUnknownPracticeNamesClosestIDs() throws {
        let practices = ["P001", "P010", "P100", "Q999"].map { Practice(id: $0, name: $0, location: Coordinate(x: 0, y: 0), status: .open) }
        XCTAssertThrowsError(try ScenarioApplier.apply([.close(id: "P01")], to: practices, parameters: AnalysisParameters())) { e in
            guard case ScenarioError.unknownPractice(let id, _, let closest) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(id, "P01")
            XCTAssertEqual(Array(closest.prefix(2)), ["P001", "P010"], "one edit away")
            XCTAssertTrue("\(e)".contains("Closest ids: P001, P010"), "\(e)")
        }
    }

    func testScenarioLeavingNoOpenPracticeIsAnError() throws {
        let practices = [Practice(id: "A", name: "A", location: Coordinate(x: 0, y: 0), status: .open),
                         Practice(id: "B", name: "B", location: Coordinate(x: 1, y: 0), status: .partial)]
        XCTAssertThrowsError(try ScenarioApplier.apply([.close(id: "A")], to: practices, parameters: AnalysisParameters())) { e in
            XCTAssertTrue("\(e)".contains("leaves no practice open"), "\(e)")
            XCTAssertTrue("\(e)".contains("closes A"), "\(e)")
        }
    }

    /// Practices A (100000, 500000; room 95) and D (106000, 500000; 2 FTE,
    /// list 1000 → room 3190). Sites (2.1 persons per home):
    /// S1 at 500 m from A, 40 homes → 84 ≤ 95: served by A.
    /// S2 at x=103500, 100 homes → 210: A 3500, D 2500: served by D.
    /// S3 at x=99000, 100 homes → 210: only A within 5 km (D 7 km), room 95: strained.
    /// S4 at x=80000: A 20 km away: not served.
    /// S5 a 2 km square around A, 10 homes: every point within 5 km: served, judged from ≥ 9 points.
    func testSiteVerdictsHandChecked() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [(100_100, 500_000, ["id": "x", "inwoners": 10])])
        let gp = try f.rdPoints("gp.geojson", [
            (100_000, 500_000, ["id": "A", "status": "open", "gp_fte": 1, "list_size": 2000]),
            (106_000, 500_000, ["id": "D", "status": "open", "gp_fte": 2, "list_size": 1000]),
        ])
        let points = try f.rdPoints("points.geojson", [
            (100_500, 500_000, ["id": "S1", "woningen": 40]), (103_500, 500_000, ["id": "S2", "woningen": 100]),
            (99_000, 500_000, ["id": "S3", "woningen": 100]), (80_000, 500_000, ["id": "S4", "woningen": 10]),
        ])
        let job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
        let o = try SitesJob(job: job, sitesPath: points).run()
        XCTAssertEqual(o.checks.map(\.verdict), [.served, .served, .strained, .notServed])
        XCTAssertEqual(o.checks.map { $0.serving.map { o.practices[$0.practice].id } }, ["A", "D", "A", nil])
        XCTAssertEqual(o.checks[0].newResidents, 84, accuracy: 1e-9)
        XCTAssertEqual(o.checks[1].distanceM!, 2_500, accuracy: 1e-6)
        XCTAssertEqual(o.checks[2].serving!.headroom.places!, 95, accuracy: 1e-6)
        XCTAssertEqual(o.checks[3].distanceM!, 20_000, accuracy: 1e-6)
        XCTAssertTrue(o.report.contains("## S3 — strained"), o.report)

        let polygon = try f.rdPolygons("poly.geojson", [(Fixtures.square(99_000, 499_000, 2_000), ["id": "S5", "homes": 10])])
        let p = try SitesJob(job: job, sitesPath: polygon).run()
        XCTAssertEqual(p.checks[0].verdict, .served)
        XCTAssertGreaterThanOrEqual(p.checks[0].samplePoints, 9)
        let csv = try String(contentsOfFile: f.folder + "/out/sites.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("site_id,name,homes,household_size,new_residents,verdict"), csv)
    }

    func testSiteWithoutHomesFieldListsTheFields() throws {
        let f = try Fixtures()
        let sites = try f.rdPoints("sites.geojson", [(100_000, 500_000, ["id": "S1", "naam": "Noord", "oppervlakte": 3])])
        XCTAssertThrowsError(try SiteReader.read(path: sites, homesField: nil)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("no number of homes field"), text)
            XCTAssertTrue(text.contains("oppervlakte"), text)
            XCTAssertTrue(text.contains("--homes-field"), text)
        }
    }

    /// A at (100000, 500000) covers nobody of: P1 (120000; 500 inh), P2
    /// (120500; 300), P3 (140000; 200). A practice near P1/P2 gains 800,
    /// then one at P3 gains 200; a third adds nothing.
    func testPlanHandChecked() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [
            (100_100, 500_000, ["id": "home", "inwoners": 1000]),
            (120_000, 500_000, ["id": "P1", "inwoners": 500]), (120_500, 500_000, ["id": "P2", "inwoners": 300]),
            (140_000, 500_000, ["id": "P3", "inwoners": 200]),
        ])
        let gp = try f.rdPoints("gp.geojson", [(100_000, 500_000, ["id": "A", "status": "open"])])
        let job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
        let o = try PlanJob(job: job, newPractices: 3).run()
        XCTAssertEqual(o.coveredBefore, 1000)
        XCTAssertEqual(o.choices.map(\.inhabitantsGained), [800, 200])
        XCTAssertEqual(o.choices.map(\.cumulativeInhabitants), [800, 1000])
        XCTAssertEqual(o.exact?.value, 1000)
    }

    /// Greedy against brute force: A = {0,1,3,4} tempts greedy (4 elements),
    /// after which B = {0,1,2} or C = {3,4,5} adds 1: greedy 5, optimum B+C = 6.
    func testGreedyAgainstExact() {
        let sets: [[Int32]] = [[0, 1, 3, 4], [0, 1, 2], [3, 4, 5]]
        let w = [Double](repeating: 1, count: 6)
        let g = MaximalCovering.greedy(sets: sets, weights: w, k: 2)
        XCTAssertEqual(g.map(\.candidate), [0, 1])
        XCTAssertEqual(g.map(\.gain), [4, 1])
        XCTAssertEqual(MaximalCovering.exact(sets: sets, weights: w, k: 2).value, 6)

        var rng = SplitMix64(seed: 3)
        for trial in 0..<200 {
            let n = 3 + Int(rng.next() % 7), m = 5 + Int(rng.next() % 15)
            let sets = (0..<n).map { _ in (0..<m).filter { _ in rng.unit() < 0.3 }.map(Int32.init) }
            let w = (0..<m).map { _ in Double(1 + rng.next() % 9) }
            for k in 1...3 {
                let greedy = MaximalCovering.greedy(sets: sets, weights: w, k: k)
                let value = greedy.reduce(0) { $0 + $1.gain }
                XCTAssertEqual(value, MaximalCovering.value(greedy.map(\.candidate), sets: sets, weights: w), accuracy: 1e-9)
                let exact = MaximalCovering.exact(sets: sets, weights: w, k: k).value
                XCTAssertLessThanOrEqual(value, exact + 1e-9, "trial \(trial)")
                XCTAssertGreaterThanOrEqual(value, (1 - 1 / M_E) * exact - 1e-9, "trial \(trial), k \(k)")
                if k == 1 { XCTAssertEqual(value, exact, "one practice: greedy is exact") }
            }
        }
    }

    /// Straight coverage against a brute force over every pair, with pairs
    /// at exactly the limit (3-4-5 triangles scaled to 5,000 m) counted as covered.
    func testStraightCoverageEqualsBruteForceInclusiveAtTheLimit() {
        var rng = SplitMix64(seed: 21)
        let limit = 5_000.0
        let candidates = (0..<40).map { _ in Coordinate(x: 200_000 + rng.unit() * 40_000, y: 500_000 + rng.unit() * 40_000) }
        var elements = (0..<2_000).map { _ in Coordinate(x: 200_000 + rng.unit() * 40_000, y: 500_000 + rng.unit() * 40_000) }
        for c in candidates.prefix(10) {
            elements.append(Coordinate(x: c.x + 3_000, y: c.y + 4_000))   // exactly 5,000 m
            elements.append(Coordinate(x: c.x - 4_000, y: c.y))            // 4,000 m
        }
        let sets = CoverageSets.straight(candidates: candidates, elements: elements, limitM: limit)
        for (j, c) in candidates.enumerated() {
            let brute = elements.indices.filter { elements[$0].distance(to: c) <= limit }.map(Int32.init)
            XCTAssertEqual(sets[j], brute, "candidate \(j)")
        }
        XCTAssertTrue(sets[0].contains(Int32(2_000)), "the pair at exactly the limit is covered")
    }

    /// Road coverage agrees with the router's road_m on a grid: a point is
    /// covered exactly when its road distance to the candidate is within the limit.
    func testRoadCoverageMatchesRouter() throws {
        let graph = SyntheticRoadNetwork.generate(nodes: 3_000, seed: 5)
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        var rng = SplitMix64(seed: 9)
        let box = (0..<graph.nodeCount).map(graph.coordinate(ofNode:))
        let minX = box.map(\.x).min()!, maxX = box.map(\.x).max()!, minY = box.map(\.y).min()!, maxY = box.map(\.y).max()!
        func random() -> Coordinate { Coordinate(x: minX + rng.unit() * (maxX - minX), y: minY + rng.unit() * (maxY - minY)) }
        let candidate = random()
        let elements = (0..<300).map { _ in random() }
        let limit = 1_500.0
        let covered = Set(CoverageSets.road(candidates: [candidate], elements: elements, graph: graph, mode: .car,
                                            limitM: limit, maxSnapM: 1_000)[0])
        let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
        let labels = router.labelNodes(sources: [snapper.snap(candidate)])
        var inside = 0
        for (i, c) in elements.enumerated() {
            guard let p = snapper.snap(c) else { XCTAssertFalse(covered.contains(Int32(i))); continue }
            let d = router.assign(p, labels: labels).nearestLengthM
            if abs(d - limit) < 0.5 { continue }   // float rounding at the edge
            XCTAssertEqual(covered.contains(Int32(i)), d <= limit, "element \(i) at \(d) m")
            if d <= limit { inside += 1 }
        }
        XCTAssertGreaterThan(inside, 0, "the limit must cover some elements for the test to mean anything")
    }
}
