import Foundation

/// `sites.md`: a short text per site a municipal official can read.
enum SiteReport {
    static func markdown(_ checks: [SiteCheck], practices: [Practice], modes: [String], measure: String,
                         limitKm: Double, synthetic: Bool) -> String {
        var out = "# Housing sites: GP access\n\n"
        if synthetic { out += "_Computed on the embedded SYNTHETIC example data, not real figures._\n\n" }
        out += "A site is **served** when at least half of it lies within \(OutputTables.km(limitKm)) km (\(measure)) of a practice "
        out += "open to new patients that has room for the new residents (capacity = GP FTE × normpraktijk, minus its list size "
        out += "or, when unknown, the inhabitants for whom it is the nearest open practice); **strained** when such practices are "
        out += "reachable but lack room; **room unknown** when they are reachable but their room is unknown (no FTE);  **not served** when most of the site has no open practice within \(OutputTables.km(limitKm)) km. "
        out += "Polygons are judged from several points inside them, weighted equally.\n\n"
        for c in checks {
            out += "## \(c.site.name)\(c.site.name == c.site.id ? "" : " (\(c.site.id))") — \(c.verdict.rawValue)\n\n"
            out += "\(SafeNumber.whole(c.site.homes)) homes bring about \(SafeNumber.whole(c.newResidents)) new residents. "
            if let j = c.nearestPractice, let d = c.distanceM {
                out += "The nearest practice open to new patients is \(practices[j].name), on average \(String(format: "%.1f", d / 1000)) km away (\(measure))"
                let times = zip(modes, c.minutes).compactMap { m, t in t.map { "\(SafeNumber.whole($0)) min by \(m)" } }
                out += times.isEmpty ? ". " : " (\(times.joined(separator: ", "))). "
            } else {
                out += "No practice open to new patients can be reached. "
            }
            switch c.verdict {
            case .served:
                let s = c.serving!
                out += "\(practices[s.practice].name) (\(String(format: "%.1f", s.meanM / 1000)) km) has room for about \(SafeNumber.whole(s.headroom.places!)) more patients, enough for the new residents.\n\n"
            case .strained:
                out += "Open practices are within reach, but none has room for all new residents.\n\n"
            case .roomUnknown:
                out += "Open practices are within reach, but whether they have room for the new residents is unknown (\(FTEDefault.noFTEReason)).\n\n"
            case .notServed:
                out += "Most of the site lies beyond \(OutputTables.km(limitKm)) km of an open practice.\n\n"
            }
            out += c.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        }
        return out
    }
}
