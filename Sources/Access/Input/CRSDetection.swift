import Geo

/// Recognises coordinates that clearly are RD New metres or WGS84 degrees
/// inside the Netherlands, for sources (CSV) that carry no CRS.
public enum CRSDetection {
    public enum Guess: Equatable {
        case rdNew, wgs84, swappedWGS84
        case unknown(example: String)
    }

    /// The Netherlands (with its territorial sea) in EPSG:28992 metres.
    public static let netherlandsRD = Envelope(minX: -7_000, minY: 289_000, maxX: 300_000, maxY: 629_000)
    /// The Netherlands in WGS84 degrees (x = longitude).
    public static let netherlandsWGS84 = Envelope(minX: 3.2, minY: 50.7, maxX: 7.3, maxY: 53.7)

    /// Needs 95 % of the sample inside one of the extents.
    public static func guess(_ sample: [Coordinate]) -> Guess {
        guard let first = sample.first else { return .unknown(example: "none") }
        let need = Double(sample.count) * 0.95
        func share(_ e: Envelope, swapped: Bool = false) -> Double {
            Double(sample.filter { e.contains(swapped ? Coordinate(x: $0.y, y: $0.x) : $0) }.count)
        }
        if share(netherlandsRD) >= need { return .rdNew }
        if share(netherlandsWGS84) >= need { return .wgs84 }
        if share(netherlandsWGS84, swapped: true) >= need { return .swappedWGS84 }
        return .unknown(example: "x=\(first.x), y=\(first.y)")
    }
}
