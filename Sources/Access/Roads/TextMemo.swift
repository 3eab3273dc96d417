/// Remembers a function's result per text value, for the few distinct
/// values a column repeats over millions of rows (a road file's `oneway`,
/// `maxspeed`): parsing each row's text again, trimmed and lowercased
/// through Foundation, was a quarter of reading a road layer. At most
/// `limit` values are kept; further ones are computed each time, so a
/// column of unique values costs no more memory than before.
struct TextMemo<Value> {
    private var known: [String: Value] = [:]
    private let limit: Int
    private let compute: (String) -> Value

    init(limit: Int = 4096, _ compute: @escaping (String) -> Value) {
        self.limit = limit
        self.compute = compute
    }

    mutating func value(_ text: String) -> Value {
        if let v = known[text] { return v }
        let v = compute(text)
        if known.count < limit { known[text] = v }
        return v
    }
}
