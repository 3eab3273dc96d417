import Foundation

/// The short summary `bereik analyze` (and `scenario`) prints on stdout:
/// inputs, one line per region with its distances, light and urgency rank
/// (a top list for many regions), the study-area total, the group table,
/// flag reasons and warnings.
public enum SummaryText {
    /// Up to this many regions the table lists every one; beyond, the most
    /// urgent ones and the counts per light (regions.csv has them all).
    public static let fullTableLimit = 40
    static let topListLength = 25

    /// `wroteLine`: false for `scenario`, which lists its own files (the
    /// outcome's are only the analysis's part of them).
    public static func make(_ o: AnalyzeJob.Outcome, outputFolder: String, wroteLine: Bool = true) -> String {
        var lines: [String] = []
        let r = o.result
        if o.report.syntheticData {
            lines.append("Data: embedded SYNTHETIC example province (modelled on Drenthe; not real figures).")
        }
        for input in o.report.inputs {
            var line = "\(input.role): \(input.path) — \(input.used) of \(input.features) features used, CRS \(input.crs) (\(input.crsSource))"
            if input.skippedTotal > 0 { line += ", \(input.skippedTotal) skipped or repaired" }
            lines.append(line)
        }
        let statuses = PracticeStatus.allCases.map { "\(o.report.practiceStatuses[$0] ?? 0) \($0.rawValue)" }
        lines.append("Practices: \(o.practices.count) (\(statuses.joined(separator: ", "))); \(r.openPracticeCount) count as open to new patients.")
        if let e = r.eligibility {
            lines.append("Partial patient stops: eligible rule — \(e.restrictedPractices) partial practices take new patients only from their area (\(e.pointsAccepted) points)"
                         + (e.partialWithoutData > 0 ? "; \(e.partialWithoutData) without an area count as closed." : "."))
        } else if (o.report.practiceStatuses[.partial] ?? 0) > 0 {
            lines.append("Partial patient stops count as \((r.parameters.partialRule ?? .closed).rawValue) (--partial).")
        }
        lines.append("Inhabitants: \(group(r.totalInhabitants)) in \(o.population.count) population points.")
        if let rr = r.road?.report {
            lines.append("Roads: \(rr.path) — \(rr.lines) lines, \(rr.nodes) nodes, \(rr.edges) edges, \(rr.components) connected part(s); distances by road for \(r.road!.modes.map(\.name).joined(separator: ", ")).")
        }
        lines.append("")
        lines.append("km open: population-weighted mean straight-line distance to the nearest practice OPEN to new patients;")
        lines.append("km any: to the nearest practice of any status (CBS's familiar figure). Light and rank: signalling matrix (1 = most urgent).")
        if r.road != nil {
            lines.append("road km: mean road distance over the inhabitants who reach an open practice by road; no road: the share who reach none.")
        }
        let table = RegionTable(result: r, names: o.regions)
        lines += table.lines(title: o.regions.isEmpty ? "Study area" : "Regions", total: o.regions.count > 1 ? total(o, table: table) : nil)
        if let g = o.groups {
            lines.append("")
            lines += RegionTable(result: g.result, names: g.regions).lines(title: "Groups (--group-by)", total: nil)
        }
        let flagged = table.order.map { r.regions[$0] }.filter(\.flagged)
        if !flagged.isEmpty {
            lines.append("")
            lines.append("Flagged (\(flagged.count)):")
            for reg in flagged.prefix(topListLength) {
                lines.append("  \(table.name(reg.regionIndex)): \(reg.flagReasons.joined(separator: "; ")).")
            }
            if flagged.count > topListLength { lines.append("  … and \(flagged.count - topListLength) more in regions.csv (flag_reasons).") }
        }
        if !o.report.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for w in o.report.warnings { lines.append("  - \(w)") }
        }
        if wroteLine {
            lines.append("")
            lines.append("Wrote \(o.files.joined(separator: ", ")) to \(outputFolder)")
        }
        return lines.joined(separator: "\n")
    }

    /// The study area as a whole (the analysis's `total` row: the regions
    /// together), with its light as in regions.csv; never ranked or flagged.
    static func total(_ o: AnalyzeJob.Outcome, table: RegionTable) -> RegionTable.Row? {
        guard let t = o.result.regionsTotal else { return nil }
        var row = table.row(t, name: "Study area (total)")
        row.rank = ""
        row.flag = ""
        row.note = "\(o.result.regions.filter(\.flagged).count) of \(o.result.regions.count) regions flagged"
        return row
    }

    static func group(_ x: Double) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.maximumFractionDigits = 0
        return f.string(from: NSNumber(value: x.rounded())) ?? String(format: "%.0f", x)
    }
}

/// The region (or group) table of the summary.
struct RegionTable {
    let result: AnalysisResult
    let names: [Region]
    /// Region indexes: by urgency rank, unranked (suppressed) last by name.
    let order: [Int]

    struct Row {
        var name: String
        var inhabitants: Double
        var meanOpenM: Double?
        var meanAnyM: Double?
        var shares: [Double] = []
        var meanRoadM: Double?
        var unreachableShare: Double?
        var shareWithinFlagByRoad: Double?
        var minutes: [Double?] = []
        var light = ""
        var rank = ""
        var flag = ""
        var note = ""
    }

    init(result: AnalysisResult, names: [Region]) {
        self.result = result
        self.names = names
        let regions = result.regions
        func rank(_ k: Int) -> Int { regions[k].capacity.signal.map(\.rank) ?? Int.max }
        self.order = regions.indices.sorted { a, b in
            rank(a) != rank(b) ? rank(a) < rank(b) : (names.isEmpty ? a < b : (names[a].name, a) < (names[b].name, b))
        }
    }

    func name(_ index: Int) -> String { names.isEmpty ? "Study area" : names[index].name }

    func row(_ k: Int) -> Row {
        var row = row(result.regions[k], name: name(k))
        if !names.isEmpty, let d = names[k].designation { row.note = "[\(d)]" }
        return row
    }

    func row(_ reg: RegionAccess, name: String) -> Row {
        var row = Row(name: name, inhabitants: reg.inhabitants, meanOpenM: reg.meanOpenM, meanAnyM: reg.meanAnyM,
                      shares: reg.shareWithin, meanRoadM: reg.meanRoadM, unreachableShare: reg.roadUnreachableShare,
                      minutes: reg.meanMinutes)
        if let b = result.parameters.bandsKm.firstIndex(of: result.parameters.flagMaxKm), b < reg.shareWithinByRoad.count {
            row.shareWithinFlagByRoad = reg.shareWithinByRoad[b]
        }
        if let s = reg.capacity.signal {
            row.light = s.light.rawValue
            row.rank = "\(s.rank)"
        } else if reg.capacity.suppressed {
            row.light = "suppressed"
        }
        row.flag = reg.flagged ? "FLAGGED" : "-"
        return row
    }

    /// Counts per light, e.g. "3 red, 5 amber, 4 green".
    var lightCounts: String {
        var counts: [String: Int] = [:]
        for reg in result.regions {
            let key = reg.capacity.signal?.light.rawValue ?? (reg.capacity.suppressed ? "suppressed" : "no light")
            counts[key, default: 0] += 1
        }
        return ["red", "amber", "green", "suppressed", "no light"].compactMap { k in counts[k].map { "\($0) \(k)" } }.joined(separator: ", ")
    }

    func lines(title: String, total: Row?) -> [String] {
        let p = result.parameters
        let road = result.road
        let all = order.count <= SummaryText.fullTableLimit
        let shown = all ? order : Array(order.prefix(SummaryText.topListLength))
        let rows = shown.map(row)
        let nameWidth = max(12, min(28, (rows.map(\.name.count) + [total?.name.count ?? 0]).max() ?? 10))
        let roadFlagBand = road != nil && p.bandsKm.contains(p.flagMaxKm)
        var header = "region".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        header += "  inhabitants  km open   km any"
        for b in p.bandsKm { header += "  ≤\(OutputTables.km(b)) km".leftPad(7) }
        if let road {
            header += "  road km  no road"
            if roadFlagBand { header += "  ≤\(OutputTables.km(p.flagMaxKm)) km road" }
            for m in road.modes { header += "  \(m.name) min" }
        }
        header += "  light       rank  flag"
        var out = ["\(title) (\(order.count); \(lightCounts))" + (all ? ":" : ", the \(shown.count) most urgent; all in regions.csv:"), header]
        func km(_ m: Double?) -> String { m.map { String(format: "%.2f", $0 / 1000) } ?? "-" }
        func format(_ row: Row) -> String {
            var line = String(row.name.prefix(nameWidth)).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            line += SummaryText.group(row.inhabitants).leftPad(13)
            line += km(row.meanOpenM).leftPad(9)
            line += km(row.meanAnyM).leftPad(9)
            if row.shares.count == p.bandsKm.count {
                for s in row.shares { line += "\(Int((s * 100).rounded())) %".leftPad(8) }
            } else {
                line += String(repeating: " ", count: 8 * p.bandsKm.count)
            }
            if let road {
                line += km(row.meanRoadM).leftPad(9)
                line += (row.unreachableShare.map { "\(Int(($0 * 100).rounded())) %" } ?? "-").leftPad(9)
                if roadFlagBand { line += (row.shareWithinFlagByRoad.map { "\(Int(($0 * 100).rounded())) %" } ?? "-").leftPad(14) }
                for (k, m) in road.modes.enumerated() {
                    let value = k < row.minutes.count ? row.minutes[k].map { String(format: "%.1f", $0) } ?? "-" : "-"
                    line += value.leftPad(m.name.count + 6)
                }
            }
            line += "  " + row.light.padding(toLength: 10, withPad: " ", startingAt: 0)
            line += row.rank.leftPad(6)
            if !row.flag.isEmpty { line += "  " + row.flag }
            if !row.note.isEmpty { line += "  " + row.note }
            return line
        }
        out += rows.map(format)
        if !all { out.append("  … \(order.count - shown.count) more regions in regions.csv") }
        if let total { out.append(format(total)) }
        return out
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
