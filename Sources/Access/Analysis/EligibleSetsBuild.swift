import Geo

extension EligibleSets {
    /// Who each restricted practice accepts: for every practice that is
    /// partial and has an eligibility area, the ascending indexes of the
    /// points inside it — by the points' postcodes for a postcode list
    /// (`PostcodeSet.contains`: a point known only by its PC4 is inside only
    /// through a PC4 range), by point in polygon (GEOS, all cores) for
    /// polygons. Points without a postcode are counted when some practice has
    /// a postcode list. The result depends only on the points and practices
    /// as given, never on threads or timing.
    public static func build(population: [PopulationPoint], practices: [Practice]) throws -> EligibleSets {
        var byPractice: [Int32: [Int32]] = [:]
        var listPractices: [(Int32, PostcodeSet)] = []
        var polygonPractices: [(Int32, Geometry)] = []
        for (i, p) in practices.enumerated() where p.status == .partial {
            switch p.eligibility {
            case .postcodes(let set)?: listPractices.append((Int32(i), set))
            case .polygons(let g)?: polygonPractices.append((Int32(i), g))
            case nil: break
            }
        }
        var without = 0, withoutInhabitants = 0.0
        if !listPractices.isEmpty {
            // Points by PC4 area (PC4-only and PC6 points) and by exact PC6.
            var byPC4: [Int: [Int32]] = [:], byPC6: [Postcode: [Int32]] = [:]
            for (j, point) in population.enumerated() {
                guard let code = point.postcode else {
                    without += 1
                    withoutInhabitants += point.inhabitants
                    continue
                }
                byPC4[code.pc4, default: []].append(Int32(j))
                if code.isPC6 { byPC6[code, default: []].append(Int32(j)) }
            }
            let areas = byPC4.keys.sorted()
            for (i, set) in listPractices {
                var accepted: [Int32] = []
                for range in set.pc4Ranges {
                    // Only the areas that hold points, not every code of the range.
                    var k = areas.lowerBound(of: range.lowerBound)
                    while k < areas.count && areas[k] <= range.upperBound {
                        accepted += byPC4[areas[k]]!
                        k += 1
                    }
                }
                for code in set.pc6 { accepted += byPC6[code] ?? [] }
                accepted.sort()
                byPractice[i] = dedupe(accepted)
            }
        }
        if !polygonPractices.isEmpty {
            let covered = try PolygonLocator.coveredPoints(population.map(\.location), by: polygonPractices.map(\.1))
            for (k, (i, _)) in polygonPractices.enumerated() { byPractice[i] = covered[k] }
        }
        return EligibleSets(pointsByPractice: byPractice, pointsWithoutPostcode: without, inhabitantsWithoutPostcode: withoutInhabitants)
    }

    private static func dedupe(_ sorted: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(sorted.count)
        for x in sorted where out.last != x { out.append(x) }
        return out
    }
}
