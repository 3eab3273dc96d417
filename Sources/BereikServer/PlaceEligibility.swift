import Access
import Foundation
import Geo

/// Which partial practices take a resident at a clicked place, by the rules
/// population points follow (issue 13): a practice restricted to polygons
/// (`--eligibility`) takes the place when a polygon covers it (GEOS); one
/// restricted to a postcode list takes it when the place's postcode is in
/// the list. A clicked place has no postcode field, so its postcode comes from
/// `--postcode-areas` when given (PC6 before PC4, as for points); without
/// areas, or outside them, the postcode-list practices do not take it — as
/// they do not take a population point without a postcode — and the answer
/// says so. Built once; the GEOS parts are used under a lock.
final class PlaceEligibility: @unchecked Sendable {
    struct Decision {
        var postcode: Postcode?
        /// Where the postcode came from, in words.
        var postcodeSource: String
        /// Restricted practices that take the place, ascending.
        var accepting: [Int]
        /// Postcode-list practices that could not be decided (no postcode): counted as not taking it.
        var undecided: [Int]
        var note: String
    }

    let rule: PartialRule
    /// Partial practices that take new patients only from their area, ascending.
    let restricted: [Int]
    private let polygonPractices: [Int]
    private let listPractices: [(practice: Int, list: PostcodeSet)]
    private let polygons: PolygonLocator?
    private let areas: PostcodeAreaLookup?
    private let lock = NSLock()

    init(practices: [Practice], result: AnalysisResult, postcodeAreasPath: String?, options: InputOptions) throws {
        rule = result.parameters.partialRule ?? .closed
        let keys = rule == .eligible ? (result.eligibleSets?.restrictedPractices ?? []) : []
        restricted = keys.map(Int.init).filter { $0 < practices.count && practices[$0].eligibility != nil }
        var polygonPractices: [Int] = [], geometries: [Geometry] = [], lists: [(Int, PostcodeSet)] = []
        for j in restricted {
            switch practices[j].eligibility! {
            case .polygons(let g): polygonPractices.append(j); geometries.append(g)
            case .postcodes(let list): lists.append((j, list))
            }
        }
        self.polygonPractices = polygonPractices
        listPractices = lists
        polygons = geometries.isEmpty ? nil : try PolygonLocator(polygons: geometries)
        // The areas are read only when some practice needs a postcode.
        areas = lists.isEmpty ? nil : try postcodeAreasPath.map { try PostcodeAreaLookup(path: $0, options: options) }
    }

    /// Sites as `bereik sites` sees them: one without a postcode field takes
    /// the postcode of the `--postcode-areas` polygon its point (a polygon
    /// site's point on surface) lies in. Needed only when some practice takes
    /// new patients from a postcode list (otherwise the areas are not read).
    func withPostcodes(_ sites: [HousingSite]) throws -> [HousingSite] {
        lock.lock()
        defer { lock.unlock() }
        return try SitePostcodes.fill(sites, lookup: areas)
    }

    func decide(_ rd: Coordinate) throws -> Decision {
        guard !restricted.isEmpty else {
            return Decision(postcode: nil, postcodeSource: "not needed", accepting: [], undecided: [],
                            note: "No practice takes new patients only from an area: every open practice takes the place.")
        }
        lock.lock()
        defer { lock.unlock() }
        var accepting = try polygons.map { try $0.locateEvery(rd).map { polygonPractices[$0] } } ?? []
        var postcode: Postcode?, source: String, undecided: [Int] = []
        var notes: [String] = []
        if listPractices.isEmpty {
            source = "not needed"
        } else if let areas {
            postcode = try areas.postcode(at: rd)
            source = postcode == nil ? "none (outside every area of \(areas.path))" : "postcode areas (\(areas.path))"
        } else {
            source = "none (no --postcode-areas)"
        }
        if let postcode {
            accepting += listPractices.filter { $0.list.contains(postcode) }.map(\.practice)
        } else {
            undecided = listPractices.map(\.practice)
        }
        accepting.sort()
        if !polygonPractices.isEmpty {
            notes.append("\(polygonPractices.count) practices take new patients only from their area (polygons), checked at the place")
        }
        if !listPractices.isEmpty {
            if let postcode {
                notes.append("the place's postcode is \(postcode) (from \(source)), checked against the lists of \(listPractices.count) practices that take new patients only from listed postcodes")
            } else {
                notes.append("the place's postcode could not be determined (\(source.dropFirst(6).dropLast())), so eligibility could not be decided for the \(listPractices.count) practices that take new patients only from listed postcodes: they are treated as not taking the place, as for a population point without a postcode")
            }
        }
        notes.append(accepting.isEmpty ? "no practice with a partial stop takes the place" : "\(accepting.count) practices with a partial stop take the place")
        var note = notes.joined(separator: "; ") + "."
        note = note.prefix(1).uppercased() + note.dropFirst()
        return Decision(postcode: postcode, postcodeSource: source, accepting: accepting, undecided: undecided, note: note)
    }
}
