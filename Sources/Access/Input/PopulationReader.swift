import Geo

/// Reads population points from any OGR layer: points as they are, polygons
/// (PC4 areas, grid cells, buurten) reduced to their point on surface.
public enum PopulationReader {
    public static func read(path: String, options: InputOptions, progress: Progress? = nil) throws -> ([PopulationPoint], InputReport) {
        var fieldsUsed: [String: String] = [:]
        let reader = LayerReader(role: "population", path: path, layerName: options.populationLayer,
                                 crsOverride: options.crs, strict: options.strict)
        let (raw, wanted) = try reader.read(pick: { r in
            let id = try r.resolve(.populationID, override: options.idField, required: false)
            let inh = try r.resolve(.inhabitants, override: options.inhabitantsField, required: true)!
            let old = try r.resolve(.inhabitants65, override: options.inhabitants65Field, required: false)
            for (role, i) in [("id", id), ("inhabitants", inh), ("inhabitants_65plus", old)] {
                if let i { fieldsUsed[role] = r.fieldNames[i] }
            }
            return [id ?? -1, inh, old ?? -1]
        }, progress: progress)
        // Values come in the order of the fields actually read (ids ≥ 0).
        let slots = slotIndexes(wanted)
        let inhabitantsName = raw.fieldNames[wanted[1]]
        let engine = try GeometryEngine()
        let log = raw.log
        var points = [PopulationPoint]()
        points.reserveCapacity(raw.features.count)
        for f in raw.features {
            let number = f.position
            let value = f.values[slots[1]!]
            guard let inhabitants = ValueParsing.number(value) else {
                let found = value.text ?? ""
                let empty = found.trimmingCharacters(in: .whitespaces).isEmpty
                try log.skip(empty ? "no inhabitants value" : "non-numeric inhabitants", feature: number,
                             detail: "\(inhabitantsName) = '\(found)'",
                             error: .invalidValue(path: path, feature: number, field: inhabitantsName, expected: "a number of inhabitants", found: found))
                continue
            }
            guard inhabitants >= 0 else {
                try log.skip("negative inhabitants", feature: number,
                             detail: "\(inhabitantsName) = \(inhabitants) (CBS marks secret values with negative codes such as -99997)",
                             error: .invalidValue(path: path, feature: number, field: inhabitantsName, expected: "a number ≥ 0", found: "\(inhabitants)"))
                continue
            }
            let location: Coordinate
            if let p = f.point {
                location = p
            } else {
                do {
                    location = try engine.pointOnSurface(f.shape!)
                } catch {
                    try log.skip("no point on surface", feature: number, detail: "\(error)",
                                 error: .invalidGeometry(path: path, feature: number, detail: "\(error)"))
                    continue
                }
            }
            let id = slots[0].flatMap { f.values[$0].text } ?? String(number)
            let old = slots[2].flatMap { ValueParsing.number(f.values[$0]) }.flatMap { $0 >= 0 ? $0 : nil }
            points.append(PopulationPoint(id: id, location: location, inhabitants: inhabitants, inhabitants65plus: old))
        }
        if points.isEmpty {
            throw InputError.noUsableFeatures(path: path, skipped: log.total, firstReason: log.examples.first ?? "-")
        }
        return (points, raw.report(role: "population", used: points.count, fields: fieldsUsed))
    }

    /// Maps each requested field slot to its position in the values read
    /// (slots with -1 were not requested and map to nil).
    static func slotIndexes(_ wanted: [Int]) -> [Int?] {
        var next = 0
        return wanted.map { w in
            guard w >= 0 else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

extension LayerReader.Result {
    func report(role: String, used: Int, fields: [String: String]) -> InputReport {
        InputReport(role: role, path: path, layer: layer, driver: driver, sha256: FileDigest.sha256(ofFile: path),
                    crs: CRSInfo.name(crs), crsSource: crsSource, features: total, used: used,
                    skipped: log.counts.filter { $0.value > 0 }, examples: log.examples, warnings: log.warnings,
                    fields: fields)
    }

    var path: String { log.path }
}
