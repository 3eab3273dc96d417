import Geo

/// `sites.geojson` / `sites.csv`: one row per housing site, from its column spec.
enum SiteTables {
    /// With `postcode` and `postcode_source` after `verdict` when some practice
    /// takes new patients only from a postcode list (`SiteCheck.postcodeDecides`):
    /// the same for the CLI's sites.csv and serve's answer.
    static func sites(_ checks: [SiteCheck], practices: [Practice], modes: [String], measure: String) -> OutputTable {
        typealias S = SiteColumn
        typealias Column = OutputColumn<SiteCheck>
        let postcodes = checks.contains(where: \.postcodeDecides)
        var columns: [Column] = [
            .text(S.siteID) { $0.site.id },
            .text(S.name) { $0.site.name },
            .number(S.homes, .count, decimals: nil) { $0.site.homes },
            .number(S.householdSize, .inhabitants, decimals: nil) { $0.householdSize },
            .number(S.newResidents, .inhabitants, decimals: 0) { $0.newResidents },
            .text(S.verdict) { $0.verdict.rawValue },
        ]
        if postcodes {
            columns += [.text(S.postcode) { $0.site.postcode?.description }, .text(S.postcodeSource) { $0.site.postcodeSource?.rawValue }]
        }
        columns += [
            .text(S.measure) { _ in measure },
            .count(S.samplePoints) { $0.samplePoints },
            .number(S.sharePointsWithin, .share, decimals: 3) { $0.shareWithin },
            .text(S.nearestPracticeID) { c in c.nearestPractice.map { practices[$0].id } },
            .text(S.nearestPracticeName) { c in c.nearestPractice.map { practices[$0].name } },
            .number(S.distanceM, .metres, decimals: 1) { $0.distanceM },
        ]
        columns += modes.indices.map { k in .number(S.minutes(modes[k]), .minutes, decimals: 2) { k < $0.minutes.count ? $0.minutes[k] : nil } }
        columns += [
            .text(S.servingPracticeID) { c in c.serving.map { practices[$0.practice].id } },
            .number(S.servingDistanceM, .metres, decimals: 1) { $0.serving?.meanM },
            .number(S.headroomPlaces, .places, decimals: 0) { $0.serving?.headroom.places },
            .text(S.headroomBasis) { $0.serving?.headroom.basis },
            .text(S.practicesWithin) { c in c.candidates.map { practices[$0.practice].id }.joined(separator: ";") },
            // Unknown room in any candidate makes the sum unknown, not smaller.
            .number(S.headroomWithin, .places, decimals: 0) { c in
                c.candidates.contains { $0.headroom.places == nil } ? nil
                    : c.candidates.compactMap(\.headroom.places).map { max(0, $0) }.reduce(0, +)
            },
            .text(S.reasons) { $0.reasons.joined(separator: "; ") },
        ]
        return OutputTable(name: "sites", columns: columns, rows: checks, geometries: checks.map { c -> Geometry? in
            if case .polygon(let rings) = c.site.geometry { return .multiPolygon([rings]) }
            return c.site.geometry
        }, kind: .unknown)
    }
}
