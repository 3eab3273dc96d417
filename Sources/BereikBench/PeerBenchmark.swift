import Foundation
import Geo
import Access

/// bereik on the peer benchmark's neutral datasets (`shared/bench`, its
/// `--external` contract): undirected length-weighted graph from
/// `nodes.csv`/`edges.csv`, points and practices snapped to their nearest
/// node, one multi-source pass from the open practices for `nearest`, the
/// node-to-node catchment matrix and 2SFCA/E2SFCA for `fca`.
public enum PeerBenchmark {
    public struct Output {
        public var ids: [String]
        public var nearestM: [Double]
        public var access2SFCA: [Double]
        public var accessE2SFCA: [Double]
        public var timings: [String: Double]
    }

    struct Table {
        var columns: [String: Int]
        var rows: [[FieldValue]]
        func number(_ row: Int, _ column: String) -> Double { ValueParsing.number(rows[row][columns[column]!]) ?? .nan }
        func text(_ row: Int, _ column: String) -> String { rows[row][columns[column]!].text ?? "" }
    }

    /// Reads a CSV through OGR (attributes only).
    static func table(_ path: String, _ needed: [String]) throws -> Table {
        let layer = try VectorSource(path: path).layer()
        var columns: [String: Int] = [:]
        for name in needed {
            guard layer.fieldIndex(name) != nil else {
                throw InputError.missingField(path: path, role: name, option: "-", tried: [name], available: layer.fields.map(\.name))
            }
            columns[name] = columns.count
        }
        var rows: [[FieldValue]] = []
        try layer.forEach(fields: needed.map { layer.fieldIndex($0)! }) { _, _, values, _ in rows.append(values) }
        return Table(columns: columns, rows: rows)
    }

    public static func run(dataFolder: String) throws -> Output {
        let nodes = try table(dataFolder + "/nodes.csv", ["id", "x", "y"])
        let edges = try table(dataFolder + "/edges.csv", ["u", "v", "length_m"])
        let population = try table(dataFolder + "/population.csv", ["id", "x", "y", "inhabitants"])
        let practices = try table(dataFolder + "/practices.csv", ["id", "x", "y", "open", "gp_fte"])
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dataFolder + "/meta.json"))) as? [String: Any]
        let fca = meta?["fca"] as? [String: Any]
        let catchment = (fca?["catchment_m"] as? Double) ?? 3_000
        let supplyOpenOnly = ((fca?["supply"] as? String) ?? "all").hasPrefix("open")

        // Text to numbers first: reading the CSV files is untimed for every peer.
        var nodeIndex: [String: Int] = [:]
        for r in nodes.rows.indices { nodeIndex[nodes.text(r, "id")] = r }
        let nodeXY = nodes.rows.indices.map { Coordinate(x: nodes.number($0, "x"), y: nodes.number($0, "y")) }
        var lengthOf: [[Int]: Double] = [:]
        let edgeEnds = edges.rows.indices.compactMap { r -> (Int, Int)? in
            guard let a = nodeIndex[edges.text(r, "u")], let b = nodeIndex[edges.text(r, "v")] else { return nil }
            lengthOf[[min(a, b), max(a, b)]] = edges.number(r, "length_m")
            return (a, b)
        }
        let pointXY = population.rows.indices.map { Coordinate(x: population.number($0, "x"), y: population.number($0, "y")) }
        let practiceXY = practices.rows.indices.map { Coordinate(x: practices.number($0, "x"), y: practices.number($0, "y")) }
        let isOpen = practices.rows.indices.map { practices.number($0, "open") == 1 }
        let demand = population.rows.indices.map { population.number($0, "inhabitants") }
        let supply = practices.rows.indices.map { supplyOpenOnly && !isOpen[$0] ? 0 : practices.number($0, "gp_fte") }

        var timings: [String: Double] = [:]
        var t0 = Date()
        // Graph straight from the edge list: node ids are dense already.
        let builder = RoadGraphBuilder()
        let first = builder.addNodes(nodeXY)
        builder.addSegments(edgeEnds.map { (first + Int32($0.0), first + Int32($0.1)) },
                            like: RoadLine(coordinates: [], highway: "residential", allowed: .car))
        let graph = builder.build()
        // The catchment is decided on the data set's own Float64 lengths, as the reference does.
        // The builder renumbers nodes (Morton order): find each node's row by its coordinates.
        var rowAt: [Coordinate: Int] = [:]
        for (r, c) in nodeXY.enumerated() { rowAt[c] = rowAt[c] == nil ? r : -1 }
        let edgeLengthsM = (0..<graph.edgeCount).map { e -> Double in
            guard let a = rowAt[graph.coordinate(ofNode: graph.edgeFrom[e].index)], let b = rowAt[graph.coordinate(ofNode: graph.edgeTo[e].index)],
                  a >= 0, b >= 0, let length = lengthOf[[min(a, b), max(a, b)]] else { return Double(graph.edgeLengthM[e]) }
            return length
        }
        let nodeTree = KDTree((0..<graph.nodeCount).map { graph.coordinate(ofNode: $0) })
        // A node as a snapped position: the start or end of one of its edges.
        var incident = [SnappedPoint?](repeating: nil, count: graph.nodeCount)
        for e in 0..<graph.edgeCount {
            let from = graph.edgeFrom[e].index, to = graph.edgeTo[e].index
            if incident[from] == nil { incident[from] = SnappedPoint(edge: EdgeID(e), fraction: 0, distanceM: 0, location: graph.coordinate(ofNode: from)) }
            if incident[to] == nil { incident[to] = SnappedPoint(edge: EdgeID(e), fraction: 1, distanceM: 0, location: graph.coordinate(ofNode: to)) }
        }
        timings["build_s"] = Date().timeIntervalSince(t0)

        t0 = Date()
        let pointSnaps = parallelMap(count: pointXY.count, minPerWorker: 20_000) { incident[nodeTree.nearest(to: pointXY[$0]).index] }
        let practiceSnaps = practiceXY.map { incident[nodeTree.nearest(to: $0).index] }
        let router = NearestFacilityRouter(graph: graph, mode: .car, weight: .length)
        let labels = router.labelNodes(sources: zip(practiceSnaps, isOpen).map { $1 ? $0 : nil })
        let nearest = router.assign(points: pointSnaps, labels: labels).map { $0.isReachable ? $0.nearestCost : .infinity }
        timings["nearest_query_s"] = Date().timeIntervalSince(t0)

        t0 = Date()
        let matrix = RoadCosts.matrix(graph: graph, mode: .car, weight: .length, points: pointSnaps,
                                      practices: practiceSnaps, catchment: catchment, edgeLengthsM: edgeLengthsM)
        timings["catchment_query_s"] = Date().timeIntervalSince(t0)

        t0 = Date()
        let two = FloatingCatchment.compute(matrix: matrix, demand: demand, supply: supply, method: .twoStep, catchment: catchment)
        let enhanced = FloatingCatchment.compute(matrix: matrix, demand: demand, supply: supply, method: .enhanced, catchment: catchment)
        timings["fca_s"] = Date().timeIntervalSince(t0)
        return Output(ids: population.rows.indices.map { population.text($0, "id") }, nearestM: nearest,
                      access2SFCA: two.access, accessE2SFCA: enhanced.access, timings: timings)
    }
}
