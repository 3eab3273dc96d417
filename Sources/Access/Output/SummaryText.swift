import Foundation

/// The short summary `bereik analyze` prints on stdout.
public enum SummaryText {
    public static func make(_ o: AnalyzeJob.Outcome, outputFolder: String) -> String {
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
        let statuses = ["open", "partial", "closed", "unknown"].map { "\(o.report.practiceStatuses[$0] ?? 0) \($0)" }
        lines.append("Practices: \(o.practices.count) (\(statuses.joined(separator: ", "))); \(r.openPracticeCount) count as open to new patients.")
        lines.append("Inhabitants: \(group(r.totalInhabitants)) in \(o.population.count) population points.")
        if let rr = r.road?.report {
            lines.append("Roads: \(rr.path) — \(rr.lines) lines, \(rr.nodes) nodes, \(rr.edges) edges, \(rr.components) connected part(s); distances by road for \(r.road!.modes.map(\.name).joined(separator: ", ")).")
        }
        lines.append("")
        let bands = r.parameters.bandsKm
        let nameWidth = max(12, min(28, o.regions.map(\.name.count).max() ?? 10))
        var header = "region".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        header += "  inhabitants  mean km"
        for b in bands { header += "  ≤\(OutputTables.km(b)) km".leftPad(7) }
        let road = r.road
        let flagBand = bands.firstIndex(of: r.parameters.flagMaxKm)
        if let road {
            header += "  road km"
            if flagBand != nil { header += "  ≤\(OutputTables.km(r.parameters.flagMaxKm)) km road" }
            for m in road.modes { header += "  \(m.name) min" }
        }
        header += "  flag"
        lines.append(header)
        let order = r.regions.sorted { ($0.flagged ? 0 : 1, -($0.meanOpenM ?? .infinity)) < ($1.flagged ? 0 : 1, -($1.meanOpenM ?? .infinity)) }
        for reg in order {
            let name = o.regions.isEmpty ? "Study area" : o.regions[reg.regionIndex].name
            var line = String(name.prefix(nameWidth)).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            line += group(reg.inhabitants).leftPad(13)
            line += (reg.meanOpenM.map { String(format: "%.2f", $0 / 1000) } ?? "-").leftPad(9)
            for s in reg.shareWithin { line += "\(Int((s * 100).rounded())) %".leftPad(8) }
            if reg.shareWithin.isEmpty { line += String(repeating: " ", count: 8 * bands.count) }
            if let road {
                line += (reg.meanRoadM.map { String(format: "%.2f", $0 / 1000) } ?? "-").leftPad(9)
                if let b = flagBand {
                    line += (b < reg.shareWithinByRoad.count ? "\(Int((reg.shareWithinByRoad[b] * 100).rounded())) %" : "-").leftPad(14)
                }
                for (k, m) in road.modes.enumerated() {
                    let value = k < reg.meanMinutes.count ? reg.meanMinutes[k].map { String(format: "%.1f", $0) } ?? "-" : "-"
                    line += value.leftPad(m.name.count + 6)
                }
            }
            line += reg.flagged ? "  FLAGGED" : "  -"
            if !o.regions.isEmpty, let d = o.regions[reg.regionIndex].designation { line += "  [\(d)]" }
            lines.append(line)
        }
        let flagged = order.filter(\.flagged)
        if !flagged.isEmpty {
            lines.append("")
            lines.append("Flagged (\(flagged.count)):")
            for reg in flagged {
                let name = o.regions.isEmpty ? "Study area" : o.regions[reg.regionIndex].name
                lines.append("  \(name): \(reg.flagReasons.joined(separator: "; ")).")
            }
        }
        if !o.report.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for w in o.report.warnings { lines.append("  - \(w)") }
        }
        lines.append("")
        lines.append("Wrote \(o.files.joined(separator: ", ")) to \(outputFolder)")
        return lines.joined(separator: "\n")
    }

    static func group(_ x: Double) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.maximumFractionDigits = 0
        return f.string(from: NSNumber(value: x.rounded())) ?? String(Int(x))
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
