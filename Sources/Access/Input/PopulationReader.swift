import Geo

/// Reads population points from any OGR layer: points as they are, polygons
/// (PC4 areas, grid cells, buurten) reduced to their point on surface; or a
/// table without geometry joined to polygons by key (`PopulationJoin`).
public enum PopulationReader {
    public static func read(path: String, options: InputOptions, progress: Progress? = nil) throws -> ([PopulationPoint], InputReport) {
        if options.populationGeometry != nil {
            return try PopulationJoin.read(path: path, options: options, progress: progress)
        }
        let digest = BackgroundDigest(path: path)
        var values = PopulationValues(path: path, options: options)
        let reader = LayerReader(role: "population", path: path, layerName: options.populationLayer, options: options)
        var points = [PopulationPoint]()
        let raw = try reader.stream(pick: { try values.pick($0) }, place: .point, progress: progress) { row in
            if let p = try values.point(row, location: row.point!, log: reader.log) { points.append(p) }
        }
        // Handed over, not shared: `finish` may write every point (their
        // postcodes), which would copy a shared array of millions.
        var read: [PopulationPoint] = []
        swap(&read, &points)
        return try values.finish(consume read, raw, role: "population", digest: digest)
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

/// The population fields of one layer and the rules that turn a row into a
/// `PopulationPoint`: picks 0 = id, 1 = inhabitants, 2 = inhabitants 65+.
struct PopulationValues {
    let path: String
    let options: InputOptions
    var fieldsUsed: [String: String] = [:]
    var inhabitantsName = ""
    var oldName: String?
    var dropped65 = 0
    /// Further picks a caller adds (the join key).
    var extra: [FieldPick] = []
    /// The points' postcodes (issue 13): from a postcode field, else the id.
    var postcodes = PopulationPostcodes()

    init(path: String, options: InputOptions) {
        self.path = path
        self.options = options
    }

    mutating func pick(_ r: FieldResolver) throws -> [FieldPick] {
        let id = try r.resolve(.populationID, override: options.idField, required: false)
        var inh: Int?
        if let perPoint = options.inhabitantsPerPoint {
            guard perPoint.isFinite, perPoint > 0, perPoint <= Plausibility.inhabitantsPerPoint.upperBound else {
                throw InputError.invalidOption(option: "--inhabitants-per-point", expected: "a number of inhabitants per point > 0 and ≤ \(Plausibility.show(Plausibility.inhabitantsPerPoint.upperBound))", found: Plausibility.show(perPoint))
            }
            if let found = try r.resolve(.inhabitants, override: options.inhabitantsField, required: false) {
                throw InputError.invalidOption(option: "--inhabitants-per-point", expected: "a population layer without an inhabitants field (\(path) has '\(r.fieldNames[found])'; leave out --inhabitants-per-point to use it)", found: Plausibility.show(perPoint))
            }
            fieldsUsed["inhabitants"] = "--inhabitants-per-point \(Plausibility.show(perPoint))"
            inhabitantsName = "--inhabitants-per-point"
        } else {
            inh = try r.resolve(.inhabitants, override: options.inhabitantsField, required: true)!
            inhabitantsName = r.fieldNames[inh!]
            fieldsUsed["inhabitants"] = inhabitantsName
        }
        let old = try r.resolve(.inhabitants65, override: options.inhabitants65Field, required: false)
        if let id { fieldsUsed["id"] = r.fieldNames[id] }
        if let old { oldName = r.fieldNames[old]; fieldsUsed["inhabitants_65plus"] = r.fieldNames[old] }
        let postcode = try postcodes.pick(r, override: options.populationPostcodeField, idField: id, slot: 3 + extra.count)
        return [.text(id), .count(inh), .count(old)] + extra + [.text(postcode)]
    }

    /// The point of one row at `location`, or nil when skipped (counted).
    mutating func point(_ row: ReadRow, location: Coordinate, id fallback: String? = nil, log: SkipLog) throws -> PopulationPoint? {
        let number = row.position
        let inhabitants: Double
        if let perPoint = options.inhabitantsPerPoint {
            inhabitants = perPoint
        } else {
            switch row.number(1) {
            case .missing:
                try log.skip("no inhabitants value", feature: number, detail: "\(inhabitantsName) is empty",
                             error: .invalidValue(path: path, feature: number, field: inhabitantsName, expected: "a number of inhabitants", found: ""))
                return nil
            case .invalid(let found):
                try log.skip("non-numeric inhabitants", feature: number, detail: "\(inhabitantsName) = '\(found)'",
                             error: .invalidValue(path: path, feature: number, field: inhabitantsName, expected: "a number of inhabitants", found: found))
                return nil
            case .value(let v):
                guard v >= 0 else {
                    try log.skip("negative inhabitants", feature: number,
                                 detail: "\(inhabitantsName) = \(Plausibility.show(v)) (CBS marks secret values with negative codes such as -99997)",
                                 error: .invalidValue(path: path, feature: number, field: inhabitantsName, expected: "a number ≥ 0", found: Plausibility.show(v)))
                    return nil
                }
                guard Plausibility.inhabitants.contains(v) else {
                    try log.skip("implausible inhabitants", feature: number, detail: "\(inhabitantsName) = \(Plausibility.show(v))",
                                 error: .invalidValue(path: path, feature: number, field: inhabitantsName,
                                                      expected: Plausibility.describe(Plausibility.inhabitants), found: Plausibility.show(v)))
                    return nil
                }
                inhabitants = v
            }
        }
        var old: Double?
        if case .value(let v) = row.number(2), v >= 0 {
            if v > inhabitants {
                if options.strict {
                    throw InputError.invalidValue(path: path, feature: number, field: oldName ?? "65+", expected: "at most the \(Plausibility.show(inhabitants)) inhabitants", found: Plausibility.show(v))
                }
                dropped65 += 1
                log.note(feature: number, detail: "\(oldName ?? "65+") = \(Plausibility.show(v)) exceeds the \(Plausibility.show(inhabitants)) inhabitants; the 65+ value is left out")
            } else {
                old = v
            }
        }
        let id = row.text(0) ?? fallback ?? String(number)
        var point = PopulationPoint(id: id, location: location, inhabitants: inhabitants, inhabitants65plus: old)
        point.postcode = try postcodes.read(row, id: id, path: path, strict: options.strict, log: log)
        return point
    }

    func finish(_ read: consuming [PopulationPoint], _ raw: LayerReader.Result, role: String,
                digest: BackgroundDigest? = nil) throws -> ([PopulationPoint], InputReport) {
        var points = consume read
        let postcodeReport = postcodes.finish(&points, path: path)
        if points.isEmpty {
            throw InputError.noUsableFeatures(path: path, skipped: raw.log.total, firstReason: raw.log.examples.first ?? "-")
        }
        PopulationOrder.sort(&points)
        var report = raw.report(role: role, used: points.count, fields: fieldsUsed, digest: digest)
        let repeated = RepeatedPopulationIDs(sorted: points)
        if let warning = repeated.warning(path: path, idField: fieldsUsed["id"]) {
            report.repeatedIDs = repeated.ids
            report.warnings.append(warning)
        }
        if dropped65 > 0 {
            report.skipped["65+ above inhabitants (65+ left out, point kept)"] = dropped65
            report.warnings.append("\(path): \(dropped65) features have more inhabitants aged 65+ than inhabitants; their 65+ value is left out (use --strict to stop instead).")
        }
        report.postcodes = postcodeReport.report
        report.warnings += postcodeReport.warnings
        if let name = postcodeReport.field { report.fields["postcode"] = name }
        if let perPoint = options.inhabitantsPerPoint {
            report.warnings.append("\(path): every population point counts \(Plausibility.show(perPoint)) inhabitants (--inhabitants-per-point)\(perPoint == 1 ? "; means are per inhabited address, as CBS measures" : "").")
        }
        return (points, report)
    }
}

extension LayerReader.Result {
    /// `digest`: the file's SHA-256 already under way (else computed here).
    func report(role: String, used: Int, fields: [String: String], digest: BackgroundDigest? = nil) -> InputReport {
        var fields = fields
        if let (x, y) = coordinateFields { fields["x"] = x; fields["y"] = y }
        return InputReport(role: role, path: path, layer: layer, driver: driver, sha256: digest.map(\.value) ?? FileDigest.sha256(ofFile: path),
                           crs: crs == "none" ? "none" : CRSInfo.name(crs), crsSource: crsSource, features: total, used: used,
                           skipped: log.counts.filter { $0.value > 0 }, examples: log.examples, warnings: log.warnings,
                           fields: fields, numberFormats: numberFormats.isEmpty ? nil : numberFormats,
                           coordinateFields: coordinateFields.map { ["x": $0.x, "y": $0.y] })
    }

    var path: String { log.path }
}
