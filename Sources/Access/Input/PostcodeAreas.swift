import Geo

/// `--postcode-areas FILE`: PC4 and/or PC6 polygons that give population
/// points without a postcode of their own one, by point in polygon (GEOS).
/// A point inside a PC6 polygon gets that PC6 even when a PC4 polygon also
/// covers it; between overlapping polygons of one kind the lower postcode
/// wins, so the order of the features does not matter.
enum PostcodeAreas {
    static let role = FieldRole(role: "postcode", option: "--postcode-areas-field", candidates: PostcodePoints.candidates)

    /// Fills in the postcode of every point that has none and lies in an
    /// area; the input's report, with the counts in `postcodes`.
    static func assign(path: String, options: InputOptions, to points: inout [PopulationPoint], postcodes: inout PostcodeReport,
                       progress: Progress? = nil) throws -> InputReport {
        let (areas, read) = try self.read(path: path, options: options, progress: progress)
        let missing = points.indices.filter { points[$0].postcode == nil }
        let found = try PolygonLocator.locateAll(missing.map { points[$0].location }, in: areas.map(\.geometry))
        for (k, i) in missing.enumerated() {
            if found[k] >= 0 {
                points[i].postcode = areas[Int(found[k])].code
                postcodes.fromAreas += 1
            } else {
                postcodes.outsideAreas += 1
            }
        }
        postcodes.areasFile = path
        var report = read
        if postcodes.outsideAreas > 0 {
            report.warnings.append("\(path): \(postcodes.outsideAreas) population points without a postcode lie in no postcode area.")
        }
        return report
    }

    /// The areas of the file in the order a point takes the first that
    /// covers it (PC6 before PC4, then by postcode, then by feature), and the input's report.
    static func read(path: String, options: InputOptions, progress: Progress? = nil) throws
        -> (areas: [(code: Postcode, geometry: Geometry)], report: InputReport) {
        let reader = LayerReader(role: "postcode areas", path: path, layerName: nil, options: options)
        let log = reader.log
        var name = ""
        var areas: [(Postcode, Int, Geometry)] = []
        var repair = try PolygonRepair(path: path, strict: options.strict, what: "a postcode area", log: log)
        let raw = try reader.stream(pick: { r in
            let k = try r.resolve(role, override: options.postcodeAreasField, required: true)!
            name = r.fieldNames[k]
            return [.text(k)]
        }, place: .shape, progress: progress) { row in
            let n = row.position
            guard let text = row.text(0), let code = Postcode(text: text) else {
                try log.skip("postcode in unknown format", feature: n, detail: "\(name) = '\(row.text(0) ?? "")'",
                             error: .invalidValue(path: path, feature: n, field: name, expected: "a postcode such as 9401AB or 9401", found: row.text(0) ?? ""))
                return
            }
            guard let g = try repair.polygon(row.shape, feature: n) else { return }
            areas.append((code, n, g))
        }
        // PC6 before PC4, then by postcode, then by feature: the locator takes the first polygon that covers a point.
        areas.sort { a, b in
            if a.0.isPC6 != b.0.isPC6 { return a.0.isPC6 }
            if a.0 != b.0 { return a.0 < b.0 }
            return a.1 < b.1
        }
        var report = raw.report(role: "postcode areas", used: areas.count, fields: ["postcode": name])
        repair.record(into: &report)
        return (areas.map { ($0.0, $0.2) }, report)
    }
}
