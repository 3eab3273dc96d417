/// Applies changes to a practice list. Existing practices keep their index
/// (so baseline and scenario can be compared practice by practice); added
/// practices come after them.
public enum ScenarioApplier {
    public static func apply(_ changes: [PracticeChange], to practices: [Practice], source: String = "scenario",
                             parameters: AnalysisParameters) throws -> [Practice] {
        guard !changes.isEmpty else { throw ScenarioError.noChanges }
        var result = practices
        var index = [String: Int]()
        for (j, p) in practices.enumerated() { index[p.id] = j }
        func find(_ id: String) throws -> Int {
            if let j = index[id] { return j }
            throw ScenarioError.unknownPractice(id: id, source: source, closest: EditDistance.closest(to: id, in: Array(index.keys)))
        }
        // Two changes that set one practice's status (or FTE) differently
        // contradict each other: refused rather than "last wins".
        var statusSet: [String: (PracticeStatus, PracticeChange)] = [:], fteSet: [String: (Double, PracticeChange)] = [:]
        var eligibilitySet: [String: (PostcodeSet, PracticeChange)] = [:]
        func once<T: Equatable>(_ id: String, _ value: T, _ change: PracticeChange, in seen: inout [String: (T, PracticeChange)]) throws {
            if let (earlier, what) = seen[id], earlier != value {
                throw ScenarioError.contradictoryChanges(id: id, first: what.describe(practices), second: change.describe(practices), source: source)
            }
            seen[id] = (value, change)
        }
        for change in changes {
            switch change {
            case .close(let id):
                try once(id, PracticeStatus.closed, change, in: &statusSet)
                result[try find(id)].status = .closed
            case .setStatus(let id, let s):
                try once(id, s, change, in: &statusSet)
                result[try find(id)].status = s
            case .setFTE(let id, let fte):
                try once(id, fte, change, in: &fteSet)
                result[try find(id)].gpFTE = fte
            case .setEligibility(let id, let postcodes, _):
                try once(id, postcodes, change, in: &eligibilitySet)
                result[try find(id)].eligibility = .postcodes(postcodes)
            case .add(var p):
                if let existing = index[p.id] {
                    // Ids the tool made up (new1, new2, ...) move aside; an id
                    // the user chose must not silently name another practice.
                    guard PracticeChange.isGeneratedID(p.id) else {
                        throw ScenarioError.duplicateAddedID(id: p.id, existing: existing < practices.count ? practices[existing].name : p.id, source: source)
                    }
                    while index[p.id] != nil { p.id += "b" }
                }
                index[p.id] = result.count
                result.append(p)
            }
        }
        // Eligibility applies only to a partial stop; on any other status it would silently do nothing.
        for (id, (_, change)) in eligibilitySet.sorted(by: { $0.key < $1.key }) {
            let j = try find(id)
            guard result[j].status == .partial else {
                throw ScenarioError.badChange(source: source, detail: "\(change.describe(practices)): eligibility postcodes apply only to a practice with a partial stop, and \(id) is \(result[j].status.rawValue) in the scenario (set its status to partial in the same change)")
            }
        }
        for j in practices.indices where result[j] != practices[j] { result[j].statusSource = "scenario" }
        guard result.contains(where: { parameters.isOpen($0.status) }) else {
            var counts: [String: Int] = [:]
            for p in result { counts[p.status.rawValue, default: 0] += 1 }
            let text = PracticeStatus.allCases.map { "\($0.rawValue): \(counts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            throw ScenarioError.noOpenPracticeLeft(changes: changes.map { $0.describe(practices) }.joined(separator: "; "), counts: text)
        }
        return result
    }
}
