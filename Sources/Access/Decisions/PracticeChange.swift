import Geo

/// One change to the practice list in a scenario.
public enum PracticeChange: Sendable, Equatable {
    /// The practice stops (closed: takes no new patients, counts as not open).
    case close(id: String)
    /// A new patient-stop status (open, partial, closed, unknown).
    case setStatus(id: String, status: PracticeStatus)
    /// A new number of full-time GPs (changes capacity and headroom).
    case setFTE(id: String, fte: Double)
    /// A new practice at a location (EPSG:28992), open unless stated.
    case add(Practice)
    /// The postcodes a partial practice still accepts new patients from
    /// (issue 13); `text` is the list as written, for the summary.
    case setEligibility(id: String, postcodes: PostcodeSet, text: String)

    /// Ids given to added practices that had none (`new1`, `new2`, ...).
    static func isGeneratedID(_ id: String) -> Bool {
        id.hasPrefix("new") && id.count > 3 && id.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The changes with each repeated one kept once (first place), and a
    /// warning per repeated change: `--close X --close X` is most likely a
    /// slip for another practice, so it is said, not passed silently.
    static func once(_ changes: [PracticeChange], practices: [Practice], source: String) -> ([PracticeChange], [String]) {
        var kept: [PracticeChange] = [], times: [Int] = []
        for change in changes {
            if let k = kept.firstIndex(of: change) { times[k] += 1 } else { kept.append(change); times.append(1) }
        }
        let warnings = zip(kept, times).filter { $0.1 > 1 }.map { change, n in
            "\(source): the change '\(change.describe(practices))' is given \(n) times; it counts once (did you mean another practice?)."
        }
        return (kept, warnings)
    }

    /// A warning per change that leaves its practice as it was (`--close X`
    /// of a practice already closed): the scenario then shows no effect of
    /// it, which reads as "closing X affects nobody" unless it is said.
    static func unchanged(_ changes: [PracticeChange], before: [Practice], after: [Practice], source: String) -> [String] {
        var index: [String: Int] = [:]
        for (j, p) in before.enumerated() { index[p.id] = j }
        return changes.compactMap { change in
            let id: String
            switch change {
            case .close(let i), .setStatus(let i, _), .setFTE(let i, _), .setEligibility(let i, _, _): id = i
            case .add: return nil
            }
            guard let j = index[id], j < after.count, after[j] == before[j] else { return nil }
            let p = before[j]
            let state = { if case .setFTE = change { return "has \(p.gpFTE.map { "\($0)" } ?? "no") GP FTE" } else { return "is \(p.status.rawValue)" } }()
            return "\(source): the change '\(change.describe(before))' changes nothing: the practice list already says it \(state), so the scenario shows no effect of it."
        }
    }

    /// What the change does, in words, for the summary.
    public func describe(_ practices: [Practice]) -> String {
        func label(_ id: String) -> String {
            guard let p = practices.first(where: { $0.id == id }) else { return id }
            return p.name == p.id ? p.id : "\(p.name) (\(p.id))"
        }
        switch self {
        case .close(let id): return "closes \(label(id))"
        case .setStatus(let id, let s): return "sets \(label(id)) to \(s.rawValue)"
        case .setFTE(let id, let fte): return "sets the GP FTE of \(label(id)) to \(fte)"
        case .setEligibility(let id, _, let text): return "lets \(label(id)) take new patients only from postcodes \(text)"
        case .add(let p):
            let fte = p.gpFTE.map { " with \($0) FTE" } ?? ""
            return "adds \(p.name) (\(p.id)) at RD \(SafeNumber.whole(p.location.x)), \(SafeNumber.whole(p.location.y))\(fte)"
        }
    }
}

/// Parses changes written on the command line.
public enum PracticeChangeParser {
    /// `ID=value` for --set-status and --set-fte.
    public static func assignment(_ text: String, option: String) throws -> (String, String) {
        guard let eq = text.lastIndex(of: "=") else {
            throw ScenarioError.badChange(source: option, detail: "expected ID=VALUE, got '\(text)'")
        }
        let id = text[..<eq].trimmingCharacters(in: .whitespaces), value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !value.isEmpty else {
            throw ScenarioError.badChange(source: option, detail: "expected ID=VALUE, got '\(text)'")
        }
        return (id, value)
    }

    public static func status(_ value: String, source: String) throws -> PracticeStatus {
        guard let s = ValueParsing.status(.string(value), fieldMeansStop: false) else {
            throw ScenarioError.badChange(source: source, detail: "status '\(value)' is not one of open, partial, closed, unknown (or ja/nee, gedeeltelijk, ...)")
        }
        return s
    }

    public static func fte(_ value: String, source: String) throws -> Double {
        guard let v = ValueParsing.number(.string(value)), v >= 0, v <= AnalysisError.maxPracticeFTE else {
            throw ScenarioError.badChange(source: source, detail: "FTE must be a number from 0 to \(Int(AnalysisError.maxPracticeFTE)), got '\(value)'")
        }
        return v
    }

    /// `--add "name,x,y[,fte]"`: x/y in EPSG:28992 metres, or WGS84
    /// longitude/latitude inside the Netherlands (recognised and converted).
    public static func add(_ text: String, number: Int) throws -> Practice {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3 || parts.count == 4, !parts[0].isEmpty,
              let x = Double(parts[1]), let y = Double(parts[2]) else {
            throw ScenarioError.badChange(source: "--add", detail: "expected \"name,x,y[,fte]\" with x/y in RD New metres (EPSG:28992) or WGS84 lon,lat; got '\(text)'")
        }
        let location = try ChangeCoordinates.toRD(Coordinate(x: x, y: y), crs: nil, source: "--add")
        let fte = parts.count == 4 && !parts[3].isEmpty ? try fte(parts[3], source: "--add") : nil
        return Practice(id: "new\(number)", name: parts[0], location: location, status: .open,
                        statusSource: "scenario", gpFTE: fte)
    }
}

/// Brings the coordinates of added practices to EPSG:28992.
enum ChangeCoordinates {
    static func toRD(_ c: Coordinate, crs: String?, source: String) throws -> Coordinate {
        let from: String
        if let crs { from = crs } else {
            switch CRSDetection.guess([c]) {
            case .rdNew: return c
            case .wgs84: from = CoordinateTransformer.wgs84
            default:
                throw ScenarioError.badChange(source: source, detail: "coordinate \(c) is neither RD New metres nor WGS84 lon/lat inside the Netherlands")
            }
        }
        if from == CoordinateTransformer.rdNew { return c }
        return try CoordinateTransformer(from: from, to: CoordinateTransformer.rdNew).transform(c)
    }
}
