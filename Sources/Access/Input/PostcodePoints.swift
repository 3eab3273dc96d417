import Foundation
import Geo

/// Points of postcodes (`--postcode-points`): a PC6 and/or PC4 point layer
/// such as CBS/PDOK postcode centroids. Several points of one postcode (an
/// address layer) give their mean; a PC4 without a point of its own gets the
/// mean of its PC6 points.
struct PostcodePoints {
    var pc6: [Postcode: Coordinate] = [:]
    var pc4: [Int: Coordinate] = [:]
    var report: InputReport

    static let candidates = ["postcode", "pc6", "postcode6", "postcode_6", "pc4", "postcode4", "postcode_4", "pc", "postal_code", "post_code"]

    init(path: String, options: InputOptions, progress: Progress?) throws {
        var name = ""
        var six: [Postcode: [Coordinate]] = [:], four: [Int: [Coordinate]] = [:]
        let reader = LayerReader(role: "postcode points", path: path, layerName: nil, options: options)
        let role = FieldRole(role: "postcode", option: "--postcode-points-field", candidates: Self.candidates)
        let raw = try reader.stream(pick: { r in
            let k = try r.resolve(role, override: options.postcodePointsField, required: true)!
            name = r.fieldNames[k]
            return [.text(k)]
        }, place: .point, progress: progress) { row in
            switch row.text(0).flatMap(Postcode.init(text:)) {
            case let code? where code.isPC6: six[code, default: []].append(row.point!)
            case let code?: four[code.pc4, default: []].append(row.point!)
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
        var derived: [Int: [Coordinate]] = [:]
        for (code, c) in pc6 where pc4[code.pc4] == nil { derived[code.pc4, default: []].append(c) }
        for (code, cs) in derived { pc4[code] = mean(cs) }
        report = raw.report(role: "postcode points", used: pc6.count + pc4.count - derived.count, fields: ["postcode": name])
        if !derived.isEmpty {
            report.warnings.append("\(path): \(derived.count) PC4 areas have no point of their own; their point is the mean of their PC6 points.")
        }
    }

    /// The place of a postcode: its PC6 point, else its PC4 point.
    func locate(_ code: Postcode) -> (Coordinate, GeocodePrecision)? {
        if code.isPC6, let c = pc6[code] { return (c, .pc6) }
        if let c = pc4[code.pc4] { return (c, .pc4) }
        return nil
    }
}
