import Geo

/// Where a housing site's residents' postcode came from, which decides
/// whether a practice that takes new patients only from a postcode list
/// would take them.
public enum SitePostcodeSource: String, Sendable {
    /// The site file's `postcode` (or pc6, pc4, …) field.
    case field = "postcode field"
    /// The `--postcode-areas` polygon the site lies in (its point, or the
    /// point on surface of a polygon site).
    case areas = "postcode areas"
}

/// Fills in the postcode of sites without a `postcode` field from
/// `--postcode-areas FILE`: point in polygon (`PostcodeAreas`, GEOS
/// PolygonLocator; a PC6 polygon wins over a PC4 one) of the site's point,
/// or of the point on surface of a polygon site.
public enum SitePostcodes {
    struct Outcome {
        var sites: [HousingSite]
        /// Sites without a postcode field that lie in no postcode area.
        var outsideAreas: Int
        var report: InputReport?
    }

    static func fill(_ sites: [HousingSite], areasPath: String?, options: InputOptions) throws -> Outcome {
        var sites = markFieldPostcodes(sites)
        guard let areasPath else { return Outcome(sites: sites, outsideAreas: 0, report: nil) }
        let places = try placesToLocate(sites)
        guard !places.isEmpty else { return Outcome(sites: sites, outsideAreas: 0, report: nil) }
        var points = places.map { PopulationPoint(id: sites[$0.site].id, location: $0.at, inhabitants: 0) }
        var counts = PostcodeReport(source: "none")
        let report = try PostcodeAreas.assign(path: areasPath, options: options, to: &points, postcodes: &counts)
        for (k, place) in places.enumerated() {
            if let code = points[k].postcode { sites[place.site].setAreaPostcode(code) }
        }
        return Outcome(sites: sites, outsideAreas: counts.outsideAreas, report: report)
    }

    /// The same rule with areas already read (`bereik serve`, per request);
    /// without areas only the site file's postcodes count.
    public static func fill(_ sites: [HousingSite], lookup: PostcodeAreaLookup?) throws -> [HousingSite] {
        var sites = markFieldPostcodes(sites)
        guard let lookup else { return sites }
        for place in try placesToLocate(sites) {
            if let code = try lookup.postcode(at: place.at) { sites[place.site].setAreaPostcode(code) }
        }
        return sites
    }

    private static func markFieldPostcodes(_ sites: [HousingSite]) -> [HousingSite] {
        var sites = sites
        for i in sites.indices where sites[i].postcode != nil { sites[i].postcodeSource = .field }
        return sites
    }

    /// The sites without a postcode, with the place that decides their area:
    /// the site's point, or a polygon site's point on surface.
    private static func placesToLocate(_ sites: [HousingSite]) throws -> [(site: Int, at: Coordinate)] {
        let missing = sites.indices.filter { sites[$0].postcode == nil }
        guard !missing.isEmpty else { return [] }
        let engine = try GeometryEngine()
        return try missing.map { i in
            if case .point(let c) = sites[i].geometry { return (i, c) }
            return (i, try engine.pointOnSurface(sites[i].geometry))
        }
    }
}

private extension HousingSite {
    mutating func setAreaPostcode(_ code: Postcode) {
        postcode = code
        postcodeSource = .areas
    }
}
