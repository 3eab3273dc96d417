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
            throw SignalConfigError(path: path, message: "cannot be read (\(error.localizedDescription))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SignalConfigError(path: path, message: "is not a JSON object of indicators, e.g. {\"fca_per_10k\": {\"amber\": 7, \"red\": 5}}")
        }
        var config = SignalConfig()
        for (key, value) in object {
            guard let indicator = SignalIndicator(rawValue: key) else {
                throw SignalConfigError(path: path, message: "unknown indicator '\(key)'; known: \(SignalIndicator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let fields = value as? [String: Any] else {
                throw SignalConfigError(path: path, message: "'\(key)' must be an object with amber and red")
            }
            var t = indicator.defaultThreshold
            for (field, v) in fields {
                switch field {
                case "amber", "red":
                    guard let n = v as? NSNumber, !(v is Bool), n.doubleValue.isFinite else {
                        throw SignalConfigError(path: path, message: "'\(key).\(field)' must be a number, found \(v)")
                    }
                    if field == "amber" { t.amber = n.doubleValue } else { t.red = n.doubleValue }
                case "enabled":
                    guard let b = v as? Bool else { throw SignalConfigError(path: path, message: "'\(key).enabled' must be true or false") }
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

public struct SignalConfigError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
