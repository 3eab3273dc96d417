import Geo

/// `--eligibility FILE`: polygons a partial practice still accepts new
/// patients from (e.g. its village boundary), one or more per practice id,
/// reprojected to EPSG:28992 like regions. The polygons of one practice are
/// unioned with GEOS. Invalid polygons are repaired with make-valid and
/// counted (`--strict`: an error); a practice id that is not in the practice
/// list is counted with examples (`--strict`: an error).
enum EligibilityPolygons {
    static let practiceID = FieldRole(role: "practice id", option: "--eligibility-id-field", candidates: [
        "practice_id", "praktijk_id", "id", "agb", "agb_code", "agbcode", "code"])

    /// Practice id → its unioned area, and the report of the file.
    static func read(path: String, options: InputOptions, practiceIDs: Set<String>, progress: Progress? = nil) throws -> (areas: [String: Geometry], report: InputReport, unknown: [String]) {
        let reader = LayerReader(role: "eligibility areas", path: path, layerName: nil, options: options)
        let log = reader.log
        let engine = try GeometryEngine()
        var idName = ""
        var parts: [String: [Geometry]] = [:]
        var unknown: [String: Int] = [:]
        var repair = try PolygonRepair(path: path, strict: options.strict, what: "an eligibility area", log: log)
        let raw = try reader.stream(pick: { r in
            let k = try r.resolve(practiceID, override: options.eligibilityIDField, required: true)!
            idName = r.fieldNames[k]
            return [.text(k)]
        }, place: .shape, progress: progress) { row in
            let n = row.position
            guard let id = row.text(0) else {
                try log.skip("no practice id", feature: n, detail: "\(idName) is empty",
                             error: .invalidValue(path: path, feature: n, field: idName, expected: "a practice id", found: ""))
                return
            }
            guard practiceIDs.contains(id) else {
                if options.strict {
                    throw InputError.invalidValue(path: path, feature: n, field: idName, expected: "the id of a practice in the practice list", found: id)
                }
                unknown[id, default: 0] += 1
                return
            }
            guard let g = try repair.polygon(row.shape, feature: n) else { return }
            parts[id, default: []].append(g)
        }
        var areas: [String: Geometry] = [:]
        for (id, list) in parts {
            // The parts in a fixed order (by their WKB), so the file's order cannot change the union.
            let keyed = try list.map { (try engine.wkb($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
            areas[id] = keyed.count == 1 ? keyed[0].1 : try engine.unaryUnion(keyed.map(\.1))
        }
        var report = raw.report(role: "eligibility areas", used: parts.values.reduce(0) { $0 + $1.count }, fields: ["practice_id": idName])
        repair.record(into: &report)
        let unknownIDs = unknown.keys.sorted()
        if !unknown.isEmpty {
            let features = unknown.values.reduce(0, +)
            report.skipped["practice id not in the practice list"] = features
            report.warnings.append("\(path): \(features) polygons belong to \(unknownIDs.count) practice ids that are not in the practice list (e.g. \(unknownIDs.prefix(5).joined(separator: ", "))); they are skipped (use --strict to stop instead).")
        }
        return (areas, report, unknownIDs)
    }
}
