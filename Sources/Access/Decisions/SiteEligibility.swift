import Foundation
import Geo

/// Who would take the new residents of housing sites when some practices
/// accept new patients only from an area (issue 13). A site's residents'
/// postcode comes from the site's `postcode` field, else from the
/// `--postcode-areas` polygon it lies in (`SitePostcodes`); a practice
/// restricted to a postcode list accepts them only when that postcode is in
/// its list (no postcode: it cannot be decided, and it does not); a practice restricted to polygons accepts the
/// site's points that lie inside them (point in polygon, GEOS). Every other
/// practice that counts as open accepts everyone.
struct SiteEligibility {
    /// Practice index → its eligibility area, for the restricted practices.
    let areas: [Int: EligibilityArea]

    /// The restricted practices: the keys of `eligible` (nil or empty: none).
    init(practices: [Practice], eligible: EligibleSets?) {
        var areas: [Int: EligibilityArea] = [:]
        for key in eligible?.restrictedPractices ?? [] where Int(key) < practices.count {
            if let area = practices[Int(key)].eligibility { areas[Int(key)] = area }
        }
        self.areas = areas
    }

    var isEmpty: Bool { areas.isEmpty }

    /// Some restricted practice takes new patients only from a postcode list.
    var hasPostcodeLists: Bool { areas.values.contains { if case .postcodes = $0 { return true }; return false } }

    /// Per restricted practice, the sample points it accepts; `owner[k]` is
    /// the site of sample k.
    func sets(samples: [PopulationPoint], owner: [Int], sites: [HousingSite]) throws -> EligibleSets {
        var sets = EligibleSets()
        let polygonPractices = areas.keys.sorted().compactMap { j -> (Int, Geometry)? in
            if case .polygons(let g) = areas[j]! { return (j, g) }
            return nil
        }
        let covered = try PolygonLocator.coveredPoints(samples.map(\.location), by: polygonPractices.map(\.1))
        for (k, (j, _)) in polygonPractices.enumerated() { sets.pointsByPractice[Int32(j)] = covered[k] }
        for (j, area) in areas {
            guard case .postcodes(let list) = area else { continue }
            sets.pointsByPractice[Int32(j)] = samples.indices.filter { k in
                sites[owner[k]].postcode.map(list.contains) ?? false
            }.map { Int32($0) }
        }
        return sets
    }

    /// Each sample's nearest and second-nearest practice that takes it
    /// (straight line): the fully open pair, improved by every restricted
    /// practice over the samples it accepts. Ties go to the lower index.
    static func nearest(samples: [PopulationPoint], practices: [Practice], open: [NearestPair],
                        sets: EligibleSets) -> [NearestPair] {
        var result = open
        for j in sets.restrictedPractices {
            for k in sets.pointsByPractice[j]! {
                // A restricted practice is in no fully open pair and offered once per sample.
                result[Int(k)].offer(samples[Int(k)].location.distance(to: practices[Int(j)].location), PracticeIndex(raw: j))
            }
        }
        return result
    }

    /// What the verdict rests on, in words (nil without restricted practices).
    /// `postcodeAreas`: the `--postcode-areas` file, when given.
    func reason(site: HousingSite, samples: [Int], sets: EligibleSets, practices: [Practice], postcodeAreas: String? = nil) -> String? {
        guard !isEmpty else { return nil }
        let mine = Set(samples.map { Int32($0) })
        let accepting = areas.keys.sorted().filter { j in sets.pointsByPractice[Int32(j)]!.contains { mine.contains($0) } }
        let lists = areas.values.filter { if case .postcodes = $0 { return true }; return false }.count
        var text: String
        if let code = site.postcode {
            let source = site.postcodeSource == .areas
                ? "the postcode area the site lies in, --postcode-areas \(postcodeAreas.map { ($0 as NSString).lastPathComponent } ?? "")"
                : "the site's postcode field"
            text = "the residents' postcode is \(code) (\(source))"
        } else if lists > 0 {
            let why = postcodeAreas.map { "the site has no postcode field and lies in no postcode area of \(($0 as NSString).lastPathComponent)" }
                ?? "the site has no postcode field and no --postcode-areas FILE was given"
            text = "\(why), so whether the \(lists) practices that take new patients only from a postcode list would take its residents cannot be decided; they do not count for it"
        } else {
            text = "the site has no postcode"
        }
        let polygons = areas.count - lists
        if polygons > 0 { text += "; \(polygons) practices take new patients only from their area (polygons), checked by location" }
        let names = accepting.prefix(4).map { practices[$0].name == practices[$0].id ? practices[$0].id : "\(practices[$0].name) (\(practices[$0].id))" }
        text += accepting.isEmpty ? "; no practice with a partial stop takes them, only fully open practices count"
            : "; \(accepting.count) practices with a partial stop take them (\(names.joined(separator: ", "))\(accepting.count > 4 ? ", …" : ""))"
        return text
    }
}
