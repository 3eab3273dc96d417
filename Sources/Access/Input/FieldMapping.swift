import Foundation
import Geo

/// A field bereik needs from an input layer, with the names it tries when the
/// user does not name one (`--inhabitants-field` and friends).
public struct FieldRole: Sendable {
    public var role: String
    public var option: String
    public var candidates: [String]

    public static let populationID = FieldRole(role: "population id", option: "--id-field", candidates: [
        "id", "pc4", "pc6", "postcode", "code", "statcode", "crs28992res100m", "c28992r100", "c28992r500", "cell_id", "fid_text"])
    public static let inhabitants = FieldRole(role: "inhabitants", option: "--inhabitants-field", candidates: [
        "inhabitants", "inwoners", "aantal_inwoners", "population", "bevolking", "aant_inw", "aantal_inw", "inw", "pop"])
    public static let inhabitants65 = FieldRole(role: "inhabitants 65+", option: "--inhabitants-65-field", candidates: [
        "inhabitants_65plus", "inwoners_65plus", "aantal_inwoners_65_jaar_en_ouder", "inw_65plus", "a_65_oo", "pop_65plus"])
    public static let practiceID = FieldRole(role: "practice id", option: "--id-field", candidates: [
        "id", "practice_id", "praktijk_id", "agb", "agb_code", "agbcode", "zorgkaart_id", "code"])
    public static let practiceName = FieldRole(role: "practice name", option: "--name-field", candidates: [
        "name", "naam", "praktijknaam", "practice_name", "praktijk"])
    public static let status = FieldRole(role: "status", option: "--status-field", candidates: [
        "status", "open", "accepting_new_patients", "accepts_new_patients", "nieuwe_patienten", "patientenstop", "patiëntenstop", "patient_stop", "stop"])
    public static let statusDate = FieldRole(role: "status date", option: "--status-date-field", candidates: [
        "status_date", "statusdatum", "peildatum", "datum", "date"])
    public static let statusSource = FieldRole(role: "status source", option: "--status-source-field", candidates: [
        "status_source", "bron", "source"])
    public static let fte = FieldRole(role: "GP FTE", option: "--fte-field", candidates: [
        "gp_fte", "fte", "huisarts_fte", "fte_huisarts", "fte_huisartsen"])
    public static let listSize = FieldRole(role: "list size", option: "--list-size-field", candidates: [
        "list_size", "patients", "patienten", "patiënten", "aantal_patienten", "ingeschrevenen", "normpatienten"])
    public static let gpAge = FieldRole(role: "GP age", option: "--gp-age-field", candidates: [
        "gp_age", "huisarts_leeftijd", "leeftijd", "age"])
    public static let birthYear = FieldRole(role: "GP birth year", option: "--birth-year-field", candidates: [
        "birth_year", "geboortejaar"])
    public static let retirementYear = FieldRole(role: "GP retirement year", option: "--retirement-year-field", candidates: [
        "retirement_year", "pensioenjaar", "verwacht_pensioen"])
    public static let regionID = FieldRole(role: "region id", option: "--region-id-field", candidates: [
        "region_id", "statcode", "gemeentecode", "gm_code", "gmcode", "wk_code", "bu_code", "code", "id"])
    public static let regionName = FieldRole(role: "region name", option: "--region-name-field", candidates: [
        "name", "naam", "statnaam", "gemeentenaam", "gm_naam", "wk_naam", "bu_naam", "areaname", "region_name"])
    public static let designation = FieldRole(role: "designation", option: "--designation-field", candidates: [
        "designation", "krimp", "krimpstatus", "regio_status", "aanwijzing"])
}

/// Resolves roles to field indexes in one layer.
public struct FieldResolver {
    public let path: String
    public let fieldNames: [String]

    public init(path: String, fieldNames: [String]) {
        self.path = path
        self.fieldNames = fieldNames
    }

    /// The field for `role`: the user's choice (which must exist) or the
    /// first candidate present. Nil when optional and absent.
    public func resolve(_ role: FieldRole, override: String?, required: Bool) throws -> Int? {
        if let override {
            if let i = try index(of: override) { return i }
            throw InputError.missingField(path: path, role: role.role, option: role.option,
                                          tried: [override], available: fieldNames)
        }
        for c in role.candidates {
            if let i = try index(of: c) { return i }
        }
        if required {
            throw InputError.missingField(path: path, role: role.role, option: role.option,
                                          tried: role.candidates, available: fieldNames)
        }
        return nil
    }

    /// The field named `name` (case- and diacritic-insensitive); a name that
    /// occurs twice is an error, never a guess.
    func index(of name: String) throws -> Int? {
        let want = Self.fold(name)
        let hits = fieldNames.indices.filter { Self.fold(fieldNames[$0]) == want }
        if hits.count > 1 { throw InputError.duplicateColumn(path: path, name: fieldNames[hits[0]]) }
        return hits.first
    }

    /// The first field matching one of `patterns` in order; a pattern may
    /// start or end with `*` (any prefix or suffix).
    func firstMatch(_ patterns: [String]) throws -> Int? {
        for p in patterns {
            let f = Self.fold(p)
            if f.hasPrefix("*") || f.hasSuffix("*") {
                let core = f.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
                let hits = fieldNames.indices.filter { i in
                    let n = Self.fold(fieldNames[i])
                    return n != core && (f.hasPrefix("*") ? n.hasSuffix(core) : n.hasPrefix(core))
                }
                if let h = hits.first { return h }
            } else if let i = try index(of: p) {
                return i
            }
        }
        return nil
    }

    /// Case- and diacritic-insensitive form of a name, spaces and hyphens
    /// read as underscores: spreadsheet headers such as "Praktijk ID",
    /// "AGB-code" or "Aantal inwoners" name the same field as praktijk_id,
    /// agb_code and aantal_inwoners.
    static func fold(_ s: String) -> String {
        String(s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
            .map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
