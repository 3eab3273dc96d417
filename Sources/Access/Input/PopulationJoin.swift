import Foundation
import Geo

/// A population table without geometry (e.g. CBS PC4 statistics) joined to
/// polygons or points by key (`--population-geometry FILE --population-key
/// FIELD`). Each table row gets the point on surface of the feature with its
/// key; unmatched keys on either side are counted and the first listed.
enum PopulationJoin {
    static let keyCandidates = ["pc4", "pc6", "postcode", "statcode", "code", "bu_code", "wk_code", "gm_code", "id"]
    static let rule = "keys compared as text: spaces removed (also inside, so '1234 AB' = '1234AB'), case ignored, and leading zeros of all-digit keys ignored ('0123' = '123')"

    /// The comparison form of a key (see `rule`); nil when empty.
    static func normalise(_ key: String) -> String? {
        let compact = String(key.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }).lowercased()
        if compact.isEmpty { return nil }
        if compact.allSatisfy(\.isASCIIDigit) {
            let trimmed = compact.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : String(trimmed)
        }
        return compact
    }

    static func read(path: String, options: InputOptions, progress: Progress?) throws -> ([PopulationPoint], InputReport) {
        let geometryPath = options.populationGeometry!
        // The geometry side: key → point on surface, each key once.
        var geometryKeyName = ""
        var places: [String: (Coordinate, Int, String)] = [:]
        let geometryReader = LayerReader(role: "population geometry", path: geometryPath,
                                         layerName: options.populationGeometryLayer, options: options)
        let geometryKey = FieldRole(role: "join key", option: "--population-geometry-key",
                                    candidates: (options.populationKey.map { [$0] } ?? []) + keyCandidates)
        let geometryRead = try geometryReader.stream(pick: { r in
            let k = try r.resolve(geometryKey, override: options.populationGeometryKey, required: true)!
            geometryKeyName = r.fieldNames[k]
            return [.text(k)]
        }, place: .point, progress: progress) { row in
            guard let raw = row.text(0), let key = normalise(raw) else {
                try geometryReader.log.skip("no key", feature: row.position, detail: "\(geometryKeyName) is empty",
                                            error: .invalidValue(path: geometryPath, feature: row.position, field: geometryKeyName, expected: "a join key", found: ""))
                return
            }
            if let earlier = places[key] {
                throw InputError.duplicateKey(path: geometryPath, field: geometryKeyName, key: raw, features: [earlier.1, row.position])
            }
            places[key] = (row.point!, row.position, raw)
        }

        // The table side.
        var values = PopulationValues(path: path, options: options)
        let tableKey = FieldRole(role: "join key", option: "--population-key", candidates: keyCandidates)
        var tableKeyName = ""
        let tableReader = LayerReader(role: "population", path: path, layerName: options.populationLayer, options: options)
        var points: [PopulationPoint] = []
        var matched = Set<String>()
        var unmatched = 0, unmatchedExamples: [String] = [], tableExamples: [String] = []
        let tableRead = try tableReader.stream(pick: { r in
            let k = try r.resolve(tableKey, override: options.populationKey, required: true)!
            tableKeyName = r.fieldNames[k]
            values.extra = [.text(k)]
            return try values.pick(r)
        }, place: .none, progress: progress) { row in
            guard let raw = row.text(3), let key = normalise(raw) else {
                try tableReader.log.skip("no key", feature: row.position, detail: "\(tableKeyName) is empty",
                                         error: .invalidValue(path: path, feature: row.position, field: tableKeyName, expected: "a join key", found: ""))
                return
            }
            if tableExamples.count < 3 { tableExamples.append(raw) }
            guard let place = places[key] else {
                unmatched += 1
                if unmatchedExamples.count < 5 { unmatchedExamples.append(raw) }
                try tableReader.log.skip("key matches no geometry", feature: row.position, detail: "\(tableKeyName) = '\(raw)' is not in \(geometryPath)",
                                         error: .invalidValue(path: path, feature: row.position, field: tableKeyName,
                                                              expected: "a key of \(geometryPath) (\(geometryKeyName))", found: raw))
                return
            }
            if let p = try values.point(row, location: place.0, id: raw, log: tableReader.log) {
                matched.insert(key)
                points.append(p)
            }
        }
        if matched.isEmpty && unmatched > 0 {
            let geometryExamples = places.values.sorted { $0.1 < $1.1 }.prefix(3).map { $0.2 }
            throw InputError.joinMatchesNothing(path: path, key: tableKeyName, geometryPath: geometryPath, geometryKey: geometryKeyName,
                                                examples: tableExamples, geometryExamples: Array(geometryExamples))
        }
        let lonely = places.filter { !matched.contains($0.key) }.values.sorted { $0.1 < $1.1 }
        var (result, report) = try values.finish(points, tableRead, role: "population")
        report.join = JoinReport(geometryPath: geometryPath, tableKey: tableKeyName, geometryKey: geometryKeyName, rule: rule,
                                 matched: matched.count, unmatchedTableRows: unmatched, unmatchedTableExamples: unmatchedExamples,
                                 unmatchedGeometryFeatures: lonely.count, unmatchedGeometryExamples: lonely.prefix(5).map { $0.2 })
        report.fields["join_key"] = tableKeyName
        report.fields["geometry_key"] = geometryKeyName
        report.warnings += geometryRead.log.warnings
        if unmatched > 0 {
            report.warnings.append("\(path): \(unmatched) rows have a \(tableKeyName) that matches no feature of \(geometryPath) (e.g. \(unmatchedExamples.joined(separator: ", "))); they are skipped.")
        }
        if !lonely.isEmpty {
            report.warnings.append("\(geometryPath): \(lonely.count) features have a \(geometryKeyName) that matches no row of \(path) (e.g. \(lonely.prefix(5).map { $0.2 }.joined(separator: ", "))); they carry no inhabitants.")
        }
        if geometryRead.log.total > 0 {
            report.warnings.append("\(geometryPath): \(geometryRead.log.total) features skipped (\(geometryRead.log.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))).")
        }
        report.crs = geometryRead.crs == "none" ? "none" : CRSInfo.name(geometryRead.crs)
        report.crsSource = "\(geometryRead.crsSource) (\(geometryPath))"
        return (result, report)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
