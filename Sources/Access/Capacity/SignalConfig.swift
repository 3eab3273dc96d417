import Foundation

/// Thresholds of the signalling matrix, one amber and one red level per
/// indicator. Defaults and their rationale are in the README ("Capacity and
/// the signalling matrix"); a JSON file (`--signal-config`) overrides any of
/// them, e.g. `{"fca_per_10k": {"amber": 4, "red": 3}, "outflow_share": {"enabled": false}}`.
public struct SignalConfig: Codable, Sendable {
    public struct Threshold: Codable, Sendable, Equatable {
        public var amber: Double
        public var red: Double
        public var enabled = true
        public init(amber: Double, red: Double, enabled: Bool = true) { self.amber = amber; self.red = red; self.enabled = enabled }
    }

    public var thresholds: [String: Threshold]

    public init() { thresholds = Dictionary(uniqueKeysWithValues: SignalIndicator.allCases.map { ($0.rawValue, $0.defaultThreshold) }) }

    public func threshold(_ i: SignalIndicator) -> Threshold { thresholds[i.rawValue] ?? i.defaultThreshold }

    /// Reads a config file over the defaults; unknown indicators and
    /// thresholds that contradict each other are errors.
    public static func load(path: String) throws -> SignalConfig {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? "not readable" : "no such file"
            throw SignalConfigError(path: path, message: "cannot be read: \(reason)")
        }
        let object: [String: [String: JSONScalar]]
        do { object = try JSONDecoder().decode([String: [String: JSONScalar]].self, from: data) } catch {
            throw SignalConfigError(path: path, message: Self.describe(error))
        }
        var config = SignalConfig()
        for key in object.keys.sorted() {
            guard let indicator = SignalIndicator(rawValue: key) else {
                throw SignalConfigError(path: path, message: "unknown indicator '\(key)'; known: \(SignalIndicator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let fields = object[key]!
            var t = indicator.defaultThreshold
            for field in fields.keys.sorted() {
                let v = fields[field]!
                switch field {
                case "amber", "red":
                    guard case .number(let n) = v, n.isFinite else {
                        throw SignalConfigError(path: path, message: "'\(key).\(field)' must be a number, found \(v)")
                    }
                    if field == "amber" { t.amber = n } else { t.red = n }
                case "enabled":
                    guard case .bool(let b) = v else { throw SignalConfigError(path: path, message: "'\(key).enabled' must be true or false, found \(v)") }
                    t.enabled = b
                default:
                    throw SignalConfigError(path: path, message: "'\(key)' has an unknown field '\(field)' (amber, red, enabled)")
                }
            }
            config.thresholds[key] = t
        }
        try config.validate(path: path)
        return config
    }

    /// Red must lie beyond amber in the indicator's bad direction.
    public func validate(path: String = "signal config") throws {
        for i in SignalIndicator.allCases {
            let t = threshold(i)
            guard t.enabled else { continue }
            let ok = i.higherIsWorse ? t.red >= t.amber : t.red <= t.amber
            if !ok {
                let worse = i.higherIsWorse ? "higher" : "lower"
                throw SignalConfigError(path: path, message: "'\(i.rawValue)': red (\(t.red)) must be at least as bad as amber (\(t.amber)); for this indicator \(worse) is worse")
            }
            if i.isShare && !((0...1).contains(t.amber) && (0...1).contains(t.red)) {
                throw SignalConfigError(path: path, message: "'\(i.rawValue)' is a share: amber and red must lie between 0 and 1, got \(t.amber) and \(t.red)")
            }
            if t.amber < 0 || t.red < 0 {
                throw SignalConfigError(path: path, message: "'\(i.rawValue)': thresholds must not be negative, got \(t.amber) and \(t.red)")
            }
        }
    }
}

/// One JSON value of a threshold field. Decoded with `JSONDecoder`, which
/// keeps `true`/`false` apart from `1`/`0` (on Linux `JSONSerialization`
/// hands both back as an NSNumber that also reads as a Bool).
enum JSONScalar: Decodable, CustomStringConvertible {
    case number(Double), bool(Bool), text(String), other

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .text(s) }
        else { self = .other }
    }

    var description: String {
        switch self {
        case .number(let n): return Flagging.number(n)
        case .bool(let b): return String(b)
        case .text(let s): return "the text \"\(s)\""
        case .other: return "null, a list or an object"
        }
    }
}

extension SignalConfig {
    /// A decoding failure in words: where in the file and what was expected.
    static func describe(_ error: Error) -> String {
        let example = "e.g. {\"fca_per_10k\": {\"amber\": 7, \"red\": 5}}"
        guard let e = error as? DecodingError else { return "is not valid JSON (\(error.localizedDescription))" }
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c):
            let at = c.codingPath.map(\.stringValue).joined(separator: ".")
            return at.isEmpty ? "is not a JSON object of indicators, \(example)"
                : "'\(at)' must be an object with amber, red and/or enabled, \(example)"
        case .dataCorrupted(let c):
            let detail = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? c.debugDescription
            return "is not valid JSON (\(detail))"
        @unknown default:
            return "is not a JSON object of indicators, \(example)"
        }
    }
}

public struct SignalConfigError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
