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
    case ambiguousNumbers(path: String, field: String, examples: [String])
    case contradictoryNumbers(path: String, field: String, comma: String, point: String)
    case missingCoordinates(path: String, triedX: [String], triedY: [String], available: [String], hint: String)
    case duplicateColumn(path: String, name: String)
    case crsMismatch(path: String, declared: String, given: String)
    case joinMatchesNothing(path: String, key: String, geometryPath: String, geometryKey: String, examples: [String], geometryExamples: [String])
    case duplicateKey(path: String, field: String, key: String, features: [Int])
    case invalidOption(option: String, expected: String, found: String)

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
        case .ambiguousNumbers(let path, let field, let examples):
            return "\(path), column '\(field)': cannot tell whether \(examples.map { "'\($0)'" }.joined(separator: " and ")) use a decimal separator or a thousands separator, and no value in the column settles it. " +
                "Pass --decimal-separator comma (Dutch: 1.234,5) or --decimal-separator point (English: 1,234.5); it applies to every text-valued number of every input."
        case .contradictoryNumbers(let path, let field, let comma, let point):
            return "\(path), column '\(field)': the numbers contradict each other: '\(comma)' reads only with a decimal comma, '\(point)' only with a decimal point (or as thousands). " +
                "Write the column in one format, or pass --decimal-separator comma|point to read it one way (values that do not fit are then reported)."
        case .missingCoordinates(let path, let x, let y, let available, let hint):
            return "\(path): no geometry and no coordinate columns (x tried: \(x.joined(separator: ", ")); y tried: \(y.joined(separator: ", "))). " +
                "The file has: \(available.isEmpty ? "no columns" : available.joined(separator: ", ")). Name the columns with --x-field NAME --y-field NAME\(hint)."
        case .duplicateColumn(let path, let name):
            return "\(path): the column name '\(name)' occurs more than once; bereik will not guess which one is meant. Rename one of them."
        case .crsMismatch(let path, let declared, let given):
            return "\(path): the file declares its CRS as \(declared), but --crs \(given) was given. --crs applies only to sources without a CRS; to override a declared CRS, pass --force-crs \(given)."
        case .joinMatchesNothing(let path, let key, let geometryPath, let geometryKey, let examples, let geometryExamples):
            return "\(path): no value of key column '\(key)' (e.g. \(examples.joined(separator: ", "))) matches a value of '\(geometryKey)' in \(geometryPath) (e.g. \(geometryExamples.joined(separator: ", "))). Check --population-key and --population-geometry-key."
        case .duplicateKey(let path, let field, let key, let features):
            return "\(path), column '\(field)': key '\(key)' occurs in features \(features.map(String.init).joined(separator: ", ")); a key must identify one feature."
        case .invalidOption(let option, let expected, let found):
            return "\(option): expected \(expected), found '\(found)'."
        case .duplicateID(let path, let id, let features):
            return "\(path): id '\(id)' is used by features \(features.map(String.init).joined(separator: ", ")); ids must be unique (or pass --id-field)."
        }
    }
}
