import Geo

/// Regions that overlap (GEOS), reported with the area they share and the
/// rule the analysis applies: a point covered by several regions counts
/// only in the one with the smallest `region_id` (regions are analysed in
/// id order, see `StableOrder`), never twice.
public struct RegionOverlapReport: Codable, Sendable {
    public struct Pair: Codable, Sendable {
        public var regions: [String]
        public var areaM2: Double
    }

    public var overlappingPairs: Int
    public var totalAreaM2: Double
    public var rule: String
    /// The largest overlaps (at most 10).
    public var largest: [Pair]
}

enum RegionOverlapCheck {
    static let rule = "a population point (or practice) covered by several regions counts only in the region with the smallest region_id"
    /// Shared areas below this are slivers of generalised borders, not overlaps.
    static let minAreaM2 = 1.0

    static func check(_ regions: [Region], path: String) throws -> (RegionOverlapReport?, [String]) {
        guard regions.count > 1 else { return (nil, []) }
        let overlaps = try PolygonOverlaps.find(regions.map(\.geometry), minArea: minAreaM2)
        guard !overlaps.isEmpty else { return (nil, []) }
        let largest = overlaps.sorted { $0.area != $1.area ? $0.area > $1.area : ($0.first, $0.second) < ($1.first, $1.second) }.prefix(10)
        let report = RegionOverlapReport(
            overlappingPairs: overlaps.count, totalAreaM2: (overlaps.reduce(0) { $0 + $1.area } * 10).rounded() / 10, rule: rule,
            largest: largest.map { .init(regions: [regions[$0.first].id, regions[$0.second].id], areaM2: ($0.area * 10).rounded() / 10) })
        let examples = largest.prefix(3).map { "\(regions[$0.first].id) and \(regions[$0.second].id): \(km2($0.area)) km²" }
        let warning = "\(path): \(overlaps.count) pairs of regions overlap (\(km2(overlaps.reduce(0) { $0 + $1.area })) km² in total; largest: "
            + "\(examples.joined(separator: "; "))); \(rule). See run.json (regionOverlaps)."
        return (report, [warning])
    }

    static func km2(_ m2: Double) -> String { String(format: "%.3f", m2 / 1_000_000) }
}
