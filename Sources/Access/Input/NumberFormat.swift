/// The decimal separator of text-valued numbers (`--decimal-separator`):
/// comma = Dutch (1.234,5), point = English (1,234.5).
public enum DecimalSeparator: String, Sendable, CaseIterable, Codable {
    case comma, point
}

/// Whether a column holds counts (inhabitants, patients: whole numbers, so a
/// value such as `9.115` can only mean nine thousand one hundred fifteen) or
/// measures (coordinates, FTE, ages: fractions are normal).
enum NumberKind {
    case count, measure
}

/// One text value's shape, as far as the separators go.
enum NumberShape: Equatable {
    /// No separator ("1234", "-99997", "1e19"): reads the same in every format.
    case plain
    /// Only a decimal comma can make sense of it ("0,5", "1.234,5", "1.234.567").
    case commaDecimal
    /// Only a decimal point can make sense of it ("0.5", "1,234.5", "1,234,567").
    case pointDecimal
    /// One dot with exactly three digits after it ("9.115"): thousands or decimals.
    case ambiguousDot
    /// One comma with exactly three digits after it ("1,234").
    case ambiguousComma
    /// Not a number ("veel", "1.2.3", "").
    case invalid

    /// Classifies `text` (trimmed by the caller or not: spaces around are ignored).
    static func of(_ text: String) -> NumberShape {
        if NumberText.isPlainInteger(text) { return .plain }
        guard let parts = NumberText(text) else { return .invalid }
        let m = parts.mantissa
        let dots = m.filter { $0 == UInt8(ascii: ".") }.count, commas = m.filter { $0 == UInt8(ascii: ",") }.count
        if dots == 0 && commas == 0 { return .plain }
        if dots > 0 && commas > 0 {
            let lastComma = m.lastIndex(of: UInt8(ascii: ","))!, lastDot = m.lastIndex(of: UInt8(ascii: "."))!
            if lastComma > lastDot {
                return NumberText.grouped(m[..<lastComma], by: ".") && commas == 1 ? .commaDecimal : .invalid
            }
            return NumberText.grouped(m[..<lastDot], by: ",") && dots == 1 ? .pointDecimal : .invalid
        }
        let sep: UInt8 = dots > 0 ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let count = max(dots, commas)
        if count >= 2 {
            // Several of one separator: they can only be thousands separators.
            guard NumberText.grouped(m[...], by: sep) else { return .invalid }
            return sep == UInt8(ascii: ".") ? .commaDecimal : .pointDecimal
        }
        let at = m.firstIndex(of: sep)!
        let before = m[..<at], after = m[(at + 1)...]
        guard !after.isEmpty || !before.isEmpty else { return .invalid }
        let couldBeThousands = after.count == 3 && (1...3).contains(before.count) && before.first != UInt8(ascii: "0")
            && parts.exponent == nil
        if couldBeThousands { return sep == UInt8(ascii: ".") ? .ambiguousDot : .ambiguousComma }
        return sep == UInt8(ascii: ".") ? .pointDecimal : .commaDecimal
    }
}

/// A number's text split into sign, mantissa (digits and separators) and
/// exponent; nil when it has any other character.
struct NumberText {
    var negative: Bool
    var mantissa: [UInt8]
    var exponent: Int?

    /// Digits with an optional leading minus: the common case, checked
    /// without allocating.
    static func isPlainInteger(_ text: String) -> Bool {
        var digits = 0, first = true
        for b in text.utf8 {
            if (48...57).contains(b) { digits += 1 } else if first && b == UInt8(ascii: "-") {} else { return false }
            first = false
        }
        return digits > 0
    }

    /// The value of `text` read with `decimal` as decimal separator; the fast
    /// path handles text with at most one decimal separator and no other.
    static func value(_ text: String, decimal: DecimalSeparator) -> Double? {
        var separators = 0, other = false, ok = true
        let dec = decimal == .comma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        for b in text.utf8 {
            if (48...57).contains(b) || b == UInt8(ascii: "-") { continue }
            if b == dec { separators += 1 } else { other = true; ok = false; break }
        }
        if ok && !other && separators <= 1, let first = text.utf8.first, first != UInt8(ascii: "-") || text.utf8.count > 1 {
            let d = decimal == .comma && separators == 1 ? Double(text.replacingOccurrences(of: ",", with: ".")) : Double(text)
            if let d, d.isFinite { return d }
        }
        return NumberText(text)?.value(decimal: decimal)
    }

    init?(_ text: String) {
        var bytes = Array(text.utf8)
        // Spaces (also no-break and narrow no-break) are thousands separators or padding.
        bytes.removeAll { $0 == 0x20 || $0 == 0x09 }
        if bytes.contains(0xC2) || bytes.contains(0xE2) {
            let s = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: "")
                .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{2212}", with: "-")
            bytes = Array(s.utf8)
        }
        guard !bytes.isEmpty else { return nil }
        negative = bytes.first == UInt8(ascii: "-")
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        exponent = nil
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var digits = bytes[(e + 1)...]
            var sign = 1
            if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
                sign = f == UInt8(ascii: "-") ? -1 : 1
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
            exponent = sign * Int(String(decoding: digits, as: UTF8.self))!
            bytes = Array(bytes[..<e])
        }
        guard !bytes.isEmpty, bytes.contains(where: { (48...57).contains($0) }),
              bytes.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else { return nil }
        mantissa = bytes
    }

    /// True when `digits` is 1–3 digits followed by groups of exactly three
    /// separated by `sep` (or has no separator at all).
    static func grouped(_ digits: ArraySlice<UInt8>, by sep: UInt8) -> Bool {
        let groups = digits.split(separator: sep, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) || groups.count == 1 else { return false }
        if groups.count == 1 { return !first.isEmpty }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    static func grouped(_ digits: ArraySlice<UInt8>, by sep: Character) -> Bool {
        grouped(digits, by: sep.asciiValue!)
    }

    /// The value when read with `decimal` as the decimal separator (the other
    /// one is then a thousands separator, checked for groups of three). Nil
    /// when the text does not fit that format or is not finite.
    func value(decimal: DecimalSeparator) -> Double? {
        let dec = decimal == .comma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let thousands = decimal == .comma ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let decimals = mantissa.filter { $0 == dec }.count
        guard decimals <= 1 else { return nil }
        let cut = mantissa.firstIndex(of: dec) ?? mantissa.endIndex
        let whole = mantissa[..<cut]
        let fraction = cut < mantissa.endIndex ? mantissa[(cut + 1)...] : []
        guard !fraction.contains(thousands) else { return nil }
        if whole.contains(thousands) && !Self.grouped(whole, by: thousands) { return nil }
        var plain = whole.filter { $0 != thousands }
        if plain.isEmpty { plain = [UInt8(ascii: "0")] }
        var text = (negative ? "-" : "") + String(decoding: plain, as: UTF8.self)
        if !fraction.isEmpty { text += "." + String(decoding: fraction, as: UTF8.self) }
        if let exponent { text += "e\(exponent)" }
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }
}

/// The evidence in one text-valued number column, gathered value by value
/// (constant memory), and the format it settles on.
struct NumberEvidence {
    let field: String
    let kind: NumberKind
    private(set) var examples: [NumberShape: [String]] = [:]
    private(set) var values = 0

    init(field: String, kind: NumberKind) {
        self.field = field
        self.kind = kind
    }

    mutating func add(_ text: String) {
        let shape = NumberShape.of(text)
        guard shape != .invalid else { return }
        values += 1
        if shape == .plain { return }
        if examples[shape, default: []].count < 2 {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !(examples[shape]?.contains(trimmed) ?? false) { examples[shape, default: []].append(trimmed) }
        }
    }

    private func first(_ s: NumberShape) -> String? { examples[s]?.first }

    /// The format of this column, with a description for `run.json`; throws
    /// when the column contradicts itself or stays ambiguous.
    func decide(path: String, option: DecimalSeparator?) throws -> (DecimalSeparator, String) {
        if let option {
            return (option, "decimal \(option.rawValue) (--decimal-separator)")
        }
        let comma = first(.commaDecimal), point = first(.pointDecimal)
        let dot3 = first(.ambiguousDot), comma3 = first(.ambiguousComma)
        if let comma, let point {
            throw InputError.contradictoryNumbers(path: path, field: field, comma: comma, point: point)
        }
        if let comma {
            if let comma3 {
                // "0,5" and "1,234": both commas read as decimals; consistent.
                return (.comma, "decimal comma (e.g. '\(comma)', so '\(comma3)' is \(comma3.replacingOccurrences(of: ",", with: ".")))")
            }
            return (.comma, "decimal comma, dots for thousands (e.g. '\(comma)')")
        }
        if let point {
            return (.point, "decimal point, commas for thousands (e.g. '\(point)')")
        }
        switch (dot3, comma3, kind) {
        case (nil, nil, _):
            return (.point, values > 0 ? "whole numbers without separators" : "no values")
        case (let d?, let c?, .count):
            throw InputError.contradictoryNumbers(path: path, field: field, comma: d, point: c)
        case (let d?, nil, .count):
            return (.comma, "dots for thousands: a count column whose dotted values all have three digits after every dot (e.g. '\(d)')")
        case (nil, let c?, .count):
            return (.point, "commas for thousands: a count column whose values all have three digits after the comma (e.g. '\(c)')")
        default:
            let shown = (examples[.ambiguousDot] ?? []) + (examples[.ambiguousComma] ?? [])
            throw InputError.ambiguousNumbers(path: path, field: field, examples: Array(shown.prefix(2)))
        }
    }
}
