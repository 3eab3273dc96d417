import Geo
import Access

/// The study area of the catchment tests: a 20 km square in RD New whose
/// south-west corner is (200,000, 500,000).
enum StudySquare {
    static let geometry: Geometry = .polygon([[Coordinate(x: 200_000, y: 500_000), Coordinate(x: 220_000, y: 500_000),
                                               Coordinate(x: 220_000, y: 520_000), Coordinate(x: 200_000, y: 520_000),
                                               Coordinate(x: 200_000, y: 500_000)]])

    /// A uniformly random point inside (x drawn first, then y).
    static func point(_ rng: inout SplitMix64) -> Coordinate {
        Coordinate(x: 200_000 + rng.unit() * 20_000, y: 500_000 + rng.unit() * 20_000)
    }
}
