/// A planar position. In metric work it is EPSG:28992 (RD New) metres:
/// `x` = easting, `y` = northing. In geographic CRSs `x` = longitude and
/// `y` = latitude (axis order is normalised on read).
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Euclidean distance in the units of the coordinates.
    public func distance(to other: Coordinate) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }

    public var description: String { "(\(x), \(y))" }
}

/// An axis-aligned rectangle.
public struct Envelope: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    public static let empty = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

    public var isEmpty: Bool { minX > maxX || minY > maxY }
    public var width: Double { isEmpty ? 0 : maxX - minX }
    public var height: Double { isEmpty ? 0 : maxY - minY }

    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }

    public mutating func expand(toInclude c: Coordinate) {
        if c.x < minX { minX = c.x }
        if c.x > maxX { maxX = c.x }
        if c.y < minY { minY = c.y }
        if c.y > maxY { maxY = c.y }
    }

    public mutating func expand(toInclude e: Envelope) {
        guard !e.isEmpty else { return }
        minX = Swift.min(minX, e.minX); minY = Swift.min(minY, e.minY)
        maxX = Swift.max(maxX, e.maxX); maxY = Swift.max(maxY, e.maxY)
    }
}
