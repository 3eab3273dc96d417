import Foundation
import Geo
import Access

/// Road catchments on a generated network, by several methods side by side
/// (release builds): the nearest-node grid polygonized with GDAL (what
/// `analyze` uses), and three exact Voronoi constructions — all labelled
/// nodes with a general union per practice (the previous method), all nodes
/// with GEOS's coverage union, and only the nodes on a label boundary with
/// coverage union.
public enum CatchmentBenchmark {
    public enum Method: String, CaseIterable, Sendable {
        case grid, coverage, boundary, union
    }

    public struct Row: Sendable {
        public var method: Method
        public var seconds: Double
        public var sites: Int
        public var catchments: Int
        public var vertices: Int
        /// Share of sample places in the same practice's catchment as by the
        /// exact Voronoi cells of all labelled nodes (nil: not compared).
        public var agreement: Double?
    }

    public struct Figures: Sendable {
        public var nodes: Int, practices: Int, labelledNodes: Int, cellSize: Double
        public var phases: [(String, Double)]
        public var rows: [Row]
        public var peakMiB: Double?
    }

    public static func run(nodes: Int, practices: Int, methods: [Method], seed: UInt64 = 42,
                           log: (String) -> Void = { _ in }) throws -> Figures {
        var phases: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { phases.append((name, Date().timeIntervalSince(t))); log("\(name): \(String(format: "%.3f", Date().timeIntervalSince(t))) s"); t = Date() }
        let graph = SyntheticRoadNetwork.generate(nodes: nodes, seed: seed)
        lap("build network")
        var rng = SplitMix64(seed: seed &+ 3)
        let candidates = (0..<graph.nodeCount).filter { graph.componentOfNode[$0] == 0 }
        let snapper = SegmentSnapper(graph: graph, mode: .car)
        let sources = (0..<practices).map { _ in snapper.snap(graph.coordinate(ofNode: candidates[Int.random(in: 0..<candidates.count, using: &rng)])) }
        let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
        let labels = OptionalIDs(router.labelNodes(sources: sources).nodes.lazy.map(\.nearest))
        lap("route (labels)")
        let labelled = (0..<graph.nodeCount).filter { labels[$0] != nil }
        let sites = labelled.map { graph.coordinate(ofNode: $0) }, owner = labelled.map { labels[$0]!.index }
        let (x0, x1, y0, y1) = (graph.nodeX.min()!, graph.nodeX.max()!, graph.nodeY.min()!, graph.nodeY.max()!)
        let area: Geometry = .polygon([[Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
                                        Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0)]])
        let engine = try GeometryEngine()
        let box = try Catchments.gridEnvelope(area: area, engine: engine)
        let cell = Catchments.roadCellSize(width: box.maxX - box.minX, height: box.maxY - box.minY)
        let samples = (0..<5_000).map { _ in Coordinate(x: Double.random(in: x0...x1, using: &rng), y: Double.random(in: y0...y1, using: &rng)) }
        var reference: [Int]?
        var rows: [Row] = []
        for method in methods {
            let t0 = Date()
            let polygons: [Int: Geometry]
            var used = sites.count
            switch method {
            case .grid:
                polygons = try Catchments.roadPolygons(sites: sites, owner: owner, area: area, engine: engine)
            case .union:
                polygons = try voronoiDissolve(sites: sites, owner: owner, area: area, engine: engine, coverage: false)
            case .coverage:
                polygons = try voronoiDissolve(sites: sites, owner: owner, area: area, engine: engine, coverage: true)
            case .boundary:
                let keep = boundaryNodes(graph: graph, labels: labels)
                used = keep.count
                polygons = try voronoiDissolve(sites: keep.map { graph.coordinate(ofNode: $0) }, owner: keep.map { labels[$0]!.index },
                                               area: area, engine: engine, coverage: true)
            }
            let seconds = Date().timeIntervalSince(t0)
            let keys = polygons.keys.sorted()
            let locator = try PolygonLocator(polygons: keys.map { polygons[$0]! })
            let found = try samples.map { try locator.locate($0).map { keys[$0] } ?? -1 }
            if reference == nil && method != .grid { reference = found }
            let agreement = reference.map { ref in Double(zip(ref, found).filter { $0 == $1 }.count) / Double(samples.count) }
            rows.append(Row(method: method, seconds: seconds, sites: used, catchments: polygons.count,
                            vertices: keys.reduce(0) { $0 + polygons[$1]!.coordinateCount }, agreement: agreement))
            log("\(method.rawValue): \(String(format: "%.3f", seconds)) s")
        }
        // The grid row compared with the exact reference when one was run after it.
        if let ref = reference, let g = rows.firstIndex(where: { $0.method == .grid }), rows[g].agreement == nil || g == 0 {
            let polygons = try Catchments.roadPolygons(sites: sites, owner: owner, area: area, engine: engine)
            let keys = polygons.keys.sorted()
            let locator = try PolygonLocator(polygons: keys.map { polygons[$0]! })
            let found = try samples.map { try locator.locate($0).map { keys[$0] } ?? -1 }
            rows[g].agreement = Double(zip(ref, found).filter { $0 == $1 }.count) / Double(samples.count)
        }
        return Figures(nodes: graph.nodeCount, practices: practices, labelledNodes: labelled.count, cellSize: cell,
                       phases: phases, rows: rows, peakMiB: PeakMemory.mebibytes())
    }

    /// Exact Voronoi cells of the sites, dissolved per owner (general or coverage union), clipped.
    static func voronoiDissolve(sites: [Coordinate], owner: [Int], area: Geometry, engine: GeometryEngine, coverage: Bool) throws -> [Int: Geometry] {
        var firstOwner: [Coordinate: Int] = [:]
        for (c, o) in zip(sites, owner) { firstOwner[c] = min(firstOwner[c] ?? o, o) }
        let unique = firstOwner.keys.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        let cells = try engine.voronoiCells(unique, envelope: area)
        let located = try PolygonLocator.locateAll(unique, in: cells)
        var parts: [Int: [Geometry]] = [:]
        for (k, c) in unique.enumerated() where located[k] >= 0 { parts[firstOwner[c]!, default: []].append(cells[Int(located[k])]) }
        var result: [Int: Geometry] = [:]
        for (o, gs) in parts {
            let merged = coverage ? try engine.coverageUnion(gs) : try engine.unaryUnion(gs)
            if let clipped = engine.polygonalPart(try engine.intersection(merged, area)) { result[o] = clipped }
        }
        return result
    }

    /// Nodes with a road neighbour of another label (or none).
    static func boundaryNodes(graph: RoadGraph, labels: OptionalIDs<PracticeIndex>) -> [Int] {
        (0..<graph.nodeCount).filter { u in
            guard labels[u] != nil else { return false }
            for a in graph.out.range(u) where labels[graph.out.arcs[a].index] != labels[u] { return true }
            return false
        }
    }
}
