import Access
import Foundation
import Geo

/// `POST /api/sites`: a GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat)
/// of housing sites, with the fields `bereik sites` reads: a number of homes
/// (homes, woningen, aantal_woningen, ...), optionally household_size,
/// site_id/id and name. Points or polygons.
enum SiteRequest {
    static func sites(from body: [UInt8], limits: RequestLimits, transformers: TransformerPool,
                      inputsExtent: Envelope) throws -> (sites: [HousingSite], householdSize: Double?) {
        let root = try JSONInput.object(JSONInput.parse(body), field: "body")
        let type = try JSONInput.string(root["type"], field: "type")
        guard type == "FeatureCollection" else {
            throw APIError("wrong_value", field: "type", expected: "\"FeatureCollection\"", found: "\"\(type)\"")
        }
        var householdSize: Double?
        if let h = root["household_size"], !(h is NSNull) {
            let v = try JSONInput.number(h, field: "household_size")
            guard v > 0, v <= HousingSite.maxHouseholdSize else { throw APIError("out_of_range", field: "household_size", expected: "persons per home, more than 0 and at most \(Int(HousingSite.maxHouseholdSize))", found: String(v)) }
            householdSize = v
        }
        let features = try JSONInput.array(root["features"], field: "features")
        guard !features.isEmpty else { throw APIError("no_sites", field: "features", expected: "at least one feature", found: "0 features") }
        guard features.count <= limits.maxSites else {
            throw APIError("too_many_sites", field: "features", expected: "at most \(limits.maxSites) features", found: "\(features.count) features")
        }
        var vertices = 0
        var sites: [HousingSite] = []
        for (k, item) in features.enumerated() {
            let path = "features[\(k)]"
            let f = try JSONInput.object(item, field: path)
            let g = try JSONInput.object(f["geometry"], field: path + ".geometry")
            let props = f["properties"] is NSNull ? [:] : try JSONInput.object(f["properties"] ?? [String: Any](), field: path + ".properties")
            let lonLat = try geometry(g, field: path + ".geometry", vertices: &vertices, limits: limits)
            let transformer = try transformers.take()
            defer { transformers.give(transformer) }
            let rd: Geometry
            do { rd = try transformer.transform(lonLat) } catch {
                throw APIError("bad_coordinate", field: path + ".geometry", expected: "WGS84 lon/lat that can be transformed to RD New", found: "\(error)")
            }
            // The rule of `bereik sites`: a site farther from the inputs is taken for wrong coordinates.
            let km = SitesJob.distanceKm(rd, from: inputsExtent)
            guard km <= SitesJob.maxSiteDistanceKm else {
                throw APIError("outside_study_area", field: path + ".geometry",
                               expected: "a site within \(Int(SitesJob.maxSiteDistanceKm)) km of the population points and practices (WGS84 lon/lat)",
                               found: "\(Int(km.rounded())) km away")
            }
            func value(_ role: FieldRole) -> (String, FieldValue)? {
                for c in role.candidates {
                    if let key = props.keys.sorted().first(where: { fold($0) == fold(c) }) { return (key, fieldValue(props[key])) }
                }
                return nil
            }
            guard let (homesKey, homesValue) = value(.homes) else {
                throw APIError("missing_field", field: path + ".properties.homes", expected: "a number of homes (one of \(FieldRole.homes.candidates.joined(separator: ", ")))", found: "no such property")
            }
            let maxHomes = min(limits.maxHomes, HousingSite.maxHomes)
            guard let homes = ValueParsing.number(homesValue), homes >= 0, homes <= maxHomes else {
                throw APIError("invalid_value", field: path + ".properties." + homesKey, expected: "a number of homes from 0 to \(Int(maxHomes))",
                               found: homesValue.text ?? "null")
            }
            var size: Double?
            if let (key, v) = value(.householdSize), let text = v.text, !text.isEmpty {
                guard let n = ValueParsing.number(v), n > 0, n <= HousingSite.maxHouseholdSize else {
                    throw APIError("invalid_value", field: path + ".properties." + key,
                                   expected: "persons per home, more than 0 and at most \(Int(HousingSite.maxHouseholdSize))", found: text)
                }
                size = n
            }
            func text(_ role: FieldRole) -> String? { value(role)?.1.text.flatMap { $0.isEmpty ? nil : $0 } }
            let id = text(.siteID) ?? String(k + 1)
            sites.append(HousingSite.given(id: id, name: text(.siteName) ?? id, geometry: rd, homes: homes, householdSize: size))
        }
        return (sites, householdSize)
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }

    static func fieldValue(_ v: Any?) -> FieldValue {
        switch v {
        case let s as String: return .string(s)
        case let b as Bool: return .boolean(b)
        case let n as NSNumber:
            let d = n.doubleValue
            return d.rounded() == d && abs(d) < 1e15 ? .integer(Int64(d)) : .real(d)
        default: return .null
        }
    }

    /// A Point, Polygon or MultiPolygon in lon/lat, every position checked.
    static func geometry(_ g: [String: Any], field: String, vertices: inout Int, limits: RequestLimits) throws -> Geometry {
        let type = try JSONInput.string(g["type"], field: field + ".type")
        let coordinates = g["coordinates"]
        func position(_ v: Any?, _ f: String) throws -> Coordinate {
            let p = try JSONInput.array(v, field: f)
            guard p.count == 2 || p.count == 3 else {
                throw APIError("wrong_value", field: f, expected: "a position [lon, lat]", found: "\(p.count) numbers")
            }
            let lon = try JSONInput.number(p[0], field: f + "[0]"), lat = try JSONInput.number(p[1], field: f + "[1]")
            guard (-180...180).contains(lon) else { throw APIError("out_of_range", field: f + "[0]", expected: "a longitude in [-180, 180]", found: String(lon)) }
            guard (-90...90).contains(lat) else { throw APIError("out_of_range", field: f + "[1]", expected: "a latitude in [-90, 90]", found: String(lat)) }
            vertices += 1
            guard vertices <= limits.maxVertices else {
                throw APIError("too_many_vertices", field: f, expected: "at most \(limits.maxVertices) vertices in all sites", found: "more")
            }
            return Coordinate(x: lon, y: lat)
        }
        func ring(_ v: Any?, _ f: String) throws -> [Coordinate] {
            let list = try JSONInput.array(v, field: f)
            guard list.count >= 4 else { throw APIError("wrong_value", field: f, expected: "a closed ring of at least 4 positions", found: "\(list.count) positions") }
            guard vertices + list.count <= limits.maxVertices else {
                throw APIError("too_many_vertices", field: f, expected: "at most \(limits.maxVertices) vertices in all sites", found: "\(vertices + list.count) or more")
            }
            let cs = try list.enumerated().map { try position($1, f + "[\($0)]") }
            guard cs.first == cs.last else { throw APIError("wrong_value", field: f, expected: "a closed ring (last position = first)", found: "an open ring") }
            return cs
        }
        func polygon(_ v: Any?, _ f: String) throws -> [[Coordinate]] {
            let rings = try JSONInput.array(v, field: f)
            guard !rings.isEmpty else { throw APIError("wrong_value", field: f, expected: "at least one ring", found: "none") }
            return try rings.enumerated().map { try ring($1, f + "[\($0)]") }
        }
        switch type {
        case "Point": return .point(try position(coordinates, field + ".coordinates"))
        case "Polygon": return .polygon(try polygon(coordinates, field + ".coordinates"))
        case "MultiPolygon":
            let parts = try JSONInput.array(coordinates, field: field + ".coordinates")
            guard !parts.isEmpty else { throw APIError("wrong_value", field: field + ".coordinates", expected: "at least one polygon", found: "none") }
            return .multiPolygon(try parts.enumerated().map { try polygon($1, field + ".coordinates[\($0)]") })
        default:
            throw APIError("wrong_value", field: field + ".type", expected: "Point, Polygon or MultiPolygon", found: "\"\(type)\"")
        }
    }
}
