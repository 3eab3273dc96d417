import Geo

/// What a column's numbers measure (the README states the same per column).
public enum ColumnUnit: String, Sendable {
    /// Identifiers, names and words.
    case text
    case metres, kilometres, minutes
    /// A share of 0–1.
    case share
    case inhabitants, places, fte
    case per10k = "per 10,000 inhabitants"
    case per1000 = "per 1,000 inhabitants"
    /// Counts and ranks.
    case count
    /// A dimensionless score.
    case score
    case flag
}

/// One column of an output table, declared once: its name, type, unit and
/// how its value is taken from a row's data. The writers get both the field
/// list and every row's values from the same columns (`OutputTable.init(name:columns:rows:…)`),
/// so the two can never drift apart.
///
/// Numbers are rounded to `decimals` places (`(x·10ᵈ).rounded() / 10ᵈ`);
/// nil and non-finite numbers (an unreachable distance) are written as null.
struct OutputColumn<Row> {
    let name: ColumnName
    let type: FieldType
    let unit: ColumnUnit
    let value: (Row) -> FieldValue
    /// The same value, typed, for the streamed writers (nil: only `value`).
    var cell: ColumnCell<Row>? = nil

    var field: FieldDefinition { FieldDefinition(name.text, type) }

    static func text(_ name: ColumnName, _ value: @escaping (Row) -> String?) -> Self {
        Self(name: name, type: .string, unit: .text, value: { row in value(row).map { .string($0) } ?? .null }, cell: .text(value))
    }

    /// A text that is one of `texts` (a practice's or region's id), by its
    /// index; null for nil or an index outside `texts`. The streamed writers
    /// format each of the texts once, not once per row.
    static func text(_ name: ColumnName, oneOf texts: [String], _ index: @escaping (Row) -> Int?) -> Self {
        Self(name: name, type: .string, unit: .text, value: { row in
            guard let k = index(row), texts.indices.contains(k) else { return .null }
            return .string(texts[k])
        }, cell: .oneOf(texts, index))
    }

    /// `decimals`: nil writes the number as it is.
    static func number(_ name: ColumnName, _ unit: ColumnUnit, decimals: Int?, _ value: @escaping (Row) -> Double?) -> Self {
        let scale = decimals.map { Self.scales[$0] }
        return Self(name: name, type: .real, unit: unit, value: { row in
            guard let x = value(row), x.isFinite else { return .null }
            return .real(ColumnCell<Row>.rounded(x, scale))
        }, cell: .number(scale: scale, value))
    }

    static func count(_ name: ColumnName, _ value: @escaping (Row) -> Int?) -> Self {
        Self(name: name, type: .integer, unit: .count) { row in value(row).map { .integer(Int64($0)) } ?? .null }
    }

    static func flag(_ name: ColumnName, _ value: @escaping (Row) -> Bool) -> Self {
        Self(name: name, type: .boolean, unit: .flag) { row in .boolean(value(row)) }
    }

    /// The same column, null for the rows where `hidden` holds.
    func null(where hidden: @escaping (Row) -> Bool) -> Self {
        let value = self.value
        return Self(name: name, type: type, unit: unit, value: { row in hidden(row) ? .null : value(row) },
                    cell: cell?.null(where: hidden))
    }

    /// 10ᵈ for d = 0…4, exact in binary.
    private static var scales: [Double] { [1, 10, 100, 1_000, 10_000] }
}

/// How a text or number column finds row `Row`'s value without making a
/// `FieldValue`: the streamed GeoJSON and CSV writers format it straight to
/// bytes (`TypedRows`). Gives the value `OutputColumn.value` gives.
enum ColumnCell<Row> {
    /// A text column (`.string` field); nil: null.
    case text((Row) -> String?)
    /// One of `texts` by index (`.string` field); nil or outside: null.
    case oneOf([String], (Row) -> Int?)
    /// A number (`.real` field) rounded by `scale` (nil: as it is); nil and
    /// non-finite: null.
    case number(scale: Double?, (Row) -> Double?)

    /// `(x·10ᵈ).rounded() / 10ᵈ`, or x without a scale.
    @inline(__always)
    static func rounded(_ x: Double, _ scale: Double?) -> Double {
        guard let scale else { return x }
        return (x * scale).rounded() / scale
    }

    /// The cell of the row `key(i)`.
    func keyed<Key>(_ key: @escaping (Key) -> Row) -> ColumnCell<Key> {
        switch self {
        case .text(let f): return .text { f(key($0)) }
        case .oneOf(let texts, let f): return .oneOf(texts) { f(key($0)) }
        case .number(let scale, let f): return .number(scale: scale) { f(key($0)) }
        }
    }

    func null(where hidden: @escaping (Row) -> Bool) -> Self {
        switch self {
        case .text(let f): return .text { hidden($0) ? nil : f($0) }
        case .oneOf(let texts, let f): return .oneOf(texts) { hidden($0) ? nil : f($0) }
        case .number(let scale, let f): return .number(scale: scale) { hidden($0) ? nil : f($0) }
        }
    }
}

extension OutputTable {
    /// A table whose fields and row values both come from `columns`.
    init<Row>(name: String, columns: [OutputColumn<Row>], rows: some Sequence<Row>, geometries: [Geometry?]?, kind: GeometryKind) {
        let keys = Array(rows)
        self.init(name: name, columns: columns, count: keys.count, geometries: geometries, kind: kind) { keys[$0] }
    }

    /// A table of `count` rows whose row `i` is `key(i)` (a population row is
    /// its point's index: no array of millions of keys).
    init<Row>(name: String, columns: [OutputColumn<Row>], count: Int, geometries: [Geometry?]?, kind: GeometryKind,
              key: @escaping (Int) -> Row) {
        let values = columns.map(\.value)
        self.init(name: name, fields: columns.map(\.field), count: count, geometries: geometries, kind: kind) { i, out in
            let row = key(i)
            for value in values { out.append(value(row)) }
        }
        let cells = columns.compactMap { $0.cell?.keyed(key) }
        if cells.count == columns.count { typedCells = cells }
    }
}
