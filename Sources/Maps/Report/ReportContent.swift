import Access
import Foundation

/// What the report says, independent of HTML or Markdown: the ranked regions,
/// the inputs, the parameters and the optional scenario and site summaries.
struct ReportContent {
    static let question = "How far do people live from a GP practice that will take them as a new patient, and where does that access fall below what is acceptable?"

    let folder: OutputFolder
    let caption: MapCaption

    init(_ folder: OutputFolder) {
        self.folder = folder
        caption = MapCaption(run: folder.run)
    }

    /// Regions by urgency: `urgency_rank` when present, else flagged first,
    /// then by mean distance to an open practice, farthest first.
    var rankedRegions: [MapFeature] {
        guard let regions = folder.regions?.features else { return [] }
        if folder.regions?.has(RegionColumn.urgencyRank) == true {
            return regions.sorted { ($0.number(RegionColumn.urgencyRank) ?? .infinity) < ($1.number(RegionColumn.urgencyRank) ?? .infinity) }
        }
        return regions.sorted {
            if $0.flag(RegionColumn.flagged) != $1.flag(RegionColumn.flagged) { return $0.flag(RegionColumn.flagged) }
            return ($0.number(RegionColumn.meanOpenM) ?? -1) > ($1.number(RegionColumn.meanOpenM) ?? -1)
        }
    }

    /// Parameters as readable (name, value) rows.
    var thresholds: [(String, String)] {
        guard let p = folder.run?.parameters else { return [] }
        var rows = [
            ("Distance bands reported", p.bandsKm.map { "\(Markup.number($0)) km" }.joined(separator: ", ")),
            ("Flag when fewer than", "\(Int((p.flagMinShare * 100).rounded())) % of inhabitants live within \(Markup.number(p.flagMaxKm)) km of an open practice"),
        ]
        if let mean = p.flagMaxMeanKm { rows.append(("… or when the mean distance exceeds", "\(Markup.number(mean)) km")) }
        rows += [
            ("Normpraktijk (patients per full-time GP)", Markup.number(p.normPatientsPerFTE)),
            ("A partial patient stop counts as", (p.partialRule ?? .closed).rawValue),
            ("Unknown status counts as", p.unknownStatusCountsAs.rawValue),
            ("Points outside regions within this distance join the nearest region", "\(Markup.number(p.regionToleranceM)) m"),
        ]
        return rows
    }

    var warnings: [String] {
        guard let run = folder.run else { return ["run.json is missing: inputs and parameters unknown."] }
        return run.warnings + run.inputs.flatMap { input in input.warnings.map { "\(input.role): \($0)" } }
    }

    /// Sites per verdict, e.g. [("served", 3), ("not served", 1)].
    var siteVerdicts: [(String, Int)] {
        guard let sites = folder.sites else { return [] }
        var counts = [String: Int]()
        for f in sites.features { counts[f.text(SiteColumn.verdict) ?? "no verdict", default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }
    }

    /// CSV files named scenario*.csv in the folder, as (file name, header, rows).
    var scenarioTables: [(String, [String], [[String]])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasPrefix("scenario") && $0.lowercased().hasSuffix(".csv") }.sorted().compactMap { name in
            guard let text = try? String(contentsOfFile: (folder.path as NSString).appendingPathComponent(name), encoding: .utf8) else { return nil }
            let lines = text.split(whereSeparator: \.isNewline).map { CSVTableReader.split(String($0), separator: ",") }
            guard let header = lines.first else { return nil }
            return (name, header, Array(lines.dropFirst().prefix(50)))
        }
    }

    static func km(_ metres: Double?) -> String {
        metres.map { String(format: "%.2f km", $0 / 1000) } ?? "—"
    }

    static func share(_ v: Double?) -> String {
        v.map { "\(Int(($0 * 100).rounded())) %" } ?? "—"
    }

    static func count(_ v: Double?) -> String {
        guard let v else { return "—" }
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.maximumFractionDigits = 0
        f.locale = Locale(identifier: "en_US")
        return f.string(from: NSNumber(value: v)) ?? String(v)
    }
}
