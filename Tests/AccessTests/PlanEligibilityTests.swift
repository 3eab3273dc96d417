import XCTest
import Geo
@testable import Access

/// `bereik plan` with practices that take new patients only from an area
/// (issue 13): who is covered now, and what each chosen location gains,
/// against a brute force over the practices that accept each point.
final class PlanEligibilityTests: XCTestCase {
    /// Random points with a PC4 by 5 km cell (9401 + cell), practices open,
    /// partial with a postcode list, partial without one, or closed; flag 3 km.
    func testCoverageAndGainsEqualBruteForce() throws {
        for seed in [UInt64(11), 12, 13] {
            let f = try Fixtures()
            var rng = SplitMix64(seed: seed)
            let x0 = 100_000.0, y0 = 450_000.0, side = 20_000.0
            func pc4(_ x: Double, _ y: Double) -> Int { 9401 + Int((x - x0) / 5_000) * 4 + Int((y - y0) / 5_000) }
            var points: [(x: Double, y: Double, inhabitants: Double, pc4: Int)] = []
            for _ in 0..<250 {
                let x = x0 + rng.unit() * side, y = y0 + rng.unit() * side
                points.append((x, y, Double(1 + rng.next() % 50), pc4(x, y)))
            }
            var practices: [(x: Double, y: Double, status: String, list: [Int]?)] = []
            for k in 0..<14 {
                let x = x0 + rng.unit() * side, y = y0 + rng.unit() * side
                switch k % 4 {
                case 0: practices.append((x, y, "open", nil))
                case 1, 2:
                    // Its own PC4 and one more at random: points nearby outside them are not accepted.
                    practices.append((x, y, "partial", [pc4(x, y), 9401 + Int(rng.next() % 16)]))
                default: practices.append((x, y, k % 8 == 3 ? "partial" : "closed", nil))
                }
            }
            let pop = try f.rdPoints("pop.geojson", points.enumerated().map { i, p in
                (p.x, p.y, ["id": "p\(i)", "inwoners": p.inhabitants, "postcode": "\(p.pc4)"] as [String: Any])
            })
            let gp = try f.rdPoints("gp.geojson", practices.enumerated().map { j, p in
                var props: [String: Any] = ["id": String(format: "G%02d", j), "status": p.status]
                if let list = p.list { props["eligible_postcodes"] = list.map(String.init).joined(separator: "; ") }
                return (p.x, p.y, props)
            })
            var job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
            job.parameters.flagMaxKm = 3
            let plan = PlanJob(job: job, newPractices: 3)
            let outcome = try plan.run()

            // Brute force: a point is covered when a practice that takes it lies within 3 km.
            func takes(_ j: Int, _ i: Int) -> Bool {
                let p = practices[j]
                if p.status == "open" { return true }
                if p.status == "partial", let list = p.list { return list.contains(points[i].pc4) }
                return false   // closed, or partial without an area (counts as closed)
            }
            func distance(_ i: Int, _ c: Coordinate) -> Double { Coordinate(x: points[i].x, y: points[i].y).distance(to: c) }
            var covered = points.indices.map { i in
                practices.indices.contains { takes($0, i) && distance(i, Coordinate(x: practices[$0].x, y: practices[$0].y)) <= 3_000 }
            }
            let before = points.indices.reduce(0.0) { covered[$1] ? $0 + points[$1].inhabitants : $0 }
            XCTAssertEqual(outcome.coveredBefore, before, accuracy: 1e-6, "seed \(seed)")
            // A point a partial practice would take only if it were open must be among the uncovered.
            let wronglyOpen = points.indices.filter { i in
                !covered[i] && practices.indices.contains { practices[$0].status == "partial" && practices[$0].list != nil
                    && distance(i, Coordinate(x: practices[$0].x, y: practices[$0].y)) <= 3_000 }
            }
            XCTAssertFalse(wronglyOpen.isEmpty, "seed \(seed): the fixture has points near a partial practice outside its area")

            // Each choice gains the uncovered inhabitants within 3 km not gained before; greedy takes the best.
            let candidates = PlanJob.generate(population: points.enumerated().map { i, p in
                PopulationPoint(id: "p\(i)", location: Coordinate(x: p.x, y: p.y), inhabitants: p.inhabitants)
            }, uncovered: covered.map { !$0 }, spacingM: plan.candidateSpacingM, max: plan.maxCandidates)
            XCTAssertEqual(outcome.candidates, candidates.count, "seed \(seed)")
            for choice in outcome.choices {
                func gain(_ c: Coordinate) -> Double {
                    points.indices.reduce(0.0) { !covered[$1] && distance($1, c) <= 3_000 ? $0 + points[$1].inhabitants : $0 }
                }
                XCTAssertEqual(choice.inhabitantsGained, gain(choice.candidate.location), accuracy: 1e-6, "seed \(seed), rank \(choice.rank)")
                let best = candidates.map { gain($0.location) }.max() ?? 0
                XCTAssertEqual(choice.gain, best, accuracy: 1e-6, "seed \(seed), rank \(choice.rank): greedy takes the largest gain")
                for i in points.indices where distance(i, choice.candidate.location) <= 3_000 { covered[i] = true }
            }
        }
    }

    /// By road on a 1 km lattice: who is covered now equals a brute force
    /// that routes to each practice on its own (an analysis with only that
    /// practice open, no eligibility involved) and keeps, per point, the
    /// practices that take it.
    func testRoadCoverageEqualsBruteForce() throws {
        let f = try Fixtures()
        var rng = SplitMix64(seed: 77)
        let x0 = 150_000.0, y0 = 450_000.0
        let roads = try f.roadGrid(x0: x0, y0: y0, widthKm: 16, heightKm: 10)
        func pc4(_ x: Double) -> Int { 9401 + Int((x - x0) / 4_000) }
        let points = (0..<200).map { _ -> (x: Double, y: Double, inhabitants: Double) in
            (x0 + 50 + rng.unit() * 15_900, y0 + 50 + rng.unit() * 9_900, Double(1 + rng.next() % 40))
        }
        let practices = (0..<8).map { k -> (x: Double, y: Double, status: String, list: [Int]?) in
            let x = x0 + 500 + rng.unit() * 15_000, y = y0 + 500 + rng.unit() * 9_000
            return k % 3 == 0 ? (x, y, "open", nil) : (x, y, "partial", [pc4(x)])
        }
        let pop = try f.rdPoints("pop.geojson", points.enumerated().map { i, p in
            (p.x, p.y, ["id": "p\(i)", "inwoners": p.inhabitants, "postcode": "\(pc4(p.x))"] as [String: Any])
        })
        let gp = try f.rdPoints("gp.geojson", practices.enumerated().map { j, p in
            var props: [String: Any] = ["id": "G\(j)", "status": p.status]
            if let list = p.list { props["eligible_postcodes"] = list.map(String.init).joined(separator: ";") }
            return (p.x, p.y, props)
        })
        var job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
        job.roadsPath = roads
        job.writeCatchments = false
        job.parameters.flagMaxKm = 2
        let outcome = try PlanJob(job: job, newPractices: 1).run()

        // Brute force: road metres from each practice alone, then per point the practices that take it.
        let inputs = try job.readInputs()
        var covered = [Bool](repeating: false, count: points.count), nearButNotTaken = covered
        // The input order of the points, by id.
        let order = inputs.population.map { Int($0.id.dropFirst())! }
        for j in practices.indices {
            var alone = inputs.practices
            for k in alone.indices { alone[k].status = .closed; alone[k].eligibility = nil }
            let index = try XCTUnwrap(alone.firstIndex { $0.id == "G\(j)" })
            alone[index].status = .open
            var single = inputs
            single.eligible = nil
            let road = try XCTUnwrap(try job.analyse(single, practices: alone).result.road)
            for (k, i) in order.enumerated() where road.roadM[k] <= 2_000 {
                if practices[j].list.map({ $0.contains(pc4(points[i].x)) }) ?? true { covered[i] = true } else { nearButNotTaken[i] = true }
            }
        }
        let before = points.indices.reduce(0.0) { covered[$1] ? $0 + points[$1].inhabitants : $0 }
        XCTAssertEqual(outcome.coveredBefore, before, accuracy: 1e-6)
        XCTAssertEqual(outcome.measure, "road")
        XCTAssertTrue(points.indices.contains { nearButNotTaken[$0] && !covered[$0] },
                      "the fixture has points within 2 km by road of a partial practice that does not take them, and of no other")
    }
}
