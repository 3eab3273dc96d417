import Access
import Geo
import Foundation

/// Reads a request body as JSON and checks each value's type, naming the
/// field that is wrong.
enum JSONInput {
    static func parse(_ bytes: [UInt8]) throws -> Any {
        guard !bytes.isEmpty else {
            throw APIError("empty_body", field: "body", expected: "a JSON document", found: "nothing")
        }
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let head = String(decoding: bytes.prefix(60), as: UTF8.self)
            throw APIError("malformed_json", field: "body", expected: "valid JSON (RFC 8259)", found: head,
                           detail: (error as NSError).localizedDescription)
        }
    }

    static func object(_ v: Any?, field: String) throws -> [String: Any] {
        guard let o = v as? [String: Any] else { throw APIError("wrong_type", field: field, expected: "a JSON object", found: describe(v)) }
        return o
    }

    static func array(_ v: Any?, field: String) throws -> [Any] {
        guard let a = v as? [Any] else { throw APIError("wrong_type", field: field, expected: "a JSON array", found: describe(v)) }
        return a
    }

    static func string(_ v: Any?, field: String) throws -> String {
        guard let s = v as? String else { throw APIError("wrong_type", field: field, expected: "a string", found: describe(v)) }
        return s
    }

    /// A finite number (JSON number, or a string holding one).
    static func number(_ v: Any?, field: String) throws -> Double {
        var d: Double?
        if !(v is Bool), let n = v as? NSNumber { d = n.doubleValue }
        if let s = v as? String { d = ValueParsing.number(.string(s)) }
        if d == nil, let s = v as? String, namesNonFinite(s) {
            throw APIError("not_finite", field: field, expected: "a finite number", found: describe(v))
        }
        guard let d else { throw APIError("wrong_type", field: field, expected: "a number", found: describe(v)) }
        guard d.isFinite else { throw APIError("not_finite", field: field, expected: "a finite number", found: describe(v)) }
        return d
    }

    /// Whether `text` names a value that is no finite number ("NaN", "inf").
    static func namesNonFinite(_ text: String) -> Bool {
        ["nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Text of a value for an error message.
    static func describe(_ v: Any?) -> String {
        switch v {
        case nil: return "nothing (missing)"
        case is NSNull: return "null"
        case let s as String: return "\"\(s)\""
        case let n as NSNumber: return n.stringValue
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return String(describing: v!)
        }
    }
}
