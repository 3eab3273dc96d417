import XCTest
import Geo
@testable import Access

/// Lines of a few kinds repeated in a mixed order (the builder looks each
/// kind's directions and speeds up once): every edge's arcs have the times
/// the profiles give for its own line.
final class LineKindTests: XCTestCase {
    func testEveryEdgeHasItsOwnLinesTimes() {
        let classes = ["residential", "motorway", "cycleway", "tertiary"]
        let speeds: [Double?] = [nil, 30, 100]
        let directions: [RoadDirection] = [.both, .forward, .backward]
        var lines: [RoadLine] = []
        var rng = SplitMix64(seed: 4)
        // Separate two-vertex lines on a row, each its own edge.
        for i in 0..<300 {
            let a = Coordinate(x: Double(i) * 100, y: 0), b = Coordinate(x: Double(i) * 100 + 10 + Double(i % 7), y: 5)
            lines.append(RoadLine(coordinates: [a, b], highway: classes.randomElement(using: &rng)!,
                                  oneway: directions.randomElement(using: &rng)!, onewayExempt: i % 11 == 0 ? [.bicycle] : [],
                                  maxspeedKmh: speeds.randomElement(using: &rng)!, allowed: i % 13 == 0 ? [.foot] : .all))
        }
        let builder = RoadGraphBuilder()
        for l in lines { builder.add(l) }
        let g = builder.build()
        XCTAssertEqual(g.edgeCount, lines.count)
        let profiles = TravelMode.allCases.map(TravelProfile.default)
        // Edges are numbered along the Morton curve: find each line's edge by its first vertex.
        for line in lines {
            let a = line.coordinates[0], b = line.coordinates[1]
            guard let e = (0..<g.edgeCount).first(where: { g.coordinate(of: g.edgeFrom[$0]) == a && g.coordinate(of: g.edgeTo[$0]) == b }) else {
                XCTFail("no edge for \(a)"); continue
            }
            let length = Float((a.distance(to: b)))
            for p in profiles {
                let kmh = Float(p.speedKmh(highway: line.highway, maxspeedKmh: line.maxspeedKmh))
                let expected = kmh > 0 ? length / (kmh / 3.6) : .infinity
                let dir = line.direction(for: p.mode)
                let forward = dir == .both || dir == .forward, backward = dir == .both || dir == .backward
                XCTAssertEqual(g.edgeForwardArc[e].map { g.arcTimeS[p.mode][$0] } ?? .infinity, forward ? expected : .infinity, "\(line.highway) \(p.mode)")
                XCTAssertEqual(g.edgeBackwardArc[e].map { g.arcTimeS[p.mode][$0] } ?? .infinity, backward ? expected : .infinity, "\(line.highway) \(p.mode)")
            }
            XCTAssertEqual(g.edgeAccessible[e], !["motorway", "trunk", "motorway_link", "trunk_link"].contains(line.highway))
        }
    }
}
