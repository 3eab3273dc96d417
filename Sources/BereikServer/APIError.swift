/// A rejected request: HTTP status and the named error `{error, field, expected, found}`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    /// A stable name (snake_case) a client can act on.
    public var error: String
    public var field: String?
    public var expected: String?
    public var found: String?
    public var detail: String?

    public init(_ error: String, field: String? = nil, expected: String? = nil, found: String? = nil,
                detail: String? = nil, status: Int = 400) {
        self.status = status
        self.error = error
        self.field = field
        self.expected = expected
        self.found = found.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
        self.detail = detail
    }

    var json: JSONOut {
        var pairs: [(String, JSONOut)] = [("error", .string(error)), ("field", field.map(JSONOut.string) ?? .null),
                                          ("expected", expected.map(JSONOut.string) ?? .null), ("found", found.map(JSONOut.string) ?? .null)]
        if let detail { pairs.append(("detail", .string(detail))) }
        return .object(pairs)
    }

    public var description: String {
        "\(error)" + (field.map { " (\($0))" } ?? "") + (expected.map { ": expected \($0)" } ?? "") + (found.map { ", found \($0)" } ?? "")
            + (detail.map { ". \($0)" } ?? "")
    }
}
