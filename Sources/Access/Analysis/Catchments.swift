import Foundation
import Geo

/// The area each open practice serves, as non-overlapping polygons.
public struct Catchment: Sendable {
    /// Practices (indexes) at this site; several practices may share a
    /// health centre and then share one catchment.
    public var practices: [Int]
    public var geometry: Geometry
    public var inhabitants: Double
    /// A practice restricted to an eligibility area (issue 13): drawn over
    /// the partition of the unrestricted practices, not part of it.
    public var eligibleOnly = false
}

public enum CatchmentMethod: String, Codable, Sendable, CaseIterable {
    /// Areas whose residents reach the practice first over the road: every
    /// place belongs to the practice its nearest road node reaches first
    /// (the Voronoi cells of the road nodes, labelled by the routing pass,
    /// dissolved per practice), drawn on a grid of `roadCellSize` cells and
    /// polygonized with GDAL.
    case road
    /// Straight-line Voronoi cells of the open practices.
    case voronoi
}

public enum Catchments {
    /// Cells of the road catchment grid: at most this many over the study
    /// area's envelope, and never smaller than `minimumCellM`.
    static let maximumCells = 4_000_000
    static let minimumCellM = 5.0

    /// The cell size (metres) road catchments are drawn with for an area.
    public static func roadCellSize(width: Double, height: Double) -> Double {
        Swift.max(minimumCellM, ((width * height) / Double(maximumCells)).squareRoot()).rounded(.up)
    }

    /// Which of two sites owns a place: the nearer (squared distances), and
    /// at equal distance the smaller owner key (a site's first practice
    /// index), so that the result does not depend on input or thread order.
    @inline(__always)
    static func prefers(_ a: Int, at da: Double, over b: Int, at db: Double) -> Bool {
        da != db ? da < db : a < b
    }

    /// Road catchments: `owner[k]` is the site key of the road node at
    /// `sites[k]`; each grid cell goes to the owner of its nearest node, the
    /// cells are polygonized (GDAL) and clipped to `area`.
    public static func roadPolygons(sites: [Coordinate], owner: [Int], area: Geometry, engine: GeometryEngine) throws -> [Int: Geometry] {
        guard !sites.isEmpty else { return [:] }
        let box = try gridEnvelope(area: area, engine: engine)
        let cell = roadCellSize(width: box.maxX - box.minX, height: box.maxY - box.minY)
        let grid = NearestSeedGrid(seeds: sites, envelope: box, cellSize: cell) { a, da, b, db in
            prefers(owner[Int(a)], at: da, over: owner[Int(b)], at: db)
        }
        // Labels are indexes into the sorted owner keys.
        let keys = Array(Set(owner)).sorted()
        let labelOf = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
        let siteLabel = owner.map { labelOf[$0]! }
        let labels = grid.seed.map { $0 < 0 ? -1 : siteLabel[Int($0)] }
        let pieces = try LabelPolygonizer.polygons(of: LabelPolygonizer.Grid(
            labels: labels, width: grid.width, height: grid.height, minX: grid.minX, maxY: grid.maxY, cellSize: cell))
        var parts = [[Geometry]](repeating: [], count: keys.count)
        for p in pieces { parts[Int(p.label)].append(p.polygon) }
        let clipped = try clip(parts, to: area)
        var result: [Int: Geometry] = [:]
        for (k, g) in clipped.enumerated() { if let g { result[keys[k]] = g } }
        return result
    }

    /// Straight-line catchments: the Voronoi cell of each distinct site
    /// location, clipped to `area`.
    static func voronoiPolygons(sites: [Coordinate], owner: [Int], area: Geometry, engine: GeometryEngine) throws -> [Int: Geometry] {
        guard !sites.isEmpty else { return [:] }
        if sites.count == 1 { return [owner[0]: area] }
        let cells = try engine.voronoiCells(sites, envelope: area)
        // Which cell holds which site: a cell contains exactly its own site.
        let located = try PolygonLocator.locateAll(sites, in: cells)
        let parts = sites.indices.map { located[$0] >= 0 ? [cells[Int(located[$0])]] : [] }
        let clipped = try clip(parts, to: area)
        var result: [Int: Geometry] = [:]
        for (k, g) in clipped.enumerated() { if let g { result[owner[k]] = g } }
        return result
    }

    /// Each list of non-overlapping pieces clipped to `area` as one geometry,
    /// on all threads (one clipper, with its own GEOS context, per thread).
    static func clip(_ parts: [[Geometry]], to area: Geometry) throws -> [Geometry?] {
        var out = [Geometry?](repeating: nil, count: parts.count)
        try out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let base = buffer.baseAddress!
            try ParallelWork.forEachWorker(count: parts.count) { _, indexes in
                let clipper = try AreaClipper(area: area)
                for k in indexes {
                    var polygons: [[[Coordinate]]] = []
                    for piece in parts[k] {
                        switch try clipper.clip(piece) {
                        case .polygon(let rings)?: polygons.append(rings)
                        case .multiPolygon(let ps)?: polygons += ps
                        default: break
                        }
                    }
                    if !polygons.isEmpty { base[k] = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons) }
                }
            }
        }
        return out
    }

    /// The study area's envelope with a margin, so that road nodes just
    /// outside the area still take part with their true position (nodes
    /// beyond the margin enter through the nearest border cell).
    static let gridMarginM = 1_000.0

    public static func gridEnvelope(area: Geometry, engine: GeometryEngine) throws -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let b = try envelope(of: area, engine: engine)
        return (b.minX - gridMarginM, b.minY - gridMarginM, b.maxX + gridMarginM, b.maxY + gridMarginM)
    }

    static func envelope(of g: Geometry, engine: GeometryEngine) throws -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var b = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        func add(_ cs: [Coordinate]) {
            for c in cs { b.minX = min(b.minX, c.x); b.minY = min(b.minY, c.y); b.maxX = max(b.maxX, c.x); b.maxY = max(b.maxY, c.y) }
        }
        func walk(_ g: Geometry) {
            switch g {
            case .point(let c): add([c])
            case .multiPoint(let cs), .lineString(let cs): add(cs)
            case .multiLineString(let ls): ls.forEach(add)
            case .polygon(let rings): rings.first.map(add)
            case .multiPolygon(let ps): ps.forEach { $0.first.map(add) }
            case .collection(let gs): gs.forEach(walk)
            }
        }
        walk(g)
        guard b.minX.isFinite else { throw GeoError.geos(operation: "envelope", message: "the study area is empty") }
        return b
    }

    /// Computes catchments for the open practices with the given method.
    ///
    /// With eligibility sets (issue 13) the partition is drawn for the fully
    /// open practices only — the area each serves for residents whom no
    /// restricted practice accepts — and every restricted practice gets an
    /// overlay (`eligibleOnly`, see `eligiblePolygons`) after them.
    public static func compute(method: CatchmentMethod, result: AnalysisResult, population: [PopulationPoint],
                               practices: [Practice], regions: [Region], eligible: EligibleSets? = nil) throws -> [Catchment] {
        try compute(method: method, parameters: result.parameters, road: result.road, nearestOpen: OptionalIDs(result.points.lazy.map(\.nearestOpen)),
                    population: population, practices: practices, regions: regions, eligible: eligible)
    }

    /// `compute` from the parts of an analysis it reads: road catchments
    /// need only the routing (`road`), so they can be drawn before the
    /// indicators are assembled; `nearestOpen` (straight line, per point) is
    /// read by the voronoi method only.
    static func compute(method: CatchmentMethod, parameters: AnalysisParameters, road: RoadResult?, nearestOpen: OptionalIDs<PracticeIndex>?,
                        population: [PopulationPoint], practices: [Practice], regions: [Region],
                        eligible: EligibleSets?) throws -> [Catchment] {
        let engine = try GeometryEngine()
        let area = try studyArea(population: population, practices: practices, regions: regions, engine: engine)
        let availability = PracticeAvailability(practices: practices, parameters: parameters, eligible: eligible)
        let open = practices.indices.filter { parameters.isOpen(practices[$0].status) && !availability.restricted[$0] }
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
        let assigned: OptionalIDs<PracticeIndex>
        switch method {
        case .voronoi:
            let keys = members.keys.sorted()
            polygons = try voronoiPolygons(sites: keys.map { practices[$0].location }, owner: keys, area: area, engine: engine)
            assigned = nearestOpen ?? OptionalIDs(repeating: nil, count: 0)
        case .road:
            guard let road else { throw CatchmentError.needsRoads }
            let graph = road.graph, graphLabels = road.nodePractice
            var sites: [Coordinate] = [], owners: [Int] = []
            for v in 0..<graph.nodeCount {
                guard let j = graphLabels[v], let site = siteOfPractice[j.index] else { continue }
                sites.append(graph.coordinate(ofNode: v))
                owners.append(site)
            }
            polygons = try roadPolygons(sites: sites, owner: owners, area: area, engine: engine)
            assigned = road.roadPractice
        }
        var inhabitants: [Int: Double] = [:]
        for (i, p) in assigned.enumerated() {
            if let p, let site = siteOfPractice[p.index] { inhabitants[site, default: 0] += population[i].inhabitants }
        }
        let partition = members.keys.sorted().compactMap { key -> Catchment? in
            guard let g = polygons[key] else { return nil }
            return Catchment(practices: members[key]!, geometry: g, inhabitants: inhabitants[key] ?? 0)
        }
        guard availability.restricted.contains(true) else { return partition }
        let overlays = try eligiblePolygons(population: population, assigned: assigned, restricted: availability.restricted,
                                            area: area, engine: engine)
        var served: [Int: Double] = [:]
        for (i, p) in assigned.enumerated() {
            guard let p, availability.restricted[p.index] else { continue }
            served[p.index, default: 0] += population[i].inhabitants
        }
        return partition + overlays.keys.sorted().map { j in
            Catchment(practices: [j], geometry: overlays[j]!, inhabitants: served[j] ?? 0, eligibleOnly: true)
        }
    }

    /// Catchments of practices restricted to an eligibility area: the places
    /// whose nearest population point is served by the practice (its
    /// per-point assignment, "the nearest practice that will take you"),
    /// on the road catchment grid (`NearestSeedGrid` over the population
    /// points, ties by point index), polygonized and clipped to `area`. So a
    /// restricted catchment is the part of its eligibility area where it is
    /// the nearest practice that takes the residents, as far as population
    /// points show it: the border lies halfway between served and unserved
    /// points, not on a postcode or village boundary.
    static func eligiblePolygons(population: [PopulationPoint], assigned: OptionalIDs<PracticeIndex>, restricted: [Bool], area: Geometry,
                                 engine: GeometryEngine) throws -> [Int: Geometry] {
        // Per point, its practice when restricted (raw, -1: none), as the grid's labels are.
        let label = assigned.map { j -> Int32 in j.map { restricted[$0.index] } == true ? j.raw : -1 }
        guard label.contains(where: { $0 >= 0 }) else { return [:] }
        let box = try gridEnvelope(area: area, engine: engine)
        let cell = roadCellSize(width: box.maxX - box.minX, height: box.maxY - box.minY)
        let grid = NearestSeedGrid(seeds: population.map(\.location), envelope: box, cellSize: cell) { a, da, b, db in
            da != db ? da < db : a < b
        }
        let keys = Array(Set(label.filter { $0 >= 0 })).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
        let labels = grid.seed.map { k -> Int32 in k < 0 || label[Int(k)] < 0 ? -1 : labelIndex[label[Int(k)]]! }
        let pieces = try LabelPolygonizer.polygons(of: LabelPolygonizer.Grid(
            labels: labels, width: grid.width, height: grid.height, minX: grid.minX, maxY: grid.maxY, cellSize: cell))
        var parts = [[Geometry]](repeating: [], count: keys.count)
        for p in pieces { parts[Int(p.label)].append(p.polygon) }
        var result: [Int: Geometry] = [:]
        for (k, g) in try clip(parts, to: area).enumerated() { if let g { result[Int(keys[k])] = g } }
        return result
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
