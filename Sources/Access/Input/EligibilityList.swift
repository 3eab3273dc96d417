/// A postcode list that cannot be read, with the piece that is wrong and
/// what was expected there. Readers wrap it into `InputError.invalidValue`
/// with the file, feature and field.
public struct PostcodeListError: Error, Equatable, CustomStringConvertible {
    /// The whole list as given.
    public var text: String
    /// The piece that is wrong ("9405-9401", "94O1", "12345", "9401-").
    public var piece: String
    /// What is wrong with it, e.g. "the range runs backwards".
    public var problem: String

    /// The expectation, for `InputError.invalidValue`'s "expected".
    public var expected: String {
        "a postcode list such as '9401-9405; 9411' or '9401 AB, 9402' (\(problem): '\(piece)')"
    }

    public var description: String { "postcode list '\(text)': \(problem): '\(piece)'" }
}

extension PostcodeSet {
    /// Reads a postcode list as practices write it: PC4 codes and PC4 ranges
    /// (`9401-9405`, also with an en dash or spaces around the dash) and PC6
    /// codes with or without a space (`9401AB`, `9401 ab`), separated by
    /// `;`, `,`, `|` or whitespace. A PC6 range stays inside one PC4 area
    /// (`9401AA-9401AZ`). Overlapping and adjacent PC4 ranges are merged and
    /// PC6 codes inside a listed PC4 area dropped, so equal lists give equal
    /// sets. Throws `PostcodeListError` for anything else, including an
    /// empty list.
    public static func parse(_ text: String) throws -> PostcodeSet {
        func fail(_ piece: String, _ problem: String) -> PostcodeListError {
            PostcodeListError(text: text, piece: piece, problem: problem)
        }
        let tokens = try tokens(of: text, fail: fail)
        var ranges: [ClosedRange<Int>] = []
        var pc6: Set<Postcode> = []
        var k = 0
        // One item: CODE or CODE - CODE, where CODE = digits [letters].
        func code() throws -> (Postcode, String) {
            guard k < tokens.count, case .digits(let d) = tokens[k] else {
                let found = k < tokens.count ? tokens[k].text : ""
                throw fail(found, k < tokens.count ? "expected a four-digit postcode" : "the list ends where a postcode was expected")
            }
            k += 1
            var shown = d
            var letters: String?
            if k < tokens.count, case .letters(let l) = tokens[k] {
                letters = l
                shown += l
                k += 1
            }
            guard d.count == 4, let n = Int(d), n >= 1000 else {
                throw fail(shown, d.count == 4 ? "a postcode lies between 1000 and 9999" : "a postcode has four digits")
            }
            if let l = letters {
                guard l.count == 2, let p = Postcode(pc4: n, letters: l.uppercased()) else {
                    throw fail(shown, "a PC6 postcode has four digits and two letters")
                }
                return (p, shown)
            }
            return (Postcode(pc4: n)!, shown)
        }
        while k < tokens.count {
            if case .separator = tokens[k] { k += 1; continue }
            if case .dash = tokens[k] { throw fail(rangeText(tokens, from: k), "a range needs a postcode before the dash") }
            let (low, lowText) = try code()
            guard k < tokens.count, case .dash = tokens[k] else {
                if low.isPC6 { pc6.insert(low) } else { ranges.append(low.pc4...low.pc4) }
                try expectSeparator(tokens, k, after: lowText, fail: fail)
                continue
            }
            k += 1
            guard k < tokens.count, case .digits = tokens[k] else {
                let next: String
                if k < tokens.count, case .letters(let l) = tokens[k] { next = l } else { next = "" }
                throw fail(lowText + "-" + next, "a range needs a postcode after the dash")
            }
            let (high, highText) = try code()
            let shown = "\(lowText)-\(highText)"
            switch (low.isPC6, high.isPC6) {
            case (false, false):
                guard low.pc4 <= high.pc4 else { throw fail(shown, "the range runs backwards") }
                ranges.append(low.pc4...high.pc4)
            case (true, true):
                guard low.pc4 == high.pc4 else { throw fail(shown, "a PC6 range stays inside one PC4 area") }
                guard low <= high else { throw fail(shown, "the range runs backwards") }
                for p in pc6Codes(low.pc4) where low <= p && p <= high { pc6.insert(p) }
            default:
                throw fail(shown, "a range joins two PC4 or two PC6 postcodes")
            }
            try expectSeparator(tokens, k, after: shown, fail: fail)
        }
        if ranges.isEmpty && pc6.isEmpty { throw fail(text, "the list holds no postcode") }
        return PostcodeSet(merging: ranges, pc6: pc6)
    }

    /// A set from ranges that may overlap: overlapping and adjacent ranges
    /// merged, PC6 codes inside a range dropped (they add nothing).
    public init(merging ranges: [ClosedRange<Int>], pc6: Set<Postcode>) {
        var merged: [ClosedRange<Int>] = []
        for r in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            if let last = merged.last, r.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        let covered = PostcodeSet(pc4Ranges: merged)
        self.init(pc4Ranges: merged, pc6: pc6.filter { !covered.contains($0) })
    }

    /// The list written back in the form `parse` reads ("9401-9405; 9411AB").
    public var text: String {
        let four = pc4Ranges.map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }
        return (four + pc6.sorted().map(\.description)).joined(separator: "; ")
    }

    private enum Token {
        case digits(String), letters(String), dash, separator(hard: Bool)

        var text: String {
            switch self {
            case .digits(let s), .letters(let s): return s
            case .dash: return "-"
            case .separator(let hard): return hard ? ";" : " "
            }
        }
        var isDash: Bool { if case .dash = self { return true }; return false }
        var isSoft: Bool { if case .separator(hard: false) = self { return true }; return false }
    }

    /// Digit runs, letter runs, dashes and separators. A word of letters and
    /// digits is digits then letters ("9401AB") or one of them; anything
    /// else ("94O1") is an error. Whitespace is a soft separator that means
    /// nothing beside a dash or between a PC6's digits and letters.
    private static func tokens(of text: String, fail: (String, String) -> PostcodeListError) throws -> [Token] {
        var raw: [Token] = []
        var word = ""
        func flush() throws {
            guard !word.isEmpty else { return }
            let digits = word.prefix { $0.isNumber }
            let rest = word.dropFirst(digits.count)
            if rest.isEmpty {
                raw.append(.digits(word))
            } else if rest.allSatisfy(\.isLetter) {
                if !digits.isEmpty { raw.append(.digits(String(digits))) }
                raw.append(.letters(String(rest)))
            } else {
                throw fail(word, "a postcode is four digits and, for a PC6, two letters after them (a letter among the digits?)")
            }
            word = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isNumber || ch.isLetter) { word.append(ch); continue }
            try flush()
            switch ch {
            case "-", "–", "—", "‒", "−": raw.append(.dash)
            case ";", ",", "|": raw.append(.separator(hard: true))
            case _ where ch.isWhitespace: raw.append(.separator(hard: false))
            default: throw fail(String(ch), "a postcode list holds postcodes, ranges with '-' and the separators ; , | or spaces")
            }
        }
        try flush()
        var out: [Token] = []
        for (i, t) in raw.enumerated() {
            if t.isSoft {
                let next = raw[(i + 1)...].first { !$0.isSoft }
                if out.last == nil || out.last!.isDash || out.last!.isSoft || next == nil || next!.isDash { continue }
                if case .digits? = out.last, case .letters? = next { continue }
            }
            out.append(t)
        }
        return out
    }

    /// After an item: the end, or a separator.
    private static func expectSeparator(_ tokens: [Token], _ k: Int, after item: String, fail: (String, String) -> PostcodeListError) throws {
        guard k < tokens.count else { return }
        if case .separator = tokens[k] { return }
        throw fail(item + tokens[k].text, tokens[k].isDash ? "a range joins two postcodes only" : "a postcode is four digits and, for a PC6, two letters")
    }

    private static func rangeText(_ tokens: [Token], from k: Int) -> String {
        tokens[k...].prefix { if case .separator(hard: true) = $0 { return false }; return true }.map(\.text).joined()
    }

    /// Every PC6 of one PC4 area, AA to ZZ.
    private static func pc6Codes(_ pc4: Int) -> [Postcode] {
        let letters = (65...90).map { String(UnicodeScalar(UInt8($0))) }
        return letters.flatMap { a in letters.map { b in Postcode(pc4: pc4, letters: a + b)! } }
    }
}
