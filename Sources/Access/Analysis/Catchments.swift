import Foundation
import Geo

/// The area each open practice serves, as non-overlapping polygons.
public struct Catchment: Sendable {
    /// Practices (indexes) at this site; several practices may share a
    /// health centre and then share one catchment.
    public var practices: [Int]
    public var geometry: Geometry
    public var inhabitants: Double
}

public enum CatchmentMethod: String, Codable, Sendable, CaseIterable {
    /// Areas whose residents reach the practice first over the road: Voronoi
    /// cells of the road nodes, labelled by the routing pass, dissolved per
    /// practice.
    case road
    /// Straight-line Voronoi cells of the open practices.
    case voronoi
}

public enum Catchments {
    /// `labels` gives, per labelled site (a road node or a practice
    /// location), the practice it belongs to; cells are clipped to `area`.
    static func dissolve(sites: [Coordinate], owner: [Int], area: Geometry, engine: GeometryEngine) throws -> [Int: Geometry] {
        // One site per distinct position (Voronoi needs distinct points).
        // Sites at one position go to the lowest owner (practice order is
        // by id, see `StableOrder`), and the sites are sorted, so the cells
        // do not depend on input or hash order.
        var firstOwner: [Coordinate: Int] = [:]
        for (c, o) in zip(sites, owner) { firstOwner[c] = min(firstOwner[c] ?? o, o) }
        let unique = firstOwner.keys.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard !unique.isEmpty else { return [:] }
        if unique.count == 1 { return [firstOwner[unique[0]]!: area] }
        let cells = try engine.voronoiCells(unique, envelope: area)
        // Which cell holds which site: a cell contains exactly its own site.
        let located = try PolygonLocator.locateAll(unique, in: cells)
        var parts: [Int: [Geometry]] = [:]
        for (k, c) in unique.enumerated() where located[k] >= 0 {
            parts[firstOwner[c]!, default: []].append(cells[Int(located[k])])
        }
        var result: [Int: Geometry] = [:]
        for (o, gs) in parts {
            let merged = try engine.unaryUnion(gs)
            if let clipped = engine.polygonalPart(try engine.intersection(merged, area)) { result[o] = clipped }
        }
        return result
    }

    /// Computes catchments for the open practices with the given method.
    public static func compute(method: CatchmentMethod, result: AnalysisResult, population: [PopulationPoint],
                               practices: [Practice], regions: [Region]) throws -> [Catchment] {
        let engine = try GeometryEngine()
        let area = try studyArea(population: population, practices: practices, regions: regions, engine: engine)
        let open = practices.indices.filter { result.parameters.isOpen(practices[$0].status) }
        // Co-located practices form one site, keyed by its first practice.
        var siteOf: [Coordinate: Int] = [:]
        var members: [Int: [Int]] = [:]
        for j in open {
            let key = siteOf[practices[j].location] ?? j
            siteOf[practices[j].location] = key
            members[key, default: []].append(j)
        }
        var siteOfPractice: [Int: Int] = [:]
        for (key, ms) in members { for m in ms { siteOfPractice[m] = key } }
        let polygons: [Int: Geometry]
        let assigned: [Int32]
        switch method {
        case .voronoi:
            polygons = try dissolve(sites: members.keys.map { practices[$0].location }, owner: Array(members.keys), area: area, engine: engine)
            assigned = result.points.map(\.nearestOpen)
        case .road:
            guard let road = result.road else { throw CatchmentError.needsRoads }
            let graph = road.graph, graphLabels = road.nodePractice
            var sites: [Coordinate] = [], owners: [Int] = []
            for v in 0..<graph.nodeCount where graphLabels[v] >= 0 {
                guard let site = siteOfPractice[Int(graphLabels[v])] else { continue }
                sites.append(graph.coordinate(ofNode: v))
                owners.append(site)
            }
            polygons = try dissolve(sites: sites, owner: owners, area: area, engine: engine)
            assigned = road.roadPractice
        }
        var inhabitants: [Int: Double] = [:]
        for (i, p) in assigned.enumerated() where p >= 0 {
            if let site = siteOfPractice[Int(p)] { inhabitants[site, default: 0] += population[i].inhabitants }
        }
        return members.keys.sorted().compactMap { key in
            guard let g = polygons[key] else { return nil }
            return Catchment(practices: members[key]!, geometry: g, inhabitants: inhabitants[key] ?? 0)
        }
    }

    /// The regions' union, or the hull of all points with a 1 km margin.
    static func studyArea(population: [PopulationPoint], practices: [Practice], regions: [Region], engine: GeometryEngine) throws -> Geometry {
        if !regions.isEmpty {
            return try engine.unaryUnion(regions.map(\.geometry))
        }
        let pts = population.map(\.location) + practices.map(\.location)
        return try engine.buffer(try engine.convexHull(.multiPoint(pts)), distance: 1_000)
    }
}

public enum CatchmentError: Error, CustomStringConvertible {
    case needsRoads
    public var description: String {
        "road catchments need a road network (--roads); use --catchments voronoi for straight-line catchments"
    }
}
