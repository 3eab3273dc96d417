import Geo

/// The postcode of one place from `--postcode-areas` (point in polygon,
/// GEOS), by the rule population points get theirs: a PC6 area before a PC4
/// one, the lower postcode between overlapping areas of one kind. For a
/// server that answers about clicked places (`bereik serve`). Owns one GEOS
/// context: use it from one thread at a time.
public final class PostcodeAreaLookup {
    public let path: String
    public let areaCount: Int
    private let codes: [Postcode]
    private let locator: PolygonLocator

    public init(path: String, options: InputOptions) throws {
        let (areas, _) = try PostcodeAreas.read(path: path, options: options)
        self.path = path
        codes = areas.map(\.code)
        areaCount = areas.count
        locator = try PolygonLocator(polygons: areas.map(\.geometry))
    }

    /// The postcode of the area that covers `location` (EPSG:28992), nil when none does.
    public func postcode(at location: Coordinate) throws -> Postcode? {
        try locator.locate(location).map { codes[$0] }
    }
}
