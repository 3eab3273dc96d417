import XCTest
import Geo
@testable import Access

/// Equal distances go to the lower index in id order, in the KD-tree and the
/// router (checked against brute force), so a shuffled copy of the inputs
/// gives the same outputs and a scenario lists only the points that changed
/// for a reason.
final class OrderFreeTiesTests: XCTestCase {
    /// Brute force: sort by (squared distance, index); ties abound on a 100 m grid.
    func testKDTreeTiesGoToTheLowerIndexLikeBruteForce() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let n = Int.random(in: 1...30, using: &rng)
            let pts = (0..<n).map { _ in Coordinate(x: Double(Int.random(in: 0...6, using: &rng)) * 100, y: Double(Int.random(in: 0...6, using: &rng)) * 100) }
            let tree = KDTree(pts)
            for _ in 0..<20 {
                let q = Coordinate(x: Double(Int.random(in: -1...7, using: &rng)) * 100, y: Double(Int.random(in: -1...7, using: &rng)) * 100)
                let order = pts.indices.map { i -> (Double, Int) in
                    let dx = pts[i].x - q.x, dy = pts[i].y - q.y
                    return (dx * dx + dy * dy, i)
                }.sorted { $0 < $1 }
                let got = tree.nearestTwo(to: q)
                XCTAssertEqual(got.first, order[0].1)
                XCTAssertEqual(got.second, n > 1 ? order[1].1 : -1)
            }
        }
    }

    /// A 100 m grid of residential roads (Manhattan distances: many ties);
    /// practices and points on nodes; brute force: one Dijkstra per practice
    /// over the graph's arcs, then (length, index) order.
    func testRouterTiesGoToTheLowerSourceLikeBruteForce() {
        let size = 7
        let builder = RoadGraphBuilder()
        func c(_ i: Int, _ j: Int) -> Coordinate { Coordinate(x: 100_000 + Double(i) * 100, y: 500_000 + Double(j) * 100) }
        for i in 0..<size {
            for j in 0..<size {
                if i + 1 < size { builder.add(RoadLine(coordinates: [c(i, j), c(i + 1, j)], highway: "residential", oneway: .both, onewayExempt: [], maxspeedKmh: 30, allowed: .all)) }
                if j + 1 < size { builder.add(RoadLine(coordinates: [c(i, j), c(i, j + 1)], highway: "residential", oneway: .both, onewayExempt: [], maxspeedKmh: 30, allowed: .all)) }
            }
        }
        let graph = builder.build()
        let snapper = SegmentSnapper(graph: graph, mode: .car, maxDistanceM: 50)
        let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
        func node(_ p: Coordinate) -> Int { (0..<graph.nodeCount).first { graph.coordinate(ofNode: $0) == p }! }
        func dijkstra(from s: Int) -> [Double] {
            var dist = [Double](repeating: .infinity, count: graph.nodeCount)
            var done = [Bool](repeating: false, count: graph.nodeCount)
            dist[s] = 0
            for _ in 0..<graph.nodeCount {
                guard let u = (0..<graph.nodeCount).filter({ !done[$0] && dist[$0].isFinite }).min(by: { dist[$0] < dist[$1] }) else { break }
                done[u] = true
                for a in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                    let v = Int(graph.targets[a])
                    dist[v] = min(dist[v], dist[u] + Double(graph.arcLengthM[a]))
                }
            }
            return dist
        }
        var rng = SplitMix64(seed: 4)
        var ties = 0
        for _ in 0..<40 {
            let practices = (0..<Int.random(in: 2...6, using: &rng)).map { _ in c(Int.random(in: 0..<size, using: &rng), Int.random(in: 0..<size, using: &rng)) }
            let labels = router.labelNodes(sources: practices.map { snapper.snap($0) })
            let dist = practices.map { dijkstra(from: node($0)) }
            for i in 0..<size {
                for j in 0..<size {
                    let v = node(c(i, j))
                    let order = practices.indices.map { (dist[$0][v], $0) }.sorted { $0 < $1 }
                    let got = router.assign(snapper.snap(c(i, j)), labels: labels)
                    XCTAssertEqual(Int(got.nearestSource), order[0].1)
                    XCTAssertEqual(Int(got.secondSource), order[1].1)
                    XCTAssertEqual(got.nearestLengthM, order[0].0, accuracy: 1e-6)
                    if order[0].0 == order[1].0 { ties += 1 }
                }
            }
        }
        XCTAssertGreaterThan(ties, 100, "the grid must actually produce ties")
    }

    /// The default data (GeoData/) with its features shuffled gives
    /// byte-identical outputs, population rows included, by road too.
    func testShuffledDefaultDataGivesIdenticalOutputs() throws {
        let data = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GeoData").path
        guard FileManager.default.fileExists(atPath: data + "/practices.geojson") else { throw XCTSkip("GeoData/ not found") }
        let f = try Fixtures()
        var rng = SplitMix64(seed: 77)
        func shuffled(_ name: String) throws -> String {
            var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: data + "/" + name))) as! [String: Any]
            json["features"] = (json["features"] as! [Any]).shuffled(using: &rng)
            let path = f.folder + "/shuffled-" + name
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
            return path
        }
        func run(_ pop: String, _ gp: String, _ regions: String, _ out: String) throws {
            var job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: regions, outputFolder: f.folder + "/" + out)
            job.roadsPath = data + "/roads.geojson"
            _ = try job.run()
        }
        try run(data + "/population.geojson", data + "/practices.geojson", data + "/gemeenten.geojson", "a")
        try run(try shuffled("population.geojson"), try shuffled("practices.geojson"), try shuffled("gemeenten.geojson"), "b")
        for file in ["population.geojson", "practices.geojson", "regions.csv", "regions.geojson", "catchments.geojson"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: f.folder + "/a/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: f.folder + "/b/" + file))
            XCTAssertEqual(a, b, file)
        }
    }

    /// Two practices share a health centre (H1, H2); K is elsewhere. Points
    /// nearest the centre are served by H1 (lower id). Closing H2 changes
    /// nobody's practice or distance; closing H1 moves exactly H1's points
    /// to H2 at the same distance, whatever order the file lists them in.
    func testScenarioCloseAtSharedSiteListsOnlyItsPoints() throws {
        let f = try Fixtures()
        let pop = try f.rdPoints("pop.geojson", [
            (100_100, 500_000, ["id": "a", "inwoners": 10]), (100_000, 500_300, ["id": "b", "inwoners": 20]),
            (105_000, 500_000, ["id": "c", "inwoners": 30]), (104_900, 500_100, ["id": "d", "inwoners": 40]),
        ])
        for order in [["H2", "K", "H1"], ["H1", "H2", "K"], ["K", "H1", "H2"]] {
            let where_: [String: (Double, Double)] = ["H1": (100_000, 500_000), "H2": (100_000, 500_000), "K": (105_000, 500_100)]
            let gp = try f.rdPoints("gp.geojson", order.map { (where_[$0]!.0, where_[$0]!.1, ["id": $0, "status": "open"]) })
            let job = AnalyzeJob(populationPath: pop, practicesPath: gp, regionsPath: nil, outputFolder: f.folder + "/out")
            let closeH2 = try ScenarioJob(job: job, changes: [.close(id: "H2")]).run()
            XCTAssertEqual(closeH2.comparison.displacedPoints, 0)
            XCTAssertEqual(try pointChanges(f), [], "order \(order)")
            let closeH1 = try ScenarioJob(job: job, changes: [.close(id: "H1")]).run()
            XCTAssertEqual(closeH1.comparison.displacedInhabitants, 30, "a and b, served by H1")
            XCTAssertEqual(try pointChanges(f), ["a,H1,H2", "b,H1,H2"], "order \(order)")
        }
    }

    func pointChanges(_ f: Fixtures) throws -> [String] {
        let lines = try String(contentsOfFile: f.folder + "/out/point_changes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return [cells[0], cells[2], cells[3]].joined(separator: ",")
        }
    }
}
