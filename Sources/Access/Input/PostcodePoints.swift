import Foundation
import Geo

/// A Dutch postcode as a practice list writes it: PC6 ("1234 AB") or PC4
/// ("1234"), normalised to upper case without spaces.
enum Postcode: Equatable {
    case pc6(String)
    case pc4(String)

    /// Nil when the text is neither (an unknown format).
    init?(_ text: String) {
        let s = String(text.unicodeScalars.filter { !CharacterSet.whitespaces.contains($0) }).uppercased()
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { u[r].allSatisfy { (48...57).contains($0) } }
        guard u.count == 4 || u.count == 6, u[0] != UInt8(ascii: "0"), digits(0..<4) else { return nil }
        if u.count == 4 { self = .pc4(s); return }
        guard u[4...].allSatisfy({ (65...90).contains($0) }) else { return nil }
        self = .pc6(s)
    }

    var pc4: String {
        switch self {
        case .pc6(let s): return String(s.prefix(4))
        case .pc4(let s): return s
        }
    }
}

/// Points of postcodes (`--postcode-points`): a PC6 and/or PC4 point layer
/// such as CBS/PDOK postcode centroids. Several points of one postcode (an
/// address layer) give their mean; a PC4 without a point of its own gets the
/// mean of its PC6 points.
struct PostcodePoints {
    var pc6: [String: Coordinate] = [:]
    var pc4: [String: Coordinate] = [:]
    var report: InputReport

    static let candidates = ["postcode", "pc6", "postcode6", "postcode_6", "pc4", "postcode4", "postcode_4", "pc", "postal_code", "post_code"]

    init(path: String, options: InputOptions, progress: Progress?) throws {
        var name = ""
        var six: [String: [Coordinate]] = [:], four: [String: [Coordinate]] = [:]
        let reader = LayerReader(role: "postcode points", path: path, layerName: nil, options: options)
        let role = FieldRole(role: "postcode", option: "--postcode-points-field", candidates: Self.candidates)
        let raw = try reader.stream(pick: { r in
            let k = try r.resolve(role, override: options.postcodePointsField, required: true)!
            name = r.fieldNames[k]
            return [.text(k)]
        }, place: .point, progress: progress) { row in
            switch row.text(0).flatMap(Postcode.init) {
            case .pc6(let s)?: six[s, default: []].append(row.point!)
            case .pc4(let s)?: four[s, default: []].append(row.point!)
            case nil:
                try reader.log.skip("postcode in unknown format", feature: row.position, detail: "\(name) = '\(row.text(0) ?? "")'",
                                    error: .invalidValue(path: path, feature: row.position, field: name, expected: "a postcode such as 1234AB or 1234", found: row.text(0) ?? ""))
            }
        }
        // Means over coordinates sorted first, so the file's order cannot change a bit.
        func mean(_ cs: [Coordinate]) -> Coordinate {
            let sorted = cs.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
            return Coordinate(x: sorted.map(\.x).reduce(0, +) / Double(cs.count), y: sorted.map(\.y).reduce(0, +) / Double(cs.count))
        }
        pc6 = six.mapValues(mean)
        pc4 = four.mapValues(mean)
        var derived: [String: [Coordinate]] = [:]
        for (code, c) in pc6 where pc4[String(code.prefix(4))] == nil { derived[String(code.prefix(4)), default: []].append(c) }
        for (code, cs) in derived { pc4[code] = mean(cs) }
        report = raw.report(role: "postcode points", used: pc6.count + pc4.count - derived.count, fields: ["postcode": name])
        if !derived.isEmpty {
            report.warnings.append("\(path): \(derived.count) PC4 areas have no point of their own; their point is the mean of their PC6 points.")
        }
    }

    /// The place of a postcode: its PC6 point, else its PC4 point.
    func locate(_ code: Postcode) -> (Coordinate, GeocodePrecision)? {
        if case .pc6(let s) = code, let c = pc6[s] { return (c, .pc6) }
        if let c = pc4[code.pc4] { return (c, .pc4) }
        return nil
    }
}
