import Geo

/// A planned housing site: a point or polygon (EPSG:28992) with a number of homes.
public struct HousingSite: Sendable {
    public var id: String
    public var name: String
    public var geometry: Geometry
    public var homes: Double
    /// Persons per home for this site, when the file says; else the default.
    public var householdSize: Double?
    /// The residents' postcode (PC4 or PC6), when the site file says; decides
    /// which practices with a postcode-list partial stop take them.
    public var postcode: Postcode? = nil
    /// Where `postcode` came from (nil: no postcode).
    public var postcodeSource: SitePostcodeSource? = nil

    /// Plausibility bounds: the largest Dutch plans count some 10,000s of
    /// homes; a household of more than 20 persons per home is a typo.
    public static let maxHomes = 1_000_000.0
    public static let maxHouseholdSize = 20.0
}

extension FieldRole {
    public static let homes = FieldRole(role: "number of homes", option: "--homes-field", candidates: [
        "homes", "woningen", "aantal_woningen", "dwellings", "units", "woningaantal", "won_aantal", "aantal"])
    public static let householdSize = FieldRole(role: "household size", option: "--household-size-field", candidates: [
        "household_size", "huishoudgrootte", "persons_per_home", "personen_per_woning"])
    public static let siteID = FieldRole(role: "site id", option: "--id-field", candidates: [
        "site_id", "id", "code", "plan_id", "projectcode"])
    public static let sitePostcode = FieldRole(role: "site postcode", option: "a field named postcode", candidates: [
        "postcode", "pc6", "pc4", "postcode6", "postcode4"])
    public static let siteName = FieldRole(role: "site name", option: "--name-field", candidates: [
        "name", "naam", "projectnaam", "locatie", "plannaam"])
}

/// Reads housing sites from any OGR layer (points or polygons).
public enum SiteReader {
    public static func read(path: String, homesField: String?, layer: String? = nil, crs: String? = nil,
                            strict: Bool = false, decimalSeparator: DecimalSeparator? = nil) throws -> ([HousingSite], InputReport) {
        var fieldsUsed: [String: String] = [:]
        let reader = LayerReader(role: "sites", path: path, layerName: layer, crsOverride: crs, strict: strict)
        let (raw, wanted) = try reader.read(pick: { r in
            let picks: [(String, Int?)] = [
                ("id", try r.resolve(.siteID, override: nil, required: false)),
                ("name", try r.resolve(.siteName, override: nil, required: false)),
                ("homes", try r.resolve(.homes, override: homesField, required: true)),
                ("household_size", try r.resolve(.householdSize, override: nil, required: false)),
                ("postcode", try r.resolve(.sitePostcode, override: nil, required: false)),
            ]
            for (role, i) in picks { if let i { fieldsUsed[role] = r.fieldNames[i] } }
            return picks.map { $0.1 ?? -1 }
        })
        let slots = PopulationReader.slotIndexes(wanted)
        // Text numbers by column, as the other inputs: '1.200' homes beside
        // decimal-comma coordinates is 1,200 homes, not 1.2.
        func format(_ slot: Int, _ role: String, _ kind: NumberKind) throws -> DecimalSeparator {
            guard let i = slots[slot] else { return .point }
            var evidence = NumberEvidence(field: fieldsUsed[role] ?? role, kind: kind)
            for f in raw.features { if case .string(let s) = f.values[i] { evidence.add(s) } }
            return try evidence.decide(path: path, option: decimalSeparator).0
        }
        let homesFormat = try format(2, "homes", .count), sizeFormat = try format(3, "household_size", .measure)
        func number(_ value: FieldValue, _ decimal: DecimalSeparator) -> Double? {
            if case .string(let s) = value { return NumberText(s)?.value(decimal: decimal) }
            return ValueParsing.number(value)
        }
        var sites: [HousingSite] = []
        var lines: [String] = []
        for f in raw.features {
            func text(_ slot: Int) -> String? { slots[slot].flatMap { f.values[$0].text }.flatMap { $0.isEmpty ? nil : $0 } }
            let homesValue = f.values[slots[2]!]
            guard let homes = number(homesValue, homesFormat), homes >= 0, homes <= HousingSite.maxHomes else {
                throw InputError.invalidValue(path: path, feature: f.position, field: fieldsUsed["homes"]!,
                                              expected: "a number of homes from 0 to \(Int(HousingSite.maxHomes))", found: homesValue.text ?? "")
            }
            var size: Double?
            if let slot = slots[3], let text = f.values[slot].text, !text.isEmpty {
                guard let v = number(f.values[slot], sizeFormat), v > 0, v <= HousingSite.maxHouseholdSize else {
                    throw InputError.invalidValue(path: path, feature: f.position, field: fieldsUsed["household_size"]!,
                                                  expected: "persons per home, more than 0 and at most \(Int(HousingSite.maxHouseholdSize))", found: text)
                }
                size = v
            }
            var postcode: Postcode?
            if let code = text(4) {
                guard let p = Postcode(text: code) else {
                    throw InputError.invalidValue(path: path, feature: f.position, field: fieldsUsed["postcode"]!,
                                                  expected: "a postcode such as 9401 or 9401 AB", found: code)
                }
                postcode = p
            }
            let id = text(0) ?? String(f.position)
            if let note = try reader.nonArealNote(f) { lines.append(note) }
            sites.append(HousingSite(id: id, name: text(1) ?? id, geometry: f.point.map { .point($0) } ?? f.shape!,
                                     homes: homes, householdSize: size, postcode: postcode))
        }
        var report = raw.report(role: "sites", used: sites.count, fields: fieldsUsed)
        if !lines.isEmpty {
            report.warnings.append("\(path): \(lines.count) sites are not points or polygons (features \(lines.prefix(5).joined(separator: ", "))); each is judged at its point on surface alone (for a line, the vertex nearest its centroid), not as an area. Draw a site as a polygon to judge its whole area (--strict refuses them).")
        }
        return (sites, report)
    }
}
