import Geo

/// Reads GP practices from any OGR layer (points; polygons become their
/// point on surface; tables with coordinate columns). Practices without a
/// location are placed at their postcode's point with `--postcode-points`.
/// Status words in Dutch and English.
public enum PracticeReader {
    static let postcode = FieldRole(role: "postcode", option: "--postcode-field", candidates: [
        "postcode", "pc6", "postcode_6", "postcode6", "postal_code", "post_code", "pc", "pc4"])

    public static func read(path: String, options: InputOptions, progress: Progress? = nil) throws -> ([Practice], InputReport) {
        let postcodes = try options.postcodePoints.map { try PostcodePoints(path: $0, options: options, progress: progress) }
        var fieldsUsed: [String: String] = [:]
        let reader = LayerReader(role: "practices", path: path, layerName: options.practicesLayer, options: options)
        let log = reader.log
        var statusField: String?
        var meansStop = false
        var unrecognised: [String: Int] = [:]
        var practices = [Practice]()
        var seen: [String: Int] = [:]
        var precision: [String: Int] = [:]
        var eligibility = EligibilityReport()
        let raw = try reader.stream(pick: { r in
            let picks: [(String, FieldPick)] = [
                ("id", .text(try r.resolve(.practiceID, override: options.idField, required: false))),
                ("name", .text(try r.resolve(.practiceName, override: options.nameField, required: false))),
                ("status", .text(try r.resolve(.status, override: options.statusField, required: false))),
                ("status_date", .text(try r.resolve(.statusDate, override: nil, required: false))),
                ("status_source", .text(try r.resolve(.statusSource, override: nil, required: false))),
                ("gp_fte", .measure(try r.resolve(.fte, override: options.fteField, required: false))),
                ("list_size", .count(try r.resolve(.listSize, override: options.listSizeField, required: false))),
                ("gp_age", .measure(try r.resolve(.gpAge, override: nil, required: false))),
                ("birth_year", .measure(try r.resolve(.birthYear, override: nil, required: false))),
                ("retirement_year", .measure(try r.resolve(.retirementYear, override: nil, required: false))),
                ("postcode", .text(postcodes == nil ? nil : try r.resolve(postcode, override: options.postcodeField, required: true))),
                ("eligibility", .text(try r.resolve(.eligibility, override: options.eligibilityField, required: false))),
            ]
            for (role, p) in picks { if let i = p.index { fieldsUsed[role] = r.fieldNames[i] } }
            statusField = fieldsUsed["status"]
            meansStop = statusField.map(ValueParsing.fieldMeansStop) ?? false
            return picks.map(\.1)
        }, place: postcodes == nil ? .point : .pointIfAny, progress: progress) { row in
            let n = row.position
            func number(_ k: Int, _ role: String, _ range: ClosedRange<Double>) throws -> Double? {
                let field = fieldsUsed[role] ?? role
                switch row.number(k) {
                case .missing: return nil
                case .invalid(let found):
                    throw InputError.invalidValue(path: path, feature: n, field: field, expected: "a number", found: found)
                case .value(let d):
                    guard range.contains(d) else {
                        throw InputError.invalidValue(path: path, feature: n, field: field, expected: Plausibility.describe(range), found: Plausibility.show(d))
                    }
                    return d
                }
            }
            var location: Coordinate
            var how = GeocodePrecision.coordinates
            if let p = row.point {
                location = p
            } else {
                let field = fieldsUsed["postcode"] ?? "postcode"
                guard let text = row.text(10) else {
                    precision["none", default: 0] += 1
                    try log.skip("no location and no postcode", feature: n, detail: "no coordinates and \(field) is empty",
                                 error: .invalidValue(path: path, feature: n, field: field, expected: "coordinates or a postcode", found: ""))
                    return
                }
                guard let code = Postcode(text: text) else {
                    precision["none", default: 0] += 1
                    try log.skip("postcode in unknown format", feature: n, detail: "\(field) = '\(text)'",
                                 error: .invalidValue(path: path, feature: n, field: field, expected: "a postcode such as 1234AB, 1234 AB or 1234", found: text))
                    return
                }
                guard let (c, p) = postcodes!.locate(code) else {
                    precision["none", default: 0] += 1
                    try log.skip("postcode not in postcode points", feature: n, detail: "\(field) = '\(text)' is not in \(options.postcodePoints!)",
                                 error: .invalidValue(path: path, feature: n, field: field, expected: "a postcode of \(options.postcodePoints!)", found: text))
                    return
                }
                location = c
                how = p
            }
            var status = PracticeStatus.unknown
            if fieldsUsed["status"] != nil {
                if let parsed = ValueParsing.status(row.values[2], fieldMeansStop: meansStop) {
                    status = parsed
                } else {
                    unrecognised[row.values[2].text ?? "", default: 0] += 1
                }
            }
            let id = row.text(0) ?? String(n)
            if let earlier = seen[id] { throw InputError.duplicateID(path: path, id: id, features: [earlier, n]) }
            seen[id] = n
            let list = try number(6, "list_size", Plausibility.listSize)
            let retirement = RetirementRule.year(age: try number(7, "gp_age", Plausibility.gpAge),
                                                 birthYear: try number(8, "birth_year", Plausibility.birthYear),
                                                 retirementYear: try number(9, "retirement_year", Plausibility.retirementYear))
            var practice = Practice(
                id: id, name: row.text(1) ?? id, location: location, status: status,
                statusDate: row.text(3), statusSource: row.text(4) ?? (statusField.map { "\(path): \($0)" }),
                gpFTE: try number(5, "gp_fte", Plausibility.fte), listSize: list.map { Int($0.rounded()) })
            practice.expectedRetirementYear = retirement
            if let text = row.text(11) {
                practice.eligibility = try EligibilityField.read(text, path: path, feature: n, field: fieldsUsed["eligibility"] ?? "eligibility",
                                                                 strict: options.strict, log: log, report: &eligibility)
            }
            practice.geocodePrecision = how
            precision[how.rawValue, default: 0] += 1
            practices.append(practice)
        }
        if fieldsUsed["id"] == nil {
            log.warnings.append("\(path) has no practice id field (tried: \(FieldRole.practiceID.candidates.joined(separator: ", "))); practices are numbered by their row (1, 2, …), which scenario changes and status histories must then use. Name one with --id-field.")
        }
        if statusField == nil {
            log.warnings.append("\(path) has no status field (tried: \(FieldRole.status.candidates.joined(separator: ", "))); every practice has status 'unknown'. Name one with --status-field.")
        }
        if !unrecognised.isEmpty {
            let examples = unrecognised.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map { "'\($0.key)' (\($0.value)×)" }
            log.warnings.append("\(path): \(unrecognised.values.reduce(0, +)) status values not recognised and counted as unknown: \(examples.joined(separator: ", ")). Recognised: open/ja/yes/true/1, closed/nee/no/false/0/stop/volledig, partial/gedeeltelijk/beperkt.")
        }
        if meansStop {
            log.warnings.append("\(path): status field '\(statusField!)' asks whether there is a patient stop, so ja/yes/true/1 read as closed and nee/no/false/0 as open.")
        }
        if let postcodes {
            log.warnings.append("\(path): \(precision["coordinates"] ?? 0) practices placed by their coordinates, \(precision["pc6"] ?? 0) at their PC6 point and \(precision["pc4"] ?? 0) at their PC4 point (\(options.postcodePoints!)); \(precision["none"] ?? 0) could not be placed and are skipped.")
            log.warnings += postcodes.report.warnings
        }
        if practices.isEmpty {
            throw InputError.noUsableFeatures(path: path, skipped: log.total, firstReason: log.examples.first ?? "-")
        }
        var report = raw.report(role: "practices", used: practices.count, fields: fieldsUsed)
        if let field = fieldsUsed["eligibility"] {
            eligibility.field = field
            if eligibility.unreadableLists > 0 {
                report.skipped["eligibility list unreadable (list left out, practice kept)"] = eligibility.unreadableLists
                report.warnings.append("\(path): \(eligibility.unreadableLists) eligibility lists in '\(field)' cannot be read and are left out; those practices keep the --partial rule (use --strict to stop instead; examples in run.json).")
            }
            report.eligibility = eligibility
        }
        if postcodes != nil {
            report.geocoding = Dictionary(uniqueKeysWithValues: GeocodePrecision.allCases.map { ($0.rawValue, precision[$0.rawValue] ?? 0) })
        }
        return (practices, report)
    }
}
