import Geo

/// Errors about the files a user passes in, naming the file, the feature or
/// line, the field, what was expected and what was found.
public enum InputError: Error, CustomStringConvertible, Equatable {
    case missingField(path: String, role: String, option: String, tried: [String], available: [String])
    case emptyLayer(path: String, layer: String)
    case noUsableFeatures(path: String, skipped: Int, firstReason: String)
    case unknownCRS(path: String, detail: String)
    case invalidValue(path: String, feature: Int, field: String, expected: String, found: String)
    case invalidGeometry(path: String, feature: Int, detail: String)
    case noOpenPractice(path: String, counts: String)
    case duplicateID(path: String, id: String, features: [Int])

    public var description: String {
        switch self {
        case .missingField(let path, let role, let option, let tried, let available):
            return "\(path): no \(role) field (tried: \(tried.joined(separator: ", "))). " +
                "The layer has: \(available.isEmpty ? "no fields" : available.joined(separator: ", ")). " +
                "Name the field with \(option) NAME."
        case .emptyLayer(let path, let layer):
            return "\(path): layer '\(layer)' has no features."
        case .noUsableFeatures(let path, let skipped, let reason):
            return "\(path): none of the features can be used (\(skipped) skipped; first: \(reason))."
        case .unknownCRS(let path, let detail):
            return "\(path): \(detail)"
        case .invalidValue(let path, let feature, let field, let expected, let found):
            return "\(path), feature \(feature), field '\(field)': expected \(expected), found '\(found)'."
        case .invalidGeometry(let path, let feature, let detail):
            return "\(path), feature \(feature): \(detail)"
        case .noOpenPractice(let path, let counts):
            return "\(path): no practice is open to new patients (\(counts)). " +
                "Distances to an open practice cannot be computed. Check the status field " +
                "(--status-field), or count unknown statuses as open with --unknown-status open, " +
                "or partial stops with --partial open."
        case .duplicateID(let path, let id, let features):
            return "\(path): id '\(id)' is used by features \(features.map(String.init).joined(separator: ", ")); ids must be unique (or pass --id-field)."
        }
    }
}
