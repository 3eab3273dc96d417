/// Why the default data set could not be built from its table. These point
/// at a mistake in `DrenthePlaces`, not at user input.
public enum DefaultDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case placeOutsideOutline(String)
    case placeWithoutVoronoiCell(String)
    case noCellsForPlace(String)
    case notEnoughRuralCells(municipality: String)
    case noPostcodeBase(String)
    case postcodeClash(String, Int)

    public var description: String {
        switch self {
        case .placeOutsideOutline(let p): return "place \(p) lies outside the province outline"
        case .placeWithoutVoronoiCell(let p): return "place \(p) has no Voronoi cell of its own"
        case .noCellsForPlace(let p): return "place \(p) has no grid cell inside its municipality"
        case .notEnoughRuralCells(let m): return "municipality \(m) has too few empty grid cells for its rural inhabitants"
        case .noPostcodeBase(let m): return "municipality \(m) has no PC4 base in PlacePostcodes"
        case .postcodeClash(let p, let c): return "place \(p) would get PC4 \(c), which another place has"
        }
    }
}
