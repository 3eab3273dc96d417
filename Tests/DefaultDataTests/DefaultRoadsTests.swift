import Foundation
import XCTest
import Geo
@testable import Access
@testable import DefaultData

/// Generated and written once per test process.
private let written = Result { () throws -> (DefaultDataSet, String) in
    let data = try DefaultDataGenerator.generate()
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("bereik-default-roads-\(ProcessInfo.processInfo.processIdentifier)").path
    try DefaultDataWriter.write(data, to: folder)
    return (data, folder)
}

final class DefaultRoadsTests: XCTestCase {
    private func load() throws -> (data: DefaultDataSet, graph: RoadGraph, report: RoadFileCounts) {
        let (data, folder) = try written.get()
        let builder = RoadGraphBuilder()
        let report = try LineRoadReader.read(path: folder + "/" + DefaultDataWriter.roadsFile, into: builder)
        return (data, builder.build(), report)
    }

    func testRoadsAreDeterministicAndPlausible() throws {
        let (data, _, report) = try load()
        XCTAssertEqual(try DefaultDataGenerator.generate().roads, data.roads)
        XCTAssertEqual(report.lines, data.roads.count)
        var km = [String: Double]()
        for road in data.roads {
            let cs = road.line.coordinates
            var m = 0.0
            for i in 1..<cs.count { m += ((cs[i].x - cs[i - 1].x) * (cs[i].x - cs[i - 1].x) + (cs[i].y - cs[i - 1].y) * (cs[i].y - cs[i - 1].y)).squareRoot() }
            km[road.line.highway, default: 0] += m / 1000
        }
        print("default roads: \(data.roads.count) lines, \(data.roads.reduce(0) { $0 + $1.line.coordinates.count }) vertices; km per class:",
              km.keys.sorted().map { "\($0) \(Int($0 == "" ? 0 : km[$0]!.rounded()))" }.joined(separator: ", "))
        for cls in ["motorway", "motorway_link", "primary", "secondary", "tertiary", "unclassified", "residential", "cycleway"] {
            XCTAssertGreaterThan(km[cls] ?? 0, 0, cls)
        }
        // Two carriageways of A28 (~75 km) and A37 (~45 km).
        XCTAssert((180...300).contains(km["motorway"] ?? 0), "motorway km \(km["motorway"] ?? 0)")
        XCTAssert(data.roads.contains { $0.line.oneway == .forward })
        XCTAssert(data.roads.filter { $0.line.highway == "cycleway" }.allSatisfy { !$0.line.allowed.contains(.car) })
    }

    func testWrittenRoadsFormOneConnectedCarNetwork() throws {
        let (_, graph, _) = try load()
        print("default roads graph: \(graph.nodeCount) nodes, \(graph.edgeCount) edges, \(graph.componentSizes.count) components (all modes)")
        // Components over the edges a car may use (either direction).
        var parent = Array(0..<graph.nodeCount)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        var carNode = [Bool](repeating: false, count: graph.nodeCount)
        var carEdges = 0
        for e in 0..<graph.edgeCount where graph.edgeUsable(e, by: .car) {
            carEdges += 1
            let a = graph.edgeFrom[e].index, b = graph.edgeTo[e].index
            carNode[a] = true; carNode[b] = true
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let roots = Set((0..<graph.nodeCount).filter { carNode[$0] }.map(find))
        print("car: \(carNode.filter { $0 }.count) nodes, \(carEdges) edges, \(roots.count) component(s)")
        XCTAssertEqual(roots.count, 1)
        XCTAssertEqual(graph.componentSizes.count, 1, "cycleways join the car network too")
    }

    func testEveryCellAndPracticeIsNearACarRoad() throws {
        let (data, graph, _) = try load()
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        var worst = 0.0
        for p in data.population {
            let s = snapper.snap(p.location)
            XCTAssertNotNil(s, p.id)
            worst = max(worst, s?.distanceM ?? .infinity)
        }
        for p in data.practices { XCTAssertLessThan(snapper.snap(p.location)?.distanceM ?? .infinity, 1_000, p.id) }
        print("worst cell-to-car-road distance \(Int(worst)) m")
        XCTAssertLessThan(worst, 1_000)
        // Brute force for a sample: no car edge is nearer than the snapped one.
        for p in data.population.enumerated().filter({ $0.offset % 97 == 0 }).map(\.element) {
            var best = Double.infinity
            for e in 0..<graph.edgeCount where graph.edgeUsable(e, by: .car) {
                let a = graph.coordinate(ofNode: graph.edgeFrom[e].index), b = graph.coordinate(ofNode: graph.edgeTo[e].index)
                let dx = b.x - a.x, dy = b.y - a.y
                let t = max(0, min(1, ((p.location.x - a.x) * dx + (p.location.y - a.y) * dy) / max(1e-12, dx * dx + dy * dy)))
                let qx = a.x + t * dx - p.location.x, qy = a.y + t * dy - p.location.y
                best = min(best, (qx * qx + qy * qy).squareRoot())
            }
            XCTAssertEqual(snapper.snap(p.location)!.distanceM, best, accuracy: 0.01, p.id)
        }
    }

    func testRoadDistanceIsAtLeastTheStraightLine() throws {
        let (data, graph, _) = try load()
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
        let practice = data.practices[0]
        let labels = router.labelNodes(sources: [snapper.snap(practice.location)])
        var reached = 0
        for p in data.population.enumerated().filter({ $0.offset % 211 == 0 }).map(\.element) {
            let a = router.assign(snapper.snap(p.location), labels: labels)
            XCTAssert(a.isReachable, p.id)
            guard a.isReachable else { continue }
            reached += 1
            let straight = ((p.location.x - practice.location.x) * (p.location.x - practice.location.x)
                + (p.location.y - practice.location.y) * (p.location.y - practice.location.y)).squareRoot()
            // The snap legs at both ends are excluded from the road length.
            XCTAssertGreaterThanOrEqual(a.nearestLengthM + a.snapM + 1_000, straight, p.id)
            XCTAssertLessThan(a.nearestLengthM, 3 * straight + 5_000, p.id)
        }
        XCTAssertGreaterThan(reached, 10)
    }
}
