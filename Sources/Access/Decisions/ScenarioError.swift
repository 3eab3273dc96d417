/// Errors in a scenario's changes, written for the user.
public enum ScenarioError: Error, CustomStringConvertible, Equatable {
    case unknownPractice(id: String, source: String, closest: [String])
    case noOpenPracticeLeft(changes: String, counts: String)
    case badChange(source: String, detail: String)
    case noChanges
    case contradictoryChanges(id: String, first: String, second: String, source: String)
    case duplicateAddedID(id: String, existing: String, source: String)

    public var description: String {
        switch self {
        case .unknownPractice(let id, let source, let closest):
            return "\(source): no practice with id '\(id)'. Closest ids: \(closest.joined(separator: ", "))."
        case .noOpenPracticeLeft(let changes, let counts):
            return "the scenario (\(changes)) leaves no practice open to new patients (\(counts)); distances to an open practice cannot be computed. Keep at least one practice open, or add one with --add."
        case .badChange(let source, let detail):
            return "\(source): \(detail)"
        case let .contradictoryChanges(id, first, second, source):
            return "\(source): contradictory changes to practice '\(id)': one \(first), another \(second). Give one change per practice."
        case let .duplicateAddedID(id, existing, source):
            return "\(source): an added practice has the id '\(id)', which the practice list already uses (\(existing)). Give the new practice an id of its own."
        case .noChanges:
            return "no changes given: use --close, --set-status, --set-fte, --add or --changes FILE."
        }
    }
}
