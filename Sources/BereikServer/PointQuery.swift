import Access
import Foundation
import Geo

/// `GET /api/point?lon=&lat=`: for a resident at that spot, the nearest
/// practices that take new patients, by road (per mode) and straight line,
/// with status and room; plus the population.geojson columns the CLI would
/// give a population point there.
enum PointQuery {
    static let keep = 3

    static func location(lon: String?, lat: String?, state: ServerState) throws -> (lonLat: Coordinate, rd: Coordinate) {
        func number(_ text: String?, _ field: String, _ range: ClosedRange<Double>) throws -> Double {
            guard let text, !text.isEmpty else { throw APIError("missing_parameter", field: field, expected: "a number", found: "nothing") }
            guard let v = ValueParsing.number(.string(text)) else {
                if JSONInput.namesNonFinite(text) { throw APIError("not_finite", field: field, expected: "a finite number", found: text) }
                throw APIError("wrong_type", field: field, expected: "a number (decimal degrees, e.g. 6.56)", found: text)
            }
            guard range.contains(v) else {
                throw APIError("out_of_range", field: field, expected: "a number in [\(Int(range.lowerBound)), \(Int(range.upperBound))] (WGS84 degrees)", found: text)
            }
            return v
        }
        let c = Coordinate(x: try number(lon, "lon", -180...180), y: try number(lat, "lat", -90...90))
        let rd: Coordinate
        do { rd = try state.toRD.with { try $0.transform(c) } } catch {
            throw APIError("bad_coordinate", field: "lon,lat", expected: "WGS84 lon/lat that can be transformed to RD New", found: "\(c.x), \(c.y)")
        }
        guard rd.isFinite, state.studyArea.contains(rd) else {
            throw APIError("outside_study_area", field: "lon,lat", expected: "a point inside the study area (within 20 km of the inputs)",
                           found: "\(lon ?? ""), \(lat ?? "")")
        }
        return (c, rd)
    }

    static func answer(lonLat: Coordinate, rd: Coordinate, state: ServerState) throws -> JSONOut {
        let practices = state.inputs.practices, parameters = state.parameters
        let decision = try state.eligibility.decide(rd)
        let accepting = Set(decision.accepting)
        func metres(_ d: Double) -> JSONOut { d.isFinite ? .number((d * 10).rounded() / 10) : .null }
        func minutes(_ m: Double) -> JSONOut { m.isFinite ? .number((m * 100).rounded() / 100) : .null }
        func id(_ j: PracticeIndex?) -> JSONOut { j.map { .string(practices[$0.index].id) } ?? .null }
        func describe(_ j: Int, _ extra: [(String, JSONOut)]) -> JSONOut {
            let p = practices[j], room = state.headroom(j)
            return .object([("practice_id", .string(p.id)), ("name", .string(p.name)), ("status", .string(p.status.rawValue))] + extra + [
                ("gp_fte", JSONOut.optional(p.gpFTE)),
                ("headroom_places", room.places.map { .number(($0 * 10).rounded() / 10) } ?? .null),
                ("headroom_basis", .string(room.basis)),
                ("lon", .number((state.practiceLonLat[j].x * 1e6).rounded() / 1e6)),
                ("lat", .number((state.practiceLonLat[j].y * 1e6).rounded() / 1e6)),
                ("takes_new_patients", .string(accepting.contains(j) ? "from its area, which includes this place" : "everyone")),
            ])
        }
        // Straight line: every practice that takes the place, nearest first (ties by id).
        let takers = practices.indices.filter { parameters.isOpen(practices[$0].status) || accepting.contains($0) }
        let byLine = takers.map { j -> (Int, Double) in
            let dx = practices[j].location.x - rd.x, dy = practices[j].location.y - rd.y
            return (j, (dx * dx + dy * dy).squareRoot())
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : practices[$0.0].id < practices[$1.0].id }.prefix(keep)
        var pairs: [(String, JSONOut)] = [
            ("query", .object([("lon", .number(lonLat.x)), ("lat", .number(lonLat.y)),
                               ("x", .number((rd.x * 10).rounded() / 10)), ("y", .number((rd.y * 10).rounded() / 10))])),
            ("measure", .string(state.routing == nil ? "straight line" : "by road")),
            ("eligibility", .object([
                ("partial_rule", .string(state.eligibility.rule.rawValue)),
                ("restricted_practices", .int(state.eligibility.restricted.count)),
                ("postcode", decision.postcode.map { .string($0.description) } ?? .null),
                ("postcode_source", .string(decision.postcodeSource)),
                ("accepting_practice_ids", .array(decision.accepting.map { .string(practices[$0].id) })),
                ("undecided_practice_ids", .array(decision.undecided.map { .string(practices[$0].id) })),
                ("note", .string(decision.note)),
            ])),
            ("nearest_straight_line", .array(byLine.map { describe($0.0, [("distance_m", metres($0.1))]) })),
        ]
        guard let routing = state.routing else {
            pairs.append(("nearest_by_road", .array([])))
            return .object(pairs)
        }
        let point = PopulationPoint(id: "query", location: rd, inhabitants: 1)
        let a = routing.access([point])
        // The practices that take the place only from their area, by road: the
        // nearest by length (first mode) and the quickest per mode, to be
        // compared with the open practices' kept labels as the analysis does.
        var restrictedLength: (PracticeIndex?, Double) = (nil, .infinity)
        var restrictedTime = [(PracticeIndex?, Double)](repeating: (nil, .infinity), count: routing.modes.count)
        if !accepting.isEmpty {
            state.searches.with { search in
                for (k, m) in routing.modes.enumerated() {
                    guard let s = m.snapper.snap(rd) else { continue }
                    if k == 0, let f = search.nearest(from: s, graph: routing.graph, targets: m.targets, weight: .length, k: 1,
                                                      only: accepting, limit: 200_000).first {
                        restrictedLength = (f.practice, f.cost)
                    }
                    if let f = search.nearest(from: s, graph: routing.graph, targets: m.targets, weight: .time, k: 1,
                                              only: accepting, limit: 6 * 3600).first {
                        restrictedTime[k] = (f.practice, f.cost / 60)
                    }
                }
            }
        }
        // The restricted practice wins when strictly nearer, or as near with a lower index.
        func better(_ r: (PracticeIndex?, Double), than o: (PracticeIndex?, Double)) -> (PracticeIndex?, Double) {
            guard let rp = r.0 else { return o }
            guard let op = o.0 else { return r }
            return r.1 < o.1 || (r.1 == o.1 && rp < op) ? r : o
        }
        let eligibleRule = state.baseline.result.road?.fullyOpen != nil
        // The population.geojson columns, named by the column spec.
        typealias P = PopulationColumn
        var columns: [(ColumnName, JSONOut)] = [
            (P.roadPracticeID, id(a.access[0].first)), (P.roadM, metres(a.access[0].firstM)),
            (P.roadSecondPracticeID, id(a.access[0].second)), (P.roadSecondM, metres(a.access[0].secondM)),
        ]
        if eligibleRule {
            let e = better(restrictedLength, than: (a.access[0].first, a.access[0].firstM))
            columns += [(P.roadEligiblePracticeID, id(e.0)), (P.roadEligibleM, metres(e.1))]
        }
        columns.append((P.snapM, metres(a.snapM[0])))
        for (k, m) in a.modes.enumerated() {
            let e = better(restrictedTime[k], than: (a.minutesPractice[k][0], a.minutes[k][0]))
            columns += [(P.roadMinutes(m), minutes(e.1)), (P.roadPracticeID(m), id(e.0))]
        }
        pairs.append(("population_columns", .object(columns.map { ($0.0.text, $0.1) })))
        // The three nearest by road length (first mode) among the practices that
        // take the place, then each one's quickest time per mode.
        var ranked: [(Int, Double)] = []
        var perMode: [[Int: Double]] = []
        let open = { (j: Int) in parameters.isOpen(practices[j].status) || accepting.contains(j) }
        if let first = routing.modes.first, let snapped = first.snapper.snap(rd) {
            state.searches.with { search in
                ranked = search.nearest(from: snapped, graph: routing.graph, targets: first.targets, weight: .length, k: keep,
                                        allowed: open, limit: 200_000).map { ($0.practice.index, $0.cost) }
                let wanted = Set(ranked.map(\.0))
                for m in routing.modes {
                    guard !wanted.isEmpty, let s = m.snapper.snap(rd) else { perMode.append([:]); continue }
                    let found = search.nearest(from: s, graph: routing.graph, targets: m.targets, weight: .time, k: keep,
                                               only: wanted, limit: 6 * 3600)
                    perMode.append(Dictionary(uniqueKeysWithValues: found.map { ($0.practice.index, $0.cost / 60) }))
                }
            }
        }
        pairs.append(("nearest_by_road", .array(ranked.map { j, m in
            describe(j, [("road_m", metres(m)),
                         ("minutes", .object(routing.modes.indices.map { k in
                             (routing.modes[k].mode.name, minutes(k < perMode.count ? perMode[k][j] ?? .infinity : .infinity))
                         }))])
        })))
        return .object(pairs)
    }
}
