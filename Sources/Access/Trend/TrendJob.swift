import Foundation

/// `bereik trend`: the region indicators at a series of dates. The inputs
/// are read, the road graph built and the population points snapped once;
/// each date applies the status history to the practice list and runs one
/// analysis pass (routing, capacity, region indicators; no catchments, no
/// files) on the same inputs.
public struct TrendJob {
    /// The analysis whose inputs, rules and output folder the trend uses.
    public var job: AnalyzeJob
    /// nil: the first date of the history.
    public var from: CalendarDay?
    /// nil: the last date of the history.
    public var to: CalendarDay?
    public var step: TrendStep = .month
    /// The practices' status through time (`--status-history`).
    public var history: StatusHistory?
    /// Where `history` came from, for messages and run.json.
    public var historyPath: String?
    /// Dates after this are refused (tests set it).
    public var today = CalendarDay.today()

    public init(job: AnalyzeJob, history: StatusHistory?, historyPath: String?) {
        self.job = job
        self.history = history
        self.historyPath = historyPath
    }

    /// The indicators on one date.
    public struct DateResult {
        public var date: CalendarDay
        public var analysis: AnalyzeJob.Analysis
        public var practicesFromHistory: Int
        /// The eligibility areas in force, ignored and missing on this date.
        public var eligibilityCounts = EligibilityRules.Counts()
        public var rows: [TrendRow]
    }

    public struct Outcome {
        public var dates: [CalendarDay]
        public var rows: [TrendRow]
        public var report: RunReport
        public var files: [String]
        /// Distance basis of every row: road or straight line.
        public var byRoad: Bool
    }

    /// The dates of this trend, checked against the history and today.
    public func dates(history: StatusHistory? = nil) throws -> [CalendarDay] {
        guard let history = history ?? self.history else { throw TrendError.noStatusHistory }
        let path = historyPath ?? job.input.statusHistory ?? "the status history"
        let all = history.dates
        guard let first = all.first, let last = all.last else { throw TrendError.emptyStatusHistory(path: path) }
        let start = from ?? first, end = to ?? max(last, start)
        for (option, d) in [("--from", start), ("--to", end)] where d > today {
            throw TrendError.inFuture(option: option, date: d, today: today)
        }
        // Before the first row nothing is known about the practices that
        // have rows: refuse rather than mix the list's status into the trend.
        guard start >= first else { throw TrendError.beforeHistory(from: start, first: first, path: path) }
        return try TrendDates.dates(from: start, to: end, step: step)
    }

    /// Reads the inputs (with `--status-history`, or `history` given in
    /// memory), computes every date and writes trend.csv and run.json.
    public func run(progress: Progress? = nil) throws -> Outcome {
        if history == nil && job.input.statusHistory == nil { throw TrendError.noStatusHistory }
        if let history { _ = try dates(history: history) }  // a bad range stops before the inputs are read
        var inputs = try job.readInputs(progress: progress)
        if let history {
            inputs.statusHistory = history
            inputs.listedPractices = inputs.listedPractices ?? inputs.practices
        }
        let dates = try dates(history: inputs.statusHistory)
        let results = try compute(inputs, dates: dates, progress: progress)
        return try write(inputs, results, progress: progress)
    }

    /// One analysis per date on inputs read once (`inputs.statusHistory` and
    /// `listedPractices` set): the points' regions are located once, the
    /// points' road snaps of the first date are reused by the others, and a
    /// practice's accepted points are looked up once per area it has.
    public func compute(_ inputs: AnalyzeJob.Inputs, dates: [CalendarDay], progress: Progress? = nil) throws -> [DateResult] {
        var perDate = job
        perDate.writeCatchments = false
        var shared = inputs
        // Where the points lie does not change with the date: located once.
        let tolerance = job.parameters.regionToleranceM
        if !inputs.regions.isEmpty {
            shared.regionLocation = try StraightLineAnalysis.locate(population: inputs.population, regions: inputs.regions, toleranceM: tolerance)
        }
        if !inputs.groups.isEmpty {
            shared.groupLocation = try StraightLineAnalysis.locate(population: inputs.population, regions: inputs.groups, toleranceM: tolerance)
        }
        var eligibleSets = TrendEligibleSets()
        var out: [DateResult] = []
        for (k, date) in dates.enumerated() {
            progress?.step("trend \(date) (\(k + 1) of \(dates.count))")
            guard let (practices, fromHistory, counts) = inputs.practices(asOf: date) else { throw TrendError.noStatusHistory }
            shared.eligible = counts.restricted > 0 ? try eligibleSets.sets(population: inputs.population, practices: practices) : nil
            shared.asOf = date
            shared.asOfNotes = EligibilityRules.notes(counts, practices: practices, sets: shared.eligible, asOf: nil)
            let analysis = try perDate.analyse(shared, practices: practices, progress: nil)
            if shared.pointSnapsByMode == nil, let road = analysis.result.road { shared.pointSnapsByMode = road.pointSnapsByMode }
            out.append(DateResult(date: date, analysis: analysis, practicesFromHistory: fromHistory, eligibilityCounts: counts,
                                  rows: Self.rows(analysis, regions: inputs.regions, date: date, fromHistory: fromHistory)))
        }
        progress?.finish()
        return out
    }

    /// The rows of one date: every region in the analysis's order, then the study-area total.
    static func rows(_ analysis: AnalyzeJob.Analysis, regions: [Region], date: CalendarDay, fromHistory: Int) -> [TrendRow] {
        let result = analysis.result
        let byRoad = result.road != nil
        // Without regions the one "region" is the whole study area (index 0).
        let partial = TrendRow.partialWithArea(analysis.practices, regionOf: regions.isEmpty ? analysis.practices.map { _ in RegionIndex(0) } : result.practices.map(\.region),
                                               regions: max(regions.count, 1), parameters: result.parameters)
        var rows = result.regions.map { r -> TrendRow in
            let region = regions.isEmpty ? nil : regions[r.regionIndex]
            return TrendRow.make(r, id: region?.id ?? "all", name: region?.name ?? "Study area", date: date,
                                 partialWithArea: partial[r.regionIndex],
                                 parameters: result.parameters, byRoad: byRoad, fromHistory: fromHistory)
        }
        if let total = result.regionsTotal {
            let label = OutputTables.totalLabel(regions)
            var row = TrendRow.make(total, id: label.id, name: label.name, date: date, partialWithArea: partial[max(regions.count, 1)],
                                    parameters: result.parameters, byRoad: byRoad, fromHistory: fromHistory)
            row.isTotal = true
            rows.append(row)
        }
        return rows
    }

    /// The input reports' figures that depend on the date (the status
    /// history's as-of, the eligibility areas in force) as of the last date,
    /// like the analysis counts beside them, not as of the run's `--as-of`.
    static func asOfLastDate(_ reports: [InputReport], _ last: DateResult) -> [InputReport] {
        reports.map { r in
            var r = r
            if r.statusHistory != nil {
                r.statusHistory?.asOf = last.date.description
                r.statusHistory?.asOfSource = "the trend's last date (trend.practicesFromHistory has every date)"
                r.statusHistory?.practicesFromHistory = last.practicesFromHistory
            }
            if r.statusHistory == nil { r.eligibility?.record(last.eligibilityCounts) }
            return r
        }
    }

    /// Writes `trend.csv` and `run.json` into the job's output folder.
    public func write(_ inputs: AnalyzeJob.Inputs, _ results: [DateResult], progress: Progress? = nil) throws -> Outcome {
        guard let lastResult = results.last else { throw TrendError.noStatusHistory }
        let rows = results.flatMap(\.rows)
        let parameters = lastResult.analysis.result.parameters
        let byRoad = lastResult.analysis.result.road != nil
        try FileManager.default.createDirectory(atPath: job.outputFolder, withIntermediateDirectories: true)
        try TrendTable.write(rows, bandsKm: parameters.bandsKm, byRoad: byRoad, dialect: job.csvDialect,
                             to: (job.outputFolder as NSString).appendingPathComponent(TrendTable.fileName))
        var report = job.runReport(inputs, lastResult.analysis)
        report.inputs = Self.asOfLastDate(report.inputs, lastResult)
        report.trend = TrendReport(
            from: results[0].date.description, to: lastResult.date.description, step: step.rawValue,
            dates: results.map(\.date.description), statusHistory: historyPath ?? job.input.statusHistory,
            historyRows: inputs.statusHistory?.changes.count ?? 0,
            practicesFromHistory: Dictionary(uniqueKeysWithValues: results.map { ($0.date.description, $0.practicesFromHistory) }),
            distanceBasis: byRoad ? "road (first mode)" : "straight line",
            flagKm: parameters.flagMaxKm,
            flaggedRegions: TrendTable.flaggedRegionIDs(rows),
            note: "Every date is one analysis of the same inputs with the practices' status as of that date (the history's row in force, else the practice list's status); the analysis counts and parameters above are those of the last date; a warning that did not hold on every date names its dates, \(lastResult.date).")
        report.warnings = TrendWarnings.merged(results.map { ($0.date.description, $0.analysis.warnings) })
        var timings = inputs.timings
        for r in results { for (k, v) in r.analysis.timings { timings[k, default: 0] += v } }
        report.timingsSeconds = timings.mapValues(recordedSeconds)
        report.outputs = [TrendTable.fileName, "run.json"]
        try report.write(into: job.outputFolder)
        return Outcome(dates: results.map(\.date), rows: rows, report: report, files: report.outputs, byRoad: byRoad)
    }
}
