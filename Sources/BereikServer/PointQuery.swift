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
            guard let v = Double(text) else { throw APIError("wrong_type", field: field, expected: "a number", found: text) }
            guard v.isFinite else { throw APIError("not_finite", field: field, expected: "a finite number", found: text) }
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

    static func answer(lonLat: Coordinate, rd: Coordinate, state: ServerState) -> JSONOut {
        let practices = state.inputs.practices, parameters = state.parameters
        func metres(_ d: Double) -> JSONOut { d.isFinite ? .number((d * 10).rounded() / 10) : .null }
        func minutes(_ m: Double) -> JSONOut { m.isFinite ? .number((m * 100).rounded() / 100) : .null }
        func id(_ j: Int32) -> JSONOut { j >= 0 ? .string(practices[Int(j)].id) : .null }
        func describe(_ j: Int, _ extra: [(String, JSONOut)]) -> JSONOut {
            let p = practices[j], room = state.headroom(j)
            return .object([("practice_id", .string(p.id)), ("name", .string(p.name)), ("status", .string(p.status.rawValue))] + extra + [
                ("gp_fte", JSONOut.optional(p.gpFTE)),
                ("headroom_places", room.places.map { .number(($0 * 10).rounded() / 10) } ?? .null),
                ("headroom_basis", .string(room.basis)),
                ("lon", .number((state.practiceLonLat[j].x * 1e6).rounded() / 1e6)),
                ("lat", .number((state.practiceLonLat[j].y * 1e6).rounded() / 1e6)),
            ])
        }
        // Straight line: every open practice, nearest first (ties by id).
        let open = practices.indices.filter { parameters.isOpen(practices[$0].status) }
        let byLine = open.map { j -> (Int, Double) in
            let dx = practices[j].location.x - rd.x, dy = practices[j].location.y - rd.y
            return (j, (dx * dx + dy * dy).squareRoot())
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : practices[$0.0].id < practices[$1.0].id }.prefix(keep)
        var pairs: [(String, JSONOut)] = [
            ("query", .object([("lon", .number(lonLat.x)), ("lat", .number(lonLat.y)),
                               ("x", .number((rd.x * 10).rounded() / 10)), ("y", .number((rd.y * 10).rounded() / 10))])),
            ("measure", .string(state.routing == nil ? "straight line" : "by road")),
            ("nearest_straight_line", .array(byLine.map { describe($0.0, [("distance_m", metres($0.1))]) })),
        ]
        guard let routing = state.routing else {
            pairs.append(("nearest_by_road", .array([])))
            return .object(pairs)
        }
        let point = PopulationPoint(id: "query", location: rd, inhabitants: 1)
        let a = routing.access([point])
        var columns: [(String, JSONOut)] = [
            ("road_practice_id", id(a.access[0].first)), ("road_m", metres(a.access[0].firstM)),
            ("road_second_practice_id", id(a.access[0].second)), ("road_second_m", metres(a.access[0].secondM)),
            ("snap_m", metres(a.snapM[0])),
        ]
        for (k, m) in a.modes.enumerated() {
            columns += [("road_min_\(m)", minutes(a.minutes[k][0])), ("road_\(m)_practice_id", id(a.minutesPractice[k][0]))]
        }
        pairs.append(("population_columns", .object(columns)))
        // The three nearest by road length (first mode), then each one's quickest time per mode.
        var ranked: [(Int, Double)] = []
        var perMode: [[Int: Double]] = []
        if let first = routing.modes.first, let snapped = first.snapper.snap(rd) {
            state.searches.with { search in
                ranked = search.nearest(from: snapped, graph: routing.graph, targets: first.targets, weight: .length, k: keep,
                                        limit: 200_000).map { ($0.practice, $0.cost) }
                let wanted = Set(ranked.map(\.0))
                for m in routing.modes {
                    guard !wanted.isEmpty, let s = m.snapper.snap(rd) else { perMode.append([:]); continue }
                    let found = search.nearest(from: s, graph: routing.graph, targets: m.targets, weight: .time, k: keep,
                                               only: wanted, limit: 6 * 3600)
                    perMode.append(Dictionary(uniqueKeysWithValues: found.map { ($0.practice, $0.cost / 60) }))
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
