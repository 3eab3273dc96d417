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
        for change in changes {
            switch change {
            case .close(let id): result[try find(id)].status = .closed
            case .setStatus(let id, let s): result[try find(id)].status = s
            case .setFTE(let id, let fte): result[try find(id)].gpFTE = fte
            case .add(var p):
                while index[p.id] != nil { p.id += "b" }
                index[p.id] = result.count
                result.append(p)
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
