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
enum SitePostcodes {
    struct Outcome {
        var sites: [HousingSite]
        /// Sites without a postcode field that lie in no postcode area.
        var outsideAreas: Int
        var report: InputReport?
    }

    static func fill(_ sites: [HousingSite], areasPath: String?, options: InputOptions) throws -> Outcome {
        var sites = sites
        for i in sites.indices where sites[i].postcode != nil { sites[i].postcodeSource = .field }
        let missing = sites.indices.filter { sites[$0].postcode == nil }
        guard let areasPath, !missing.isEmpty else { return Outcome(sites: sites, outsideAreas: 0, report: nil) }
        let engine = try GeometryEngine()
        var points = try missing.map { i -> PopulationPoint in
            let location: Coordinate
            if case .point(let c) = sites[i].geometry { location = c } else { location = try engine.pointOnSurface(sites[i].geometry) }
            return PopulationPoint(id: sites[i].id, location: location, inhabitants: 0)
        }
        var counts = PostcodeReport(source: "none")
        let report = try PostcodeAreas.assign(path: areasPath, options: options, to: &points, postcodes: &counts)
        for (k, i) in missing.enumerated() {
            guard let code = points[k].postcode else { continue }
            sites[i].postcode = code
            sites[i].postcodeSource = .areas
        }
        return Outcome(sites: sites, outsideAreas: counts.outsideAreas, report: report)
    }
}
