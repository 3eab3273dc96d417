import Foundation

/// One paragraph saying what a scenario does, for stdout and scenario.md.
enum ScenarioSummary {
    static func paragraph(changes: [PracticeChange], baselinePractices: [Practice], comparison c: ScenarioComparison,
                          regions: [Region], scenarioPractices: [Practice]) -> String {
        func n(_ x: Double) -> String { NumberFormatter.localizedString(from: NSNumber(value: x.rounded()), number: .decimal) }
        func km(_ m: Double?) -> String { m.map { String(format: "%.2f km", $0 / 1000) } ?? "-" }
        var s = "This scenario \(changes.map { $0.describe(baselinePractices) }.joined(separator: "; ")). "
        s += "\(n(c.displacedInhabitants)) inhabitants (\(c.displacedPoints) population points) would have a different nearest open practice"
        if c.strandedInhabitants > 0 { s += ", \(n(c.strandedInhabitants)) of them none reachable at all" }
        s += "; the population-weighted mean \(c.measure) distance to an open practice goes from \(km(c.meanBeforeM)) to \(km(c.meanAfterM)). "
        let pushed = c.bandsKm.indices.map { k in (c.bandsKm[k], c.regions.reduce(0) { $0 + $1.pushedBeyond[k] }, c.regions.reduce(0) { $0 + $1.broughtWithin[k] }) }
        let moved = pushed.filter { $0.1 > 0 || $0.2 > 0 }
        if moved.isEmpty {
            s += "Nobody crosses a distance band (\(c.bandsKm.map { OutputTables.km($0) }.joined(separator: ", ")) km). "
        } else {
            s += moved.map { b, out, inside in
                var t = "\(OutputTables.km(b)) km: \(n(out)) pushed beyond"
                if inside > 0 { t += ", \(n(inside)) brought within" }
                return t
            }.joined(separator: "; ") + ". "
        }
        func name(_ r: ScenarioComparison.RegionChange) -> String { regions.isEmpty ? "the study area" : regions[r.regionIndex].name }
        let newly = c.regions.filter { $0.flaggedAfter && !$0.flaggedBefore }.map(name)
        let cleared = c.regions.filter { !$0.flaggedAfter && $0.flaggedBefore }.map(name)
        if newly.isEmpty && cleared.isEmpty { s += "No region changes flag. " }
        if !newly.isEmpty { s += "Newly flagged: \(newly.joined(separator: ", ")). " }
        if !cleared.isEmpty { s += "No longer flagged: \(cleared.joined(separator: ", ")). " }
        if c.receiving.isEmpty {
            s += "No practice receives displaced patients."
        } else {
            let short = c.receiving.filter { ($0.shortfall ?? 0) > 0 }
            let unknown = c.receiving.filter { $0.headroom == nil }.count
            s += "\(c.receiving.count) practice(s) would receive them"
            // One statement about room: known and enough, known and short, or unknown.
            if short.isEmpty && unknown == 0 {
                s += " and all have room for them"
            } else if short.isEmpty && unknown == c.receiving.count {
                s += "; whether they have room is unknown (\(FTEDefault.noFTEReason))"
            } else if short.isEmpty {
                s += "; the \(c.receiving.count - unknown) with a known FTE have room for them, the room of the other \(unknown) is unknown (no FTE)"
            } else {
                s += "; \(short.count) lack room, \(n(c.totalShortfall)) places in total (most: "
                s += short.sorted { ($0.shortfall ?? 0) > ($1.shortfall ?? 0) }.prefix(3)
                    .map { "\(scenarioPractices[$0.practice].name) \(n($0.shortfall ?? 0))" }.joined(separator: ", ") + ")"
                if unknown > 0 { s += "; the room of \(unknown) more is unknown (no FTE)" }
            }
            s += "."
        }
        return s
    }
}
