import Foundation
import Geo

/// Parsing of numbers and statuses as they appear in planners' files.
public enum ValueParsing {
    /// A number written the English or the Dutch way ("1234.5", "1.234,5",
    /// "1234,5"). Nil when the text is not a finite number — also for what
    /// Swift's `Double(_:)` would read but no planner writes as a number
    /// ("0x10", "0x1p3", "inf", "nan").
    public static func number(_ value: FieldValue) -> Double? {
        switch value {
        case .null: return nil
        case .integer(let i): return Double(i)
        case .real(let d): return d.isFinite ? d : nil
        case .boolean(let b): return b ? 1 : 0
        case .string(let raw):
            var s = raw.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { return nil }
            let hasComma = s.contains(","), hasDot = s.contains(".")
            if hasComma && hasDot {
                // The separator that comes last is the decimal one.
                if s.lastIndex(of: ",")! > s.lastIndex(of: ".")! {
                    s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                } else {
                    s = s.replacingOccurrences(of: ",", with: "")
                }
            } else if hasComma {
                s = s.replacingOccurrences(of: ",", with: ".")
            }
            guard NumberText(s) != nil, let d = Double(s), d.isFinite else { return nil }
            return d
        }
    }

    static let openWords: Set<String> = ["open", "ja", "j", "yes", "y", "true", "1", "accepting", "accepts",
                                         "open voor nieuwe patienten", "neemt patienten aan", "geen stop", "geen", "none",
                                         "geen patientenstop", "patientenstop opgeheven"]
    static let closedWords: Set<String> = ["nee", "n", "no", "false", "0", "stop", "volledig", "closed", "gesloten",
                                           "dicht", "full", "vol", "patientenstop", "volledige stop", "opgeheven",
                                           "volledige patientenstop", "gesloten voor nieuwe patienten"]
    static let partialWords: Set<String> = ["partial", "gedeeltelijk", "beperkt", "limited", "deels", "conditional",
                                            "gedeeltelijke stop", "beperkte stop", "voorwaardelijk"]
    static let yesNo: Set<String> = ["ja", "j", "yes", "y", "true", "1", "nee", "n", "no", "false", "0"]

    /// A status value. `fieldMeansStop` inverts yes/no answers for fields
    /// that ask "is there a patient stop?" (e.g. `patientenstop`): there
    /// "ja" means closed. Nil when the text is not recognised.
    public static func status(_ value: FieldValue, fieldMeansStop: Bool) -> PracticeStatus? {
        guard let text = value.text else { return .unknown }
        let s = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s == "onbekend" || s == "unknown" || s == "?" || s == "-" { return .unknown }
        if fieldMeansStop && yesNo.contains(s) {
            return openWords.contains(s) ? .closed : .open
        }
        if partialWords.contains(s) || s.hasPrefix("gedeeltelijk") || s.hasPrefix("beperkt") || s.hasPrefix("partial") {
            return .partial
        }
        if openWords.contains(s) { return .open }
        if closedWords.contains(s) { return .closed }
        return nil
    }

    /// True for field names that ask whether there is a stop.
    public static func fieldMeansStop(_ name: String) -> Bool {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains("stop")
    }
}
