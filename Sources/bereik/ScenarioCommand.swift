import ArgumentParser
import Access

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What if practices close, change status or FTE, or a practice is added: the difference against the baseline.",
        discussion: """
        Reads the inputs once and analyses them twice: as they are (baseline) and with the changes. Writes the
        scenario's output contract to --out plus changes.csv (per region: change in mean distance and time,
        inhabitants pushed beyond each band, flag changes), receiving_practices.csv (patients displaced to each
        practice and the places it lacks), point_changes.csv (delta_open_m per changed point) and scenario.md.
        A changes file (CSV/GeoJSON/GeoPackage) has columns action (close, status, fte, add), practice_id, value,
        and for add a point (or x/y, lon/lat columns), name and fte.
        """)

    @Option(help: "Close a practice (repeatable).") var close: [String] = []
    @Option(help: "Set a practice's status: ID=open|partial|closed|unknown (repeatable).") var setStatus: [String] = []
    @Option(help: "Set a practice's GP FTE: ID=1.5 (repeatable).") var setFte: [String] = []
    @Option(help: "Add an open practice: \"name,x,y[,fte]\" in RD New metres or WGS84 lon,lat (repeatable).") var add: [String] = []
    @Option(help: "A file of changes (columns action, practice_id, value; geometry or x/y for add).") var changes: String?
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        if close.isEmpty && setStatus.isEmpty && setFte.isEmpty && add.isEmpty && changes == nil {
            throw ValidationError("a scenario needs at least one change: --close, --set-status, --set-fte, --add or --changes")
        }
    }

    func run() throws {
        try FileErrorWords.run(out: shared.output.out) { try runCommand() }
    }

    private func runCommand() throws {
        var job = ScenarioJob(job: try shared.job(), changes: [])
        job.changesPath = changes
        let out = shared.output.out
        let progress = Progress()
        let run = try OutputRun.perform(out: out, inputs: job.inputPaths, maps: !shared.output.noMaps, progress: progress) { staging in
            var list: [PracticeChange] = []
            if let changes {
                let file = try ChangeFileReader.read(path: changes, crs: shared.fields.crs)
                list += file.changes
                job.changesCRS = file.crs
            }
            list += close.map { .close(id: $0) }
            for s in setStatus {
                let (id, v) = try PracticeChangeParser.assignment(s, option: "--set-status")
                list.append(.setStatus(id: id, status: try PracticeChangeParser.status(v, source: "--set-status")))
            }
            for s in setFte {
                let (id, v) = try PracticeChangeParser.assignment(s, option: "--set-fte")
                list.append(.setFTE(id: id, fte: try PracticeChangeParser.fte(v, source: "--set-fte")))
            }
            for (k, a) in add.enumerated() { list.append(.add(try PracticeChangeParser.add(a, number: k + 1))) }
            job.changes = list
            job.changesSource = changes ?? "--close/--set-status/--set-fte"
            job.job.outputFolder = staging
            return try job.run(progress: progress)
        }
        let o = run.value
        print(SummaryText.make(o.outcome, outputFolder: out, wroteLine: false))
        print("")
        print("Scenario: " + o.summary)
        print("Wrote \(o.files.joined(separator: ", ")) to \(out).")
        if let maps = run.maps { print(OutputRun.mapsLine(maps, out: out)) }
    }
}
