import Foundation

/// Numbers as text exactly as GDAL 3.6's GeoJSON and CSV drivers print them,
/// so the streamed writers keep the bytes the OGR writers produced:
/// - a GeoJSON property real: `%.17g`; where the text after the point holds a
///   run of six 0s or six 9s, the first of `%.16g`, `%.15g`, `%.14g` without
///   such a run (else `%.17g`); `.0` appended when there is no point and no
///   exponent (GDAL's `OGR_json_double_with_significant_figures_to_string`);
/// - a GeoJSON coordinate (COORDINATE_PRECISION=7): `%.7f`, GDAL's
///   "intelliround", then trailing zeros removed but one kept (`OGRFormatDouble`);
/// - a CSV real: `%.15g` (`OGRFeature::GetFieldAsString`).
///
/// The values bereik writes are mostly short decimals (metres to 0.1, minutes
/// to 0.01): for those a fast path gives the same text without `printf`,
/// proven in the comments and checked against `printf` by the tests; every
/// other value goes through the C library's `vsnprintf`.
enum GDALNumberText {
    private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }
    private static let integerPowers: [UInt64] = (0...18).map { k in (0..<k).reduce(1) { r, _ in r * 10 } }

    /// |a| = m · 10^-j with at most nine significant digits and j ≤ 6 decimals
    /// (no run of six 0s or 9s after the point), for 1e-4 ≤ |a| < 1e15; or any
    /// integral |a| < 1e15 with j = 0. For these, every `%.Ng` with 14 ≤ N ≤ 17
    /// that GDAL tries rounds to m · 10^-j or shows a run of six 0s/9s in the
    /// digits after m (the binary error is below 1.2e-16 relative, so it can
    /// only show from the 16th significant digit on), so GDAL's text is m · 10^-j.
    @inline(__always)
    static func shortDecimal(_ a: Double) -> (m: UInt64, decimals: Int)? {
        guard a < 1e15 else { return nil }
        if a.rounded(.towardZero) == a { return (UInt64(a), 0) }
        guard a >= 1e-4 else { return nil }
        for j in 1...6 {
            let p = powers[j]
            let t = a * p
            if t >= 1e9 { return nil }
            let m = t.rounded()
            // The decimal m·10^-j reads back as exactly a: it is the shortest text of a.
            if m / p == a {
                let digits = UInt64(m)
                if j == 6 && digits % 1_000_000 == 999_999 { return nil }
                return (digits, j)
            }
        }
        return nil
    }

    /// Writes m · 10^-decimals; `point` is the decimal separator.
    @inline(__always)
    static func put(_ m: UInt64, decimals: Int, negative: Bool, point: UInt8, into p: UnsafeMutablePointer<UInt8>) -> Int {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes, enough for 20 digits and a point
        return withUnsafeMutableBytes(of: &scratch) { raw -> Int in
            let s = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var n = 0, v = m
            var k = 0
            repeat {
                if k == decimals && decimals > 0 { s[n] = point; n += 1 }
                s[n] = UInt8(48 + v % 10); n += 1; v /= 10; k += 1
            } while v > 0 || k <= decimals
            var out = 0
            if negative { p[0] = 45; out = 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { p[out] = s[i]; out += 1 }
            return out
        }
    }

    /// An integer in decimal, as `String(n)` (and printf's `%lld`) writes it.
    @inline(__always)
    static func integer(_ n: Int64, into sink: ByteSink) throws {
        try sink.fill(upTo: 24) { p in put(n.magnitude, decimals: 0, negative: n < 0, point: 46, into: p) }
    }

    /// A GeoJSON property real, as GDAL prints it (never NaN or infinite here:
    /// those are written as null by the callers).
    static func geoJSONReal(_ d: Double, into sink: ByteSink) throws {
        if let (m, j) = shortDecimal(abs(d)) {
            try sink.fill(upTo: 24) { p in
                var n = put(m, decimals: j, negative: d.sign == .minus, point: 46, into: p)
                if j == 0 { p[n] = 46; p[n + 1] = 48; n += 2 }
                return n
            }
            return
        }
        try sink.bytes(Array(slowGeoJSONReal(d).utf8))
    }

    /// A CSV real (`%.15g`) with `point` as decimal separator.
    static func csvReal(_ d: Double, point: UInt8, into sink: ByteSink) throws {
        if let (m, j) = shortDecimal(abs(d)) {
            try sink.fill(upTo: 24) { p in put(m, decimals: j, negative: d.sign == .minus, point: point, into: p) }
            return
        }
        var text = Array(printf("%.15g", d).utf8)
        if point != 46, let i = text.firstIndex(of: 46) { text[i] = point }
        try sink.bytes(text)
    }

    /// A coordinate with seven decimals as GDAL writes it in GeoJSON.
    static func coordinate(_ x: Double, into sink: ByteSink) throws {
        guard let (m, negative, short) = sevenDecimals(x) else { return try sink.bytes(Array(slowCoordinate(x).utf8)) }
        guard short else { return try sink.bytes(fixedSeven(m, negative: negative)) }
        var fraction = m % 10_000_000, decimals = 7
        while decimals > 1 && fraction % 10 == 0 { fraction /= 10; decimals -= 1 }
        let digits = m / 10_000_000 * integerPowers[decimals] + fraction
        try sink.fill(upTo: 24) { p in put(digits, decimals: decimals, negative: negative, point: 46, into: p) }
    }

    /// The value of `coordinate(x)`'s text as a reader parses it. Where that
    /// text is ±m·10^-7 exactly (ten characters or fewer: intelliround leaves
    /// it alone), m / 1e7 (two exact doubles, one correctly rounded division)
    /// is the double nearest that decimal, which a correct parser returns.
    static func coordinateAsRead(_ x: Double) -> Double {
        guard let (m, negative, short) = sevenDecimals(x), short else { return Double(slowCoordinate(x)) ?? x }
        let value = Double(m) / 1e7
        return negative ? -value : value
    }

    /// |x| · 10^7 rounded as `%.7f` rounds it, when that is certain (|x| ≤ 360,
    /// away from a tie: the product carries at most 4e-7 of binary error);
    /// `short`: the text has at most ten characters, which intelliround leaves alone.
    @inline(__always)
    private static func sevenDecimals(_ x: Double) -> (m: UInt64, negative: Bool, short: Bool)? {
        let a = abs(x)
        guard a <= 360 else { return nil }
        let t = a * 1e7
        guard abs(t - t.rounded(.down) - 0.5) > 1e-5 else { return nil }
        let m = UInt64(t.rounded())
        let negative = x.sign == .minus
        let intPart = m / 10_000_000
        return (m, negative, (negative ? 1 : 0) + (intPart >= 100 ? 3 : intPart >= 10 ? 2 : 1) + 8 <= 10)
    }

    /// "%.7f" of ±m·10^-7, then intelliround and trailing zeros removed.
    private static func fixedSeven(_ m: UInt64, negative: Bool) -> [UInt8] {
        var s = [UInt8]()
        s.reserveCapacity(24)
        if negative { s.append(45) }
        let intPart = m / 10_000_000
        var frac = m % 10_000_000
        s += Array(String(intPart).utf8)
        s.append(46)
        var digits = [UInt8](repeating: 48, count: 7)
        for i in stride(from: 6, through: 0, by: -1) { digits[i] = UInt8(48 + frac % 10); frac /= 10 }
        s += digits
        return removeTrailingZeros(intelliround(s))
    }

    static func slowGeoJSONReal(_ d: Double) -> String {
        func hasRun(_ s: String) -> Bool {
            guard let dot = s.firstIndex(of: ".") else { return false }
            let tail = s[dot...]
            return tail.contains("000000") || tail.contains("999999")
        }
        var text = printf("%.17g", d)
        if text.contains("."), hasRun(text) {
            var found = false
            for n in [16, 15, 14] {
                let candidate = printf("%.\(n)g", d)
                if candidate.contains("."), !hasRun(candidate) { text = candidate; found = true; break }
            }
            if !found { text = printf("%.17g", d) }
        }
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        return text
    }

    static func slowCoordinate(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x.isNaN { return "nan" }
        let s = Array(printf("%.7f", x).utf8)
        return String(decoding: removeTrailingZeros(intelliround(s)), as: UTF8.self)
    }

    static func printf(_ format: String, _ d: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
        let length = max(0, min(Int(n), buffer.count - 1))
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// GDAL's `intelliround` (ogrutils.cpp): trims a trailing 00000x or
    /// 99999x that is likely binary round-off, on strings over ten characters.
    static func intelliround(_ input: [UInt8]) -> [UInt8] {
        var s = input
        guard let dot = s.firstIndex(of: 46), !s.contains(101), !s.contains(69) else { return s }
        var countBeforeDot = dot - 1
        if s.first == 45 { countBeforeDot -= 1 }
        let i = s.count
        guard i > 10 else { return s }
        let zero: UInt8 = 48, nine: UInt8 = 57
        if s[i - 2] == zero && s[i - 3] == zero && s[i - 4] == zero && s[i - 5] == zero && s[i - 6] == zero {
            s.removeLast()
        } else if dot < i - 8 && (countBeforeDot >= 4 || s[i - 3] == zero) && (countBeforeDot >= 5 || s[i - 4] == zero)
                    && (countBeforeDot >= 6 || s[i - 5] == zero) && (countBeforeDot >= 7 || s[i - 6] == zero)
                    && (countBeforeDot >= 8 || s[i - 7] == zero) && s[i - 8] == zero && s[i - 9] == zero {
            s.removeLast(8)
        } else if s[i - 2] == nine && s[i - 3] == nine && s[i - 4] == nine && s[i - 5] == nine && s[i - 6] == nine {
            s.removeLast(6)
            s = roundUp(s)
        } else if dot < i - 9 && (countBeforeDot >= 4 || s[i - 3] == nine) && (countBeforeDot >= 5 || s[i - 4] == nine)
                    && (countBeforeDot >= 6 || s[i - 5] == nine) && (countBeforeDot >= 7 || s[i - 6] == nine)
                    && (countBeforeDot >= 8 || s[i - 7] == nine) && s[i - 8] == nine && s[i - 9] == nine {
            s.removeLast(9)
            s = roundUp(s)
        }
        return s
    }

    /// GDAL's `roundup`: adds one in the last digit.
    private static func roundUp(_ input: [UInt8]) -> [UInt8] {
        var s = input
        let negative = s.first == 45
        if negative { s.removeFirst() }
        var pos = s.count - 1
        while pos >= 0 {
            if s[pos] == 46 { pos -= 1; continue }
            s[pos] += 1
            if s[pos] != 58 { break }
            s[pos] = 48
            if pos == 0 { s.insert(49, at: 0) }
            pos -= 1
        }
        return negative ? [45] + s : s
    }

    /// Removes trailing zeros after the point, keeping one digit after it.
    static func removeTrailingZeros(_ input: [UInt8]) -> [UInt8] {
        guard input.contains(46) else { return input }
        var s = input
        while s.last == 48 { s.removeLast() }
        if s.last == 46 { s.append(48) }
        return s
    }
}
