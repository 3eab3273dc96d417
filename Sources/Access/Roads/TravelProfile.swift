import Foundation

/// A way of travelling over the road network.
public enum TravelMode: Int, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    case car = 0
    case bicycle = 1
    case foot = 2

    /// Lower-case name used in profile files and output columns (`road_min_car`).
    public var name: String {
        switch self {
        case .car: return "car"
        case .bicycle: return "bicycle"
        case .foot: return "foot"
        }
    }

    public var description: String { name }

    public init?(name: String) {
        switch name.lowercased() {
        case "car": self = .car
        case "bicycle", "bike", "fiets": self = .bicycle
        case "foot", "walk": self = .foot
        default: return nil
        }
    }
}

/// A set of travel modes, stored as a bit mask.
public struct ModeSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ mode: TravelMode) { rawValue = 1 << UInt8(mode.rawValue) }

    public static let car = ModeSet(.car)
    public static let bicycle = ModeSet(.bicycle)
    public static let foot = ModeSet(.foot)
    public static let all: ModeSet = [.car, .bicycle, .foot]

    public func contains(_ mode: TravelMode) -> Bool { contains(ModeSet(mode)) }
}

/// Directions a road may be travelled, relative to the order of its
/// coordinates (the digitising direction).
public enum RoadDirection: Sendable, Hashable {
    /// Both ways.
    case both
    /// Only in the digitising direction (OSM `oneway=yes`, NWB `rijrichtng=H`).
    case forward
    /// Only against the digitising direction (OSM `oneway=-1`, NWB `rijrichtng=T`).
    case backward
}

/// Which road classes a mode may use and how fast it goes on them.
///
/// Road classes are OSM `highway` values. Defaults (km/h):
///
/// | class | car | bicycle | foot |
/// |---|---|---|---|
/// | motorway | 100 | – | – |
/// | motorway_link | 60 | – | – |
/// | trunk | 80 | – | – |
/// | trunk_link | 50 | – | – |
/// | primary | 60 | 15 | 5 |
/// | primary_link | 40 | 15 | 5 |
/// | secondary | 50 | 15 | 5 |
/// | secondary_link | 40 | 15 | 5 |
/// | tertiary | 40 | 15 | 5 |
/// | tertiary_link | 30 | 15 | 5 |
/// | unclassified | 30 | 15 | 5 |
/// | residential | 30 | 15 | 5 |
/// | road | 30 | 15 | 5 |
/// | living_street | 15 | 12 | 5 |
/// | service | 15 | 12 | 5 |
/// | track | – | 12 | 5 |
/// | cycleway | – | 18 | 5 |
/// | path | – | 12 | 5 |
/// | bridleway | – | – | 5 |
/// | pedestrian | – | 6 | 5 |
/// | footway | – | 6 (pushing) | 5 |
/// | steps | – | – | 3 |
///
/// Car speed on a road with a `maxspeed` tag is the tagged limit; bicycle and
/// foot speeds are the class default, capped by a lower `maxspeed` (e.g.
/// `maxspeed=walk`). `maxspeed=none` leaves the class default.
///
/// Oneway rules: car obeys `oneway`; bicycle obeys it unless the road has
/// `oneway:bicycle=no` (or `cycleway=opposite*`); foot ignores it.
///
/// Access tags (`access`, `vehicle`, `motor_vehicle`, `motorcar`, `bicycle`,
/// `foot`; the most specific tag present for the mode wins): `no`, `private`,
/// `agricultural`, `forestry`, `military`, `emergency` and (bicycle)
/// `use_sidepath` exclude the road; `yes`, `designated`, `permissive`,
/// `destination`, `customers`, `delivery` allow it even on a class the mode
/// does not use by default (e.g. `highway=footway` + `bicycle=yes`).
/// `motorroad=yes` (Dutch autoweg) excludes bicycle and foot.
public struct TravelProfile: Sendable, Hashable {
    public let mode: TravelMode
    /// Speed in km/h per road class the mode may use; classes not listed are
    /// not used unless an access tag allows them.
    public var speedsKmh: [String: Double]
    /// Speed in km/h on a class not listed but opened by an access tag.
    public var fallbackSpeedKmh: Double

    public init(mode: TravelMode, speedsKmh: [String: Double], fallbackSpeedKmh: Double) {
        self.mode = mode
        self.speedsKmh = speedsKmh
        self.fallbackSpeedKmh = fallbackSpeedKmh
    }

    /// The default car profile (see the table above).
    public static let car = TravelProfile(mode: .car, speedsKmh: [
        "motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50,
        "primary": 60, "primary_link": 40, "secondary": 50, "secondary_link": 40,
        "tertiary": 40, "tertiary_link": 30, "unclassified": 30, "residential": 30,
        "road": 30, "living_street": 15, "service": 15,
    ], fallbackSpeedKmh: 15)

    /// The default bicycle profile (see the table above).
    public static let bicycle = TravelProfile(mode: .bicycle, speedsKmh: [
        "primary": 15, "primary_link": 15, "secondary": 15, "secondary_link": 15,
        "tertiary": 15, "tertiary_link": 15, "unclassified": 15, "residential": 15,
        "road": 15, "living_street": 12, "service": 12, "track": 12,
        "cycleway": 18, "path": 12, "pedestrian": 6, "footway": 6,
    ], fallbackSpeedKmh: 12)

    /// The default foot profile (see the table above).
    public static let foot = TravelProfile(mode: .foot, speedsKmh: [
        "primary": 5, "primary_link": 5, "secondary": 5, "secondary_link": 5,
        "tertiary": 5, "tertiary_link": 5, "unclassified": 5, "residential": 5,
        "road": 5, "living_street": 5, "service": 5, "track": 5,
        "cycleway": 5, "path": 5, "bridleway": 5, "pedestrian": 5, "footway": 5, "steps": 3,
    ], fallbackSpeedKmh: 5)

    public static func `default`(_ mode: TravelMode) -> TravelProfile {
        switch mode {
        case .car: return .car
        case .bicycle: return .bicycle
        case .foot: return .foot
        }
    }

    /// True when the mode uses this road class by default.
    public func usesClass(_ highway: String) -> Bool { speedsKmh[highway] != nil }

    /// Speed in km/h on a road of this class with an optional parsed
    /// `maxspeed` (km/h; `.infinity` for `none`).
    public func speedKmh(highway: String, maxspeedKmh: Double?) -> Double {
        let base = speedsKmh[highway] ?? fallbackSpeedKmh
        guard let maxspeedKmh, maxspeedKmh > 0 else { return base }
        if maxspeedKmh == .infinity { return base }
        switch mode {
        case .car: return maxspeedKmh
        case .bicycle, .foot: return Swift.min(base, maxspeedKmh)
        }
    }

    // MARK: maxspeed

    /// What a `maxspeed` text says.
    public enum MaxSpeedReading: Equatable, Sendable {
        /// No text: the class speed.
        case absent
        /// A posted limit in km/h.
        case kmh(Double)
        /// No fixed limit (`none`, `signals`, `variable`): the class speed.
        case noFixedLimit
        /// Not a speed, or outside `plausibleMaxSpeedKmh` (e.g. 5000 typed
        /// for 50): the class speed, counted and reported as not used.
        case notUsed

        /// The km/h `speedKmh(highway:maxspeedKmh:)` takes: `.infinity` for
        /// no fixed limit, nil when absent or not used.
        public var speedKmh: Double? {
            switch self {
            case .kmh(let v): return v
            case .noFixedLimit: return .infinity
            case .absent, .notUsed: return nil
            }
        }
    }

    /// The posted limits taken as they are; anything else is a typing error.
    public static let plausibleMaxSpeedKmh: ClosedRange<Double> = 1...200

    /// Reads an OSM `maxspeed` value.
    ///
    /// `"50"` → 50, `"50 km/h"` → 50, `"30 mph"` → 48.28, `"NL:urban"` → 50,
    /// `"NL:rural"` → 80, `"NL:motorway"` → 130, `"NL:trunk"` → 100,
    /// `"NL:zone30"` → 30, `"NL:zone60"` → 60, `"NL:living_street"` → 15,
    /// `"NL:bicycle_road"` → 30, `"walk"` → 15 (Dutch *stapvoets* in an erf,
    /// commonly taken as 15 km/h); `"none"`, `"signals"`, `"variable"`: no
    /// fixed limit. Several values separated by `;` use the first.
    public static func readMaxSpeed(_ text: String) -> MaxSpeedReading {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let semi = s.firstIndex(of: ";") { s = String(s[..<semi]).trimmingCharacters(in: .whitespaces) }
        if s.isEmpty { return .absent }
        let kmh: Double?
        switch s {
        case "none", "unlimited", "signals", "variable": return .noFixedLimit
        case "walk", "nl:walk": kmh = 15
        case "nl:urban": kmh = 50
        case "nl:rural": kmh = 80
        case "nl:trunk": kmh = 100
        case "nl:motorway": kmh = 130
        case "nl:living_street": kmh = 15
        case "nl:bicycle_road": kmh = 30
        default:
            if s.hasPrefix("nl:zone") { kmh = positiveNumber(String(s.dropFirst("nl:zone".count))) }
            else if s.hasSuffix("mph") { kmh = positiveNumber(String(s.dropLast(3)).trimmingCharacters(in: .whitespaces)).map { $0 * 1.609344 } }
            else if s.hasSuffix("km/h") { kmh = positiveNumber(String(s.dropLast(4)).trimmingCharacters(in: .whitespaces)) }
            else if s.hasSuffix("kmh") { kmh = positiveNumber(String(s.dropLast(3)).trimmingCharacters(in: .whitespaces)) }
            else if s.hasSuffix("knots") { kmh = positiveNumber(String(s.dropLast(5)).trimmingCharacters(in: .whitespaces)).map { $0 * 1.852 } }
            else { kmh = positiveNumber(s) }
        }
        guard let kmh, plausibleMaxSpeedKmh.contains(kmh) else { return .notUsed }
        return .kmh(kmh)
    }

    /// A `maxspeed` text in km/h as `speedKmh(highway:maxspeedKmh:)` takes
    /// it: `.infinity` for no fixed limit, nil when absent or not used.
    public static func parseMaxSpeed(_ text: String) -> Double? { readMaxSpeed(text).speedKmh }

    private static func positiveNumber(_ s: String) -> Double? {
        guard let v = Double(s), v.isFinite, v > 0 else { return nil }
        return v
    }

    // MARK: access

    static let excludingValues: Set<String> = ["no", "private", "agricultural", "forestry", "military", "emergency"]
    static let allowingValues: Set<String> = ["yes", "designated", "permissive", "destination", "customers", "delivery"]

    /// Access keys from least to most specific, per mode.
    static func accessKeys(_ mode: TravelMode) -> [String] {
        switch mode {
        case .car: return ["access", "vehicle", "motor_vehicle", "motorcar"]
        case .bicycle: return ["access", "vehicle", "bicycle"]
        case .foot: return ["access", "foot"]
        }
    }

    /// Whether this mode may use a road of class `highway` with these OSM tags.
    public func allows(highway: String, tags: [String: String]) -> Bool {
        if mode != .car, tags["motorroad"] == "yes" { return false }
        var decision: Bool? = nil
        for key in Self.accessKeys(mode) {
            guard let raw = tags[key] else { continue }
            let v = raw.lowercased()
            if Self.excludingValues.contains(v) || (mode == .bicycle && key == "bicycle" && v == "use_sidepath") {
                decision = false
            } else if Self.allowingValues.contains(v) {
                decision = true
            }
        }
        if let decision {
            // `access=no` with a class this mode never uses stays excluded; an
            // explicit allow opens any road class.
            return decision
        }
        return usesClass(highway)
    }

    /// The directions this mode may travel on a road with these OSM tags.
    /// Handles `oneway` (`yes`/`true`/`1`, `-1`/`reverse`, `no`), implied
    /// oneway on motorways and roundabouts, and `oneway:bicycle=no`.
    public static func direction(mode: TravelMode, highway: String, tags: [String: String]) -> RoadDirection {
        let general = onewayDirection(highway: highway, tags: tags)
        switch mode {
        case .car: return general
        case .foot: return .both
        case .bicycle:
            if let ob = tags["oneway:bicycle"]?.lowercased() {
                switch ob {
                case "no", "false", "0": return .both
                case "yes", "true", "1": return .forward
                case "-1", "reverse": return .backward
                default: break
                }
            }
            if let cw = tags["cycleway"]?.lowercased(), cw.hasPrefix("opposite") { return .both }
            return general
        }
    }

    /// The general (motor traffic) oneway direction of an OSM road.
    public static func onewayDirection(highway: String, tags: [String: String]) -> RoadDirection {
        if let o = tags["oneway"]?.lowercased() {
            switch o {
            case "yes", "true", "1": return .forward
            case "-1", "reverse": return .backward
            case "no", "false", "0": return .both
            default: break
            }
        }
        if highway == "motorway" { return .forward }
        if let j = tags["junction"]?.lowercased(), j == "roundabout" || j == "circular" { return .forward }
        return .both
    }

    // MARK: overrides

    /// Road classes that `profiles` give a speed and the default profile of
    /// the same mode does not: classes a `--profile` line adds (`car.track =
    /// 20`, or a misspelt `car.residental = 50`). The road readers report
    /// those that no road of the file has.
    public static func addedClasses(_ profiles: [TravelProfile]) -> Set<String> {
        var added = Set<String>()
        for p in profiles { added.formUnion(Set(p.speedsKmh.keys).subtracting(TravelProfile.default(p.mode).speedsKmh.keys)) }
        return added
    }

    /// Applies speed overrides from a small text file, one `mode.class = value`
    /// per line, e.g.
    ///
    ///     # slower residential streets
    ///     car.residential = 30
    ///     bicycle.track = no      # do not cycle on tracks
    ///     foot.* = 4.5            # every class foot uses
    ///
    /// `value` is a speed in km/h (> 0; enables the class if it was not used)
    /// or `no` (the mode no longer uses the class). `#` starts a comment.
    /// Throws `ProfileError` naming the line for anything else.
    public static func applyOverrides(_ text: String, to profiles: [TravelProfile]) throws -> [TravelProfile] {
        var result = profiles
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(rawLine)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            line = line.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.isEmpty { continue }
            func fail(_ message: String) -> ProfileError {
                ProfileError(line: lineNumber, text: String(rawLine), message: message)
            }
            guard let eq = line.firstIndex(of: "=") else { throw fail("expected 'mode.class = km/h', e.g. 'car.residential = 30'") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard let dot = key.firstIndex(of: ".") else { throw fail("key '\(key)' must be 'mode.class', e.g. 'car.residential'") }
            let modeName = String(key[..<dot]).trimmingCharacters(in: .whitespaces)
            let highway = String(key[key.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
            guard let mode = TravelMode(name: modeName) else {
                throw fail("unknown mode '\(modeName)' (expected car, bicycle or foot)")
            }
            guard !highway.isEmpty, highway.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "*" }) else {
                throw fail("'\(highway)' is not a road class (an OSM highway value such as 'residential', or '*')")
            }
            guard let index = result.firstIndex(where: { $0.mode == mode }) else {
                throw fail("mode '\(modeName)' is not among the profiles in use")
            }
            let classes = highway == "*" ? Array(result[index].speedsKmh.keys) : [highway]
            if value.lowercased() == "no" {
                for c in classes { result[index].speedsKmh[c] = nil }
            } else if let v = Double(value), v.isFinite, v > 0, v <= 300 {
                for c in classes { result[index].speedsKmh[c] = v }
            } else {
                throw fail("value '\(value)' is not a speed in km/h (a number above 0 and at most 300) or 'no'")
            }
        }
        return result
    }
}

/// A problem in a profile override file, naming the line.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public let line: Int
    public let text: String
    public let message: String

    public var description: String { "profile line \(line) ('\(text)'): \(message)" }
}

/// Parses OSM's hstore text as written by GDAL's OSM driver in `other_tags`:
/// `"oneway"=>"yes","maxspeed"=>"50"`. Backslash escapes are honoured.
public enum OSMTags {
    public static func parse(_ text: String) -> [String: String] {
        var result = [String: String]()
        var strings = [String]()
        var current = ""
        var inString = false
        var escaped = false
        for ch in text {
            if inString {
                if escaped { current.append(ch); escaped = false }
                else if ch == "\\" { escaped = true }
                else if ch == "\"" { strings.append(current); current = ""; inString = false }
                else { current.append(ch) }
            } else if ch == "\"" {
                inString = true
            }
        }
        var i = 0
        while i + 1 < strings.count {
            result[strings[i]] = strings[i + 1]
            i += 2
        }
        return result
    }
}
