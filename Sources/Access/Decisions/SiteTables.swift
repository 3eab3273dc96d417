import Geo

/// `sites.geojson` / `sites.csv`: one row per housing site.
enum SiteTables {
    /// With `postcode` and `postcode_source` after `verdict` when some practice
    /// takes new patients only from a postcode list (`SiteCheck.postcodeDecides`):
    /// the same for the CLI's sites.csv and serve's answer.
    static func sites(_ checks: [SiteCheck], practices: [Practice], modes: [String], measure: String) -> OutputTable {
        let postcodes = checks.contains(where: \.postcodeDecides)
        func id(_ j: Int?) -> FieldValue { j.map { .string(practices[$0].id) } ?? .null }
        var fields = [FieldDefinition("site_id", .string), FieldDefinition("name", .string), FieldDefinition("homes", .real),
                      FieldDefinition("household_size", .real), FieldDefinition("new_residents", .real),
                      FieldDefinition("verdict", .string), FieldDefinition("measure", .string),
                      FieldDefinition("sample_points", .integer), FieldDefinition("share_points_within", .real),
                      FieldDefinition("nearest_practice_id", .string), FieldDefinition("nearest_practice_name", .string),
                      FieldDefinition("distance_m", .real)]
        fields += modes.map { FieldDefinition("minutes_\($0)", .real) }
        fields += [FieldDefinition("serving_practice_id", .string), FieldDefinition("serving_distance_m", .real),
                   FieldDefinition("headroom_places", .real), FieldDefinition("headroom_basis", .string),
                   FieldDefinition("practices_within", .string), FieldDefinition("headroom_within", .real),
                   FieldDefinition("reasons", .string)]
        if postcodes { fields.insert(contentsOf: [FieldDefinition("postcode", .string), FieldDefinition("postcode_source", .string)], at: 6) }
        let rows = checks.map { c -> [FieldValue] in
            var row: [FieldValue] = [.string(c.site.id), .string(c.site.name), .real(c.site.homes),
                                     .real(c.householdSize),
                                     .real(c.newResidents.rounded()), .string(c.verdict.rawValue), .string(measure),
                                     .integer(Int64(c.samplePoints)), DecisionFiles.round(c.shareWithin, 1000),
                                     id(c.nearestPractice), c.nearestPractice.map { .string(practices[$0].name) } ?? .null,
                                     DecisionFiles.metres(c.distanceM)]
            row += c.minutes.map { DecisionFiles.round($0) }
            if postcodes {
                row.insert(contentsOf: [c.site.postcode.map { .string($0.description) } ?? .null,
                                        c.site.postcodeSource.map { .string($0.rawValue) } ?? .null], at: 6)
            }
            row += [id(c.serving?.practice), DecisionFiles.metres(c.serving?.meanM),
                    DecisionFiles.round(c.serving?.headroom.places, 1), c.serving.map { .string($0.headroom.basis) } ?? .null,
                    .string(c.candidates.map { practices[$0.practice].id }.joined(separator: ";")),
                    // Unknown room in any candidate makes the sum unknown, not smaller.
                    c.candidates.contains { $0.headroom.places == nil } ? .null
                        : .real(c.candidates.compactMap(\.headroom.places).map { max(0, $0) }.reduce(0, +).rounded()),
                    .string(c.reasons.joined(separator: "; "))]
            return row
        }
        return OutputTable(name: "sites", fields: fields, rows: rows, geometries: checks.map { c -> Geometry? in
            if case .polygon(let rings) = c.site.geometry { return .multiPolygon([rings]) }
            return c.site.geometry
        }, kind: .unknown)
    }
}
