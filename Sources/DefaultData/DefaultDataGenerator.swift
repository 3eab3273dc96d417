import Geo
import Access

/// The embedded default data set: a SYNTHETIC province modelled on Drenthe.
/// All geometry in EPSG:28992 metres.
public struct DefaultDataSet: Sendable, Hashable {
    /// 500 m grid cells; ids "C-<x>-<y>" with the cell's lower-left corner in metres.
    public var population: [PopulationPoint]
    /// Practices "P001"…, status as of `PracticeGenerator.statusDate`, source "synthetic".
    public var practices: [Practice]
    /// The municipalities; id = CBS code.
    public var regions: [Region]
    /// The synthetic road network (`DefaultRoadGenerator`), EPSG:28992.
    public var roads: [DefaultRoad]
    /// A short status history (`StatusHistoryGenerator`), for `bereik trend`.
    public var statusHistory: [StatusChange]

    public init(population: [PopulationPoint], practices: [Practice], regions: [Region], roads: [DefaultRoad] = [],
                statusHistory: [StatusChange] = []) {
        self.population = population
        self.practices = practices
        self.regions = regions
        self.roads = roads
        self.statusHistory = statusHistory
    }
}

/// Builds `DefaultDataSet` from `DrenthePlaces`. Deterministic: every run on
/// every platform gives the same data set (own PRNG, fixed seed, no
/// dictionary iteration order).
public enum DefaultDataGenerator {
    static let seed: UInt64 = 0x0B3E_121C_D2E7_7E00

    public static func generate() throws -> DefaultDataSet {
        let municipalities = DrenthePlaces.municipalities
        let engine = try GeometryEngine()
        let toRD = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        let shapes = try MunicipalityPolygons.build(municipalities, outlineLonLat: DrenthePlaces.outline,
                                                    toRD: toRD, engine: engine)

        var grid = try PopulationGrid(polygons: shapes)
        var ageRNG = SplitMix64(seed: seed, stream: "age")
        var ruralRNG = SplitMix64(seed: seed, stream: "rural")
        var practices = PracticeGenerator(rng: SplitMix64(seed: seed, stream: "practices"),
                                          municipalities: municipalities)
        let postcodes = try PlacePostcodes.codes(municipalities)
        var places: [StatusHistoryGenerator.Place] = []
        for (m, municipality) in municipalities.enumerated() {
            for (k, (place, location)) in zip(municipality.places, shapes.placeLocations[m]).enumerated() {
                let base = olderShareBase(inhabitants: place.inhabitants)
                try grid.spread(place: place, at: location, municipality: m) { base + ageRNG.uniform(0, 0.03) }
                practices.addPractices(for: place, at: location, placeIndex: places.count)
                places.append(.init(pc4: postcodes[m][k], location: location,
                                    practices: PracticeGenerator.practiceCount(inhabitants: place.inhabitants)))
            }
            try grid.scatterRural(municipality.ruralInhabitants, municipality: m, name: municipality.name,
                                  rng: &ruralRNG)
        }
        practices.assignStatuses()
        let history = practices.addHistory(places: places, seed: seed)

        let regions = zip(municipalities, shapes.polygons).map { m, polygon in
            Region(id: m.code, name: m.name, geometry: polygon, designation: m.designation)
        }
        var roadRNG = SplitMix64(seed: seed, stream: "roads")
        let ring = try toRD.transform(DrenthePlaces.outline)
        let roads = try DefaultRoadGenerator.generate(municipalities: municipalities, placeLocations: shapes.placeLocations,
                                                      outline: ring, toRD: toRD, rng: &roadRNG)
        var population = grid.points()
        let placePoints = places.map { (location: $0.location, pc4: $0.pc4) }
        for i in population.indices {
            population[i].postcode = Postcode(pc4: PlacePostcodes.nearest(population[i].location, places: placePoints))
        }
        return DefaultDataSet(population: population, practices: practices.practices, regions: regions, roads: roads,
                              statusHistory: history)
    }

    /// Share of inhabitants aged 65+ before jitter: lower in towns, higher in
    /// villages (Drenthe as a whole is about a quarter 65+).
    static func olderShareBase(inhabitants: Int) -> Double {
        switch inhabitants {
        case 20_000...: return 0.215
        case 3_000..<20_000: return 0.235
        default: return 0.255
        }
    }
}
