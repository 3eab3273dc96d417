import Geo
import Access

/// SYNTHETIC four-digit postcodes (PC4) for the default data set: each
/// place gets one code, numbered from a base per municipality that lies in
/// the province's real ranges (77xx–79xx, 93xx–94xx), in table order. They
/// are not the real codes of these places. A grid cell takes the code of its
/// nearest place: the municipalities are unions of the places' Voronoi
/// cells, so that place lies in the cell's own municipality.
enum PlacePostcodes {
    static let base: [String: Int] = [
        "GM0106": 9400, "GM0109": 7740, "GM0114": 7810, "GM0118": 7900, "GM0119": 7940, "GM1680": 9450,
        "GM1681": 7870, "GM1690": 7920, "GM1699": 9300, "GM1701": 7970, "GM1730": 9480, "GM1731": 9410,
    ]

    /// PC4 per place, `[municipality][place]`, all distinct.
    static func codes(_ municipalities: [DrenthePlaces.Municipality]) throws -> [[Int]] {
        var seen = Set<Int>()
        return try municipalities.map { m in
            guard let b = base[m.code] else { throw DefaultDataError.noPostcodeBase(m.code) }
            return try m.places.indices.map { k in
                let code = b + 1 + k
                guard seen.insert(code).inserted else { throw DefaultDataError.postcodeClash(m.places[k].name, code) }
                return code
            }
        }
    }

    /// The code of the nearest place (ties: the lower code).
    static func nearest(_ c: Coordinate, places: [(location: Coordinate, pc4: Int)]) -> Int {
        var best = places[0]
        var bestD = Double.infinity
        for p in places {
            let d = (p.location.x - c.x) * (p.location.x - c.x) + (p.location.y - c.y) * (p.location.y - c.y)
            if d < bestD || (d == bestD && p.pc4 < best.pc4) { best = p; bestD = d }
        }
        return best.pc4
    }

    /// Consecutive codes joined into ranges, ascending.
    static func runs(_ codes: [Int]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for c in Set(codes).sorted() {
            if let last = out.last, last.upperBound + 1 == c { out[out.count - 1] = last.lowerBound...c } else { out.append(c...c) }
        }
        return out
    }

    /// "9411-9413; 9417": the list form of `eligible_postcodes`.
    static func listText(_ codes: [Int]) -> String {
        runs(codes).map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: "; ")
    }

    static func set(_ codes: [Int]) -> PostcodeSet { PostcodeSet(pc4Ranges: runs(codes)) }
}
