import Geo

/// Reads GP practices from any OGR layer (points; polygons become their
/// point on surface). Status words in Dutch and English.
public enum PracticeReader {
    public static func read(path: String, options: InputOptions, progress: Progress? = nil) throws -> ([Practice], InputReport) {
        var fieldsUsed: [String: String] = [:]
        let reader = LayerReader(role: "practices", path: path, layerName: options.practicesLayer,
                                 crsOverride: options.crs, strict: options.strict)
        let (raw, wanted) = try reader.read(pick: { r in
            let picks: [(String, Int?)] = [
                ("id", try r.resolve(.practiceID, override: options.idField, required: false)),
                ("name", try r.resolve(.practiceName, override: options.nameField, required: false)),
                ("status", try r.resolve(.status, override: options.statusField, required: false)),
                ("status_date", try r.resolve(.statusDate, override: nil, required: false)),
                ("status_source", try r.resolve(.statusSource, override: nil, required: false)),
                ("gp_fte", try r.resolve(.fte, override: options.fteField, required: false)),
                ("list_size", try r.resolve(.listSize, override: options.listSizeField, required: false)),
                ("gp_age", try r.resolve(.gpAge, override: nil, required: false)),
                ("birth_year", try r.resolve(.birthYear, override: nil, required: false)),
                ("retirement_year", try r.resolve(.retirementYear, override: nil, required: false)),
            ]
            for (role, i) in picks { if let i { fieldsUsed[role] = r.fieldNames[i] } }
            return picks.map { $0.1 ?? -1 }
        }, progress: progress)
        let slots = PopulationReader.slotIndexes(wanted)
        let log = raw.log
        let engine = try GeometryEngine()
        let statusField = fieldsUsed["status"]
        let meansStop = statusField.map(ValueParsing.fieldMeansStop) ?? false
        if statusField == nil {
            log.warnings.append("\(path) has no status field (tried: \(FieldRole.status.candidates.joined(separator: ", "))); every practice has status 'unknown'. Name one with --status-field.")
        }
        var unrecognised: [String: Int] = [:]
        var practices = [Practice]()
        var seen: [String: Int] = [:]
        for f in raw.features {
            let n = f.position
            func text(_ slot: Int) -> String? { slots[slot].flatMap { f.values[$0].text }.flatMap { $0.isEmpty ? nil : $0 } }
            func number(_ slot: Int, _ role: String) throws -> Double? {
                guard let s = slots[slot], !f.values[s].isNull, f.values[s].text?.trimmingCharacters(in: .whitespaces).isEmpty == false else { return nil }
                let field = fieldsUsed[role]!
                guard let d = ValueParsing.number(f.values[s]) else {
                    throw InputError.invalidValue(path: path, feature: n, field: field, expected: "a number", found: f.values[s].text ?? "")
                }
                guard d >= 0 else {
                    throw InputError.invalidValue(path: path, feature: n, field: field, expected: "a number ≥ 0", found: f.values[s].text ?? "")
                }
                return d
            }
            var status = PracticeStatus.unknown
            if let s = slots[2] {
                if let parsed = ValueParsing.status(f.values[s], fieldMeansStop: meansStop) {
                    status = parsed
                } else {
                    unrecognised[f.values[s].text ?? "", default: 0] += 1
                }
            }
            let location: Coordinate
            if let p = f.point { location = p } else {
                do { location = try engine.pointOnSurface(f.shape!) } catch {
                    try log.skip("no point on surface", feature: n, detail: "\(error)",
                                 error: .invalidGeometry(path: path, feature: n, detail: "\(error)"))
                    continue
                }
            }
            let id = text(0) ?? String(n)
            if let earlier = seen[id] { throw InputError.duplicateID(path: path, id: id, features: [earlier, n]) }
            seen[id] = n
            let list = try number(6, "list_size")
            let retirement = try RetirementRule.year(age: number(7, "gp_age"), birthYear: number(8, "birth_year"),
                                                     retirementYear: number(9, "retirement_year"))
            practices.append(Practice(
                id: id, name: text(1) ?? id, location: location, status: status,
                statusDate: text(3), statusSource: text(4) ?? (statusField.map { "\(path): \($0)" }),
                gpFTE: try number(5, "gp_fte"), listSize: list.map { Int($0.rounded()) }))
            practices[practices.count - 1].expectedRetirementYear = retirement
        }
        if !unrecognised.isEmpty {
            let examples = unrecognised.sorted { $0.value > $1.value }.prefix(5).map { "'\($0.key)' (\($0.value)×)" }
            log.warnings.append("\(path): \(unrecognised.values.reduce(0, +)) status values not recognised and counted as unknown: \(examples.joined(separator: ", ")). Recognised: open/ja/yes/true/1, closed/nee/no/false/0/stop/volledig, partial/gedeeltelijk/beperkt.")
        }
        if meansStop {
            log.warnings.append("\(path): status field '\(statusField!)' asks whether there is a patient stop, so ja/yes/true/1 read as closed and nee/no/false/0 as open.")
        }
        return (practices, raw.report(role: "practices", used: practices.count, fields: fieldsUsed))
    }
}
