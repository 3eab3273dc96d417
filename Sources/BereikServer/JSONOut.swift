import Access
import Foundation
import Geo
import Maps

/// A JSON value for answers, written by hand so keys keep the order given
/// (same answer, same bytes) and numbers print as the CSV files print them.
indirect enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d):
            guard d.isFinite else { out += "null"; return }
            if d.rounded() == d && abs(d) < 1e15 { out += String(Int64(d)) } else { out += String(d) }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, x) in items.enumerated() {
                if i > 0 { out += "," }
                x.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.quote(k, into: &out)
                out += ":"
                v.write(into: &out)
            }
            out += "}"
        }
    }

    /// JSON string text, safe inside an HTML `<script>` (the viewer's own escaping).
    static func quote(_ s: String, into out: inout String) {
        out += JSONText.string(s)
    }

    static func optional(_ d: Double?) -> JSONOut { d.map { .number($0) } ?? .null }

    static func field(_ v: FieldValue) -> JSONOut {
        switch v {
        case .null: return .null
        case .integer(let i): return .int(Int(i))
        case .real(let d): return .number(d)
        case .string(let s): return .string(s)
        case .boolean(let b): return .bool(b)
        }
    }
}

extension TableRows {
    /// One object per row, keys in the table's field order.
    var json: JSONOut {
        .array(rows.map { row in .object(zip(fields, row).map { ($0, JSONOut.field($1)) }) })
    }
}
