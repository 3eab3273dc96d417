import Geo
import Access

/// Municipal polygons of the synthetic province, in EPSG:28992: the Voronoi
/// cells of all places, clipped to the province outline and unioned per
/// municipality. Neighbouring municipalities share the Voronoi edges exactly,
/// so the polygons tile the province without gaps or overlaps.
struct MunicipalityPolygons {
    /// Province outline, RD metres.
    let outline: Geometry
    /// Place locations in RD metres, indexed like the municipalities' places.
    let placeLocations: [[Coordinate]]
    /// One polygonal geometry per municipality, in table order.
    let polygons: [Geometry]

    static func build(_ municipalities: [DrenthePlaces.Municipality], outlineLonLat: [Coordinate],
                      toRD: CoordinateTransformer, engine: GeometryEngine) throws -> MunicipalityPolygons {
        let outline = Geometry.polygon([try toRD.transform(outlineLonLat)])
        let placeLocations = try municipalities.map { m in try m.places.map { try toRD.transform($0.lonLat) } }
        let names = municipalities.flatMap { $0.places.map(\.name) }
        let sites = placeLocations.flatMap { $0 }

        let inside = try PolygonLocator(polygons: [outline])
        for (i, site) in sites.enumerated() where try inside.locate(site) == nil {
            throw DefaultDataError.placeOutsideOutline(names[i])
        }

        let cells = try engine.voronoiCells(sites, envelope: outline)
        let cellLocator = try PolygonLocator(polygons: cells)
        var cellOfSite = [Int]()
        for (i, site) in sites.enumerated() {
            guard let c = try cellLocator.locate(site), !cellOfSite.contains(c) else {
                throw DefaultDataError.placeWithoutVoronoiCell(names[i])
            }
            cellOfSite.append(c)
        }

        var polygons = [Geometry]()
        var site = 0
        for m in municipalities {
            var parts = [Geometry]()
            for _ in m.places {
                let clipped = try engine.intersection(cells[cellOfSite[site]], outline)
                if let poly = engine.polygonalPart(clipped) { parts.append(poly) }
                site += 1
            }
            let union = try engine.makeValid(try engine.unaryUnion(parts))
            polygons.append(engine.polygonalPart(union) ?? union)
        }
        return MunicipalityPolygons(outline: outline, placeLocations: placeLocations, polygons: polygons)
    }
}
