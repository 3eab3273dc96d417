import ArgumentParser
import Access
import Foundation

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Region indicators at a series of dates, from the practices' status history: trend.csv and charts.",
        discussion: """
        Reads the inputs once, builds the road graph, snaps the population and locates it in the regions once,
        then per date applies --status-history (the row in force for each practice, else the practice list's
        status) and runs one analysis pass. Writes trend.csv (region × date), run.json,
        maps/trend_overview.svg/.png (with more than 12 regions: the spread across regions and at most 12
        flagged regions), a chart per flagged region, worst first, at most 12 (maps/trend_<region>.svg/.png)
        and report.html/report.md. Without
        --population and --practices it runs on the example data and its GeoData/status_history.csv.
        """)

    @Option(help: "First date: YYYY-MM (its first day) or YYYY-MM-DD (default: the first date of the status history; not before it).") var from: String?
    @Option(help: "Last date: YYYY-MM or YYYY-MM-DD, always included (default: the last date of the status history).") var to: String?
    @Option(help: "Distance between dates: month, quarter or year.") var step: String = "month"
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        do {
            _ = try from.map { try TrendDates.parseDay($0, option: "--from") }
            _ = try to.map { try TrendDates.parseDay($0, option: "--to") }
            _ = try TrendDates.parseStep(step)
        } catch let e as TrendError {
            throw ValidationError(e.description)
        }
        if shared.output.catchments != nil {
            throw ValidationError("--catchments has no effect on a trend: it writes no catchments (run analyze for them)")
        }
        if let extra = shared.output.format.first(where: { $0 != .geojson }) {
            throw ValidationError("--format \(extra.rawValue) has no effect on a trend: it writes trend.csv and charts, no layers")
        }
        if shared.fields.asOf != nil {
            throw ValidationError("--as-of does not apply to a trend: it analyses every date from --from to --to")
        }
        if shared.fields.statusHistory == nil && !shared.sources.usesDefaultData {
            throw ValidationError(TrendError.noStatusHistory.description)
        }
    }

    func run() throws {
        try FileErrorWords.run(out: shared.output.out) { try runCommand() }
    }

    private func runCommand() throws {
        var job = try shared.job()
        if job.input.statusHistory == nil, shared.sources.usesDefaultData {
            guard let path = DefaultDataLocation.statusHistory() else { throw BereikFailure(message: TrendError.noStatusHistory.description) }
            job.input.statusHistory = path
        }
        var trend = TrendJob(job: job, history: nil, historyPath: job.input.statusHistory)
        trend.from = try from.map { try TrendDates.parseDay($0, option: "--from") }
        trend.to = try to.map { try TrendDates.parseDay($0, option: "--to") }
        trend.step = try TrendDates.parseStep(step)
        let out = shared.output.out
        let progress = Progress()
        let run = try OutputRun.perform(trend, out: out, maps: !shared.output.noMaps, progress: progress)
        print(TrendSummary.make(run.value, outputFolder: out))
        if let maps = run.maps {
            print("Charts: \(maps.files.filter { $0.hasPrefix("maps/") && $0.hasSuffix(".svg") }.count) in \(out)/maps and report.html (open it in a browser)."
                  + maps.notes.map { "\n  - \($0)" }.joined())
        }
    }
}

/// The terminal summary of a trend: per region the share within the flag
/// distance on the first and last date, and on how many dates it was flagged.
enum TrendSummary {
    static func make(_ o: TrendJob.Outcome, outputFolder: String) -> String {
        guard let first = o.dates.first, let last = o.dates.last else { return "No dates." }
        var s = "Trend from \(first) to \(last), \(o.dates.count) dates, distances \(o.byRoad ? "by road" : "in a straight line")"
        if o.report.syntheticData { s += " — SYNTHETIC example data" }
        s += ".\n"
        let flagKm = o.report.parameters.flagMaxKm
        s += pad("region", 28) + pad("within \(number(flagKm)) km first", 22) + pad("last", 10) + pad("taking new", 12) + "flagged on\n"
        var byRegion: [String: [TrendRow]] = [:], order: [String] = []
        for r in o.rows {
            if byRegion[r.regionID] == nil { order.append(r.regionID) }
            byRegion[r.regionID, default: []].append(r)
        }
        let series = order.map { id in byRegion[id]!.sorted { $0.date < $1.date } }
        let (shown, hidden) = shownRegions(series.filter { $0.first?.isTotal != true })
        func line(_ rows: [TrendRow]) {
            guard let a = rows.first, let b = rows.last else { return }
            s += pad(a.isTotal ? "Study area (total)" : String(a.name.prefix(27)), 28) + pad(share(a.shareWithinFlagKm), 22) + pad(share(b.shareWithinFlagKm), 10)
            s += pad("\(a.takingNewPatients) → \(b.takingNewPatients)", 12) + "\(rows.filter(\.flagged).count) of \(rows.count) dates\n"
        }
        shown.forEach(line)
        if hidden > 0 { s += "… and \(hidden) more regions; see trend.csv.\n" }
        series.filter { $0.first?.isTotal == true }.forEach(line)
        s += "Wrote \(o.files.joined(separator: ", ")) to \(outputFolder)."
        return s
    }

    /// Most region lines printed, as many as the charts draw.
    static let regionCap = TrendRow.shownRegionCap

    /// The regions (not the total) in the given order when at most
    /// `regionCap`; else those flagged on some date, then the others, each
    /// from the lowest share on the last date up, at most `regionCap`.
    static func shownRegions(_ regions: [[TrendRow]]) -> (shown: [[TrendRow]], hidden: Int) {
        guard regions.count > regionCap else { return (regions, 0) }
        let ranked = regions.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            let fa = a.contains(where: \.flagged), fb = b.contains(where: \.flagged)
            if fa != fb { return fa }
            let la = a.last?.shareWithinFlagKm ?? .infinity, lb = b.last?.shareWithinFlagKm ?? .infinity
            return la != lb ? la < lb : x.offset < y.offset
        }.map(\.element)
        return (Array(ranked.prefix(regionCap)), regions.count - regionCap)
    }

    static func share(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
