import Access
import Foundation
import Geo

/// `POST /api/scenario`: the change list of `bereik scenario --changes`, as
/// JSON rows with the same columns: `action` (close, status, fte, add; also
/// open/partial/closed), `practice_id`, `value`, and for add `lon`/`lat`
/// (WGS84), `name` and `fte`. `{"changes": [...]}` or the bare array.
enum ScenarioRequest {
    static func changes(from body: [UInt8], state: ServerState) throws -> [PracticeChange] {
        let root = try JSONInput.parse(body)
        let rows: [Any]
        if let o = root as? [String: Any] { rows = try JSONInput.array(o["changes"], field: "changes") }
        else { rows = try JSONInput.array(root, field: "changes") }
        guard !rows.isEmpty else { throw APIError("no_changes", field: "changes", expected: "at least one change", found: "none") }
        guard rows.count <= state.limits.maxChanges else {
            throw APIError("too_many_changes", field: "changes", expected: "at most \(state.limits.maxChanges) changes", found: "\(rows.count)")
        }
        let known = Set(state.inputs.practices.map(\.id))
        var added = 0
        return try rows.enumerated().map { k, item in
            let f = "changes[\(k)]"
            let row = try JSONInput.object(item, field: f)
            func text(_ key: String) throws -> String? {
                guard let v = row[key], !(v is NSNull) else { return nil }
                if let s = v as? String { let t = s.trimmingCharacters(in: .whitespaces); return t.isEmpty ? nil : t }
                if !(v is Bool), let n = v as? NSNumber { return SiteRequest.fieldValue(n).text }
                throw APIError("wrong_type", field: "\(f).\(key)", expected: "a string or number", found: JSONInput.describe(v))
            }
            guard let verb = try text("action")?.lowercased() else {
                throw APIError("missing_field", field: f + ".action", expected: "close, status, fte or add", found: "nothing")
            }
            func practiceID() throws -> String {
                guard let id = try text("practice_id") else {
                    throw APIError("missing_field", field: f + ".practice_id", expected: "the id of a practice", found: "nothing")
                }
                guard known.contains(id) else {
                    throw APIError("unknown_practice", field: f + ".practice_id", expected: "the id of a practice in the inputs", found: id)
                }
                return id
            }
            func value(_ what: String) throws -> String {
                guard let v = try text("value") else { throw APIError("missing_field", field: f + ".value", expected: what, found: "nothing") }
                return v
            }
            func wrap<T>(_ field: String, _ expected: String, _ body: () throws -> T) throws -> T {
                do { return try body() } catch let e as ScenarioError {
                    throw APIError("invalid_value", field: "\(f).\(field)", expected: expected, found: (try? text(field)) ?? nil, detail: e.description)
                }
            }
            switch verb {
            case "close", "sluit", "sluiten": return .close(id: try practiceID())
            case "open", "partial", "closed":
                return .setStatus(id: try practiceID(), status: try PracticeChangeParser.status(verb, source: f))
            case "status":
                let id = try practiceID(), v = try value("a status: open, partial, closed or unknown")
                return .setStatus(id: id, status: try wrap("value", "open, partial, closed or unknown") { try PracticeChangeParser.status(v, source: f) })
            case "fte":
                let id = try practiceID(), v = try value("a number of FTE ≥ 0")
                let fte = try wrap("value", "a number of FTE ≥ 0") { try PracticeChangeParser.fte(v, source: f) }
                guard fte <= 100 else { throw APIError("out_of_range", field: f + ".value", expected: "a number of FTE in [0, 100]", found: v) }
                return .setFTE(id: id, fte: fte)
            case "add", "new", "nieuw":
                let lon = try JSONInput.number(row["lon"], field: f + ".lon"), lat = try JSONInput.number(row["lat"], field: f + ".lat")
                let (_, rd) = try PointQuery.location(lon: String(lon), lat: String(lat), state: state)
                added += 1
                let id = try text("practice_id") ?? "new\(added)"
                var fte: Double?
                if let t = try text("fte") {
                    fte = try wrap("fte", "a number of FTE ≥ 0") { try PracticeChangeParser.fte(t, source: f) }
                    guard fte! <= 100 else { throw APIError("out_of_range", field: f + ".fte", expected: "a number of FTE in [0, 100]", found: t) }
                }
                return .add(Practice(id: id, name: try text("name") ?? id, location: rd, status: .open, statusSource: "scenario", gpFTE: fte))
            default:
                throw APIError("wrong_value", field: f + ".action", expected: "close, status, fte or add", found: verb)
            }
        }
    }

    /// The scenario on its own copy of the practice list, compared with the
    /// kept baseline, as `bereik scenario` computes it.
    /// Also returns where the time went, as a `Server-Timing` header value (kept
    /// out of the body so one scenario always gives the same bytes).
    static func run(_ changes: [PracticeChange], state: ServerState) throws -> (answer: JSONOut, serverTiming: String) {
        let changed: [Practice]
        do {
            changed = try ScenarioApplier.apply(changes, to: state.inputs.practices, source: "request", parameters: state.parameters)
        } catch let e as ScenarioError {
            if case .noOpenPracticeLeft = e {
                throw APIError("no_open_practice_left", field: "changes", expected: "a scenario that leaves at least one practice open", found: "none open", detail: e.description)
            }
            throw APIError("invalid_change", field: "changes", detail: e.description)
        }
        let started = Date(), cpu = Self.processCPUSeconds()
        let scenario = try state.job.analyse(changed: changed, on: state.baseline)
        let inputs = state.inputs
        let comparison = ScenarioComparison.compare(population: inputs.population, baseline: state.baseline.result, scenario: scenario.result,
                                                    scenarioPractices: changed, regionsGiven: !inputs.regions.isEmpty)
        let tables = DecisionRows.analysis(scenario.result, practices: changed, regions: inputs.regions)
        let answer = JSONOut.object([
            ("summary", .string(DecisionRows.scenarioSummary(changes: changes, baselinePractices: inputs.practices, comparison: comparison,
                                                             regions: inputs.regions, scenarioPractices: changed))),
            ("measure", .string(comparison.measure)),
            ("displaced_inhabitants", .number(comparison.displacedInhabitants.rounded())),
            ("stranded_inhabitants", .number(comparison.strandedInhabitants.rounded())),
            ("changes", DecisionRows.scenarioRegions(comparison, regions: inputs.regions).json),
            ("receiving_practices", DecisionRows.receiving(comparison, practices: changed).json),
            ("regions", tables.regions.json),
            ("practices", tables.practices.json),
        ])
        // Where the time went (for scripts/bench-serve.sh): routing, FCA, indicators, all of it, and the
        // process's CPU time meanwhile (what the answer costs, whatever else runs on the machine).
        var split: [(String, Double)] = ["route", "fca", "analyse"].map { ($0, scenario.timings[$0] ?? 0) }
        for (key, seconds) in (scenario.result.road?.report.timingsSeconds ?? [:]).sorted(by: { $0.key < $1.key }) {
            split.append(("road_" + key, seconds))
        }
        split.append(("total", Date().timeIntervalSince(started)))
        split.append(("cpu", Self.processCPUSeconds() - cpu))
        return (answer, split.map { "\($0.0);dur=\(Int(($0.1 * 1000).rounded()))" }.joined(separator: ", "))
    }

    /// User + system CPU seconds of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
