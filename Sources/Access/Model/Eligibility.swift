import Geo

/// A Dutch postcode: four digits (PC4, 1000–9999) and, for a PC6, two
/// capital letters. Made from text by `Postcode(text:)`, which accepts
/// "9401", "9401AB", "9401 ab" and nothing else.
public struct Postcode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// pc4 × 1000 + (letters: 1 + 26 × first + second, A = 0; PC4: 0), so a
    /// population point carries its postcode in four bytes.
    private let packed: UInt32

    public init?(pc4: Int, letters: String? = nil) {
        guard (1000...9999).contains(pc4) else { return nil }
        var suffix: UInt32 = 0
        if let l = letters {
            let u = Array(l.unicodeScalars)
            guard u.count == 2, u.allSatisfy({ (65...90).contains($0.value) }) else { return nil }
            suffix = 1 + 26 * (u[0].value - 65) + (u[1].value - 65)
        }
        packed = UInt32(pc4) * 1000 + suffix
    }

    public init?(text: String) {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let digits = compact.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        let rest = String(compact.dropFirst(4))
        self.init(pc4: n, letters: rest.isEmpty ? nil : rest)
    }

    public var pc4: Int { Int(packed / 1000) }
    /// The two letters of a PC6; nil for a PC4.
    public var letters: String? {
        let s = packed % 1000
        guard s > 0 else { return nil }
        let a = (s - 1) / 26, b = (s - 1) % 26
        return String(UnicodeScalar(UInt8(65 + a))) + String(UnicodeScalar(UInt8(65 + b)))
    }
    /// The PC4 area this postcode lies in.
    public var area: Postcode { Postcode(pc4: pc4)! }
    public var isPC6: Bool { packed % 1000 > 0 }
    public var description: String { letters.map { "\(pc4)\($0)" } ?? String(pc4) }

    public static func < (a: Postcode, b: Postcode) -> Bool { a.packed < b.packed }
}

/// The postcodes a practice with a partial stop still accepts new patients
/// from: whole PC4 areas (single codes and ranges such as 9401–9405) and
/// single PC6 codes. Parsed from a practice list field by
/// `PostcodeSet.parse` (Input/EligibilityList.swift).
public struct PostcodeSet: Sendable, Hashable {
    /// Inclusive PC4 ranges, ascending, not overlapping.
    public var pc4Ranges: [ClosedRange<Int>]
    public var pc6: Set<Postcode>

    public init(pc4Ranges: [ClosedRange<Int>] = [], pc6: Set<Postcode> = []) {
        self.pc4Ranges = pc4Ranges.sorted { $0.lowerBound < $1.lowerBound }
        self.pc6 = pc6
    }

    /// Whether a resident with `postcode` may register. A PC4 postcode (the
    /// point's PC6 is not known) is inside only through a PC4 range: a list
    /// of PC6 codes never admits a whole PC4 area.
    public func contains(_ postcode: Postcode) -> Bool {
        if pc4Ranges.contains(where: { $0.contains(postcode.pc4) }) { return true }
        return postcode.isPC6 && pc6.contains(postcode)
    }

    public var isEmpty: Bool { pc4Ranges.isEmpty && pc6.isEmpty }
}

/// The area a practice with a partial patient stop still accepts new
/// patients from (issue 13): a postcode list, or polygons (e.g. the village
/// boundary, one or more per practice in `--eligibility FILE`), EPSG:28992.
public enum EligibilityArea: Sendable, Hashable {
    case postcodes(PostcodeSet)
    case polygons(Geometry)
}
