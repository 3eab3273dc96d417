import ArgumentParser
import Access

struct SitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "Can planned housing sites be served: nearest open practices, their room and a verdict per site.",
        discussion: """
        Each site is a point or polygon with a number of homes (field homes, woningen, aantal_woningen, dwellings
        or units; --homes-field to name another). Polygons are judged from their point on surface and a grid of
        points inside them. Verdicts: served (an open practice within --flag-max-km has room for the new
        residents), strained (reachable but without enough room), not served (no open practice within reach).
        Writes sites.geojson, sites.csv and sites.md to --out.
        """)

    @Option(help: "Housing sites (points or polygons) with a number of homes.") var sites: String
    @Option(help: "Layer of the sites source.") var sitesLayer: String?
    @Option(help: "Field with the number of homes (default: auto-detect).") var homesField: String?
    @Option(parsing: .unconditional, help: "Persons per home when the file has no household_size field (Dutch average about 2.1).") var householdSize: Double = 2.1
    @OptionGroup var shared: SharedOptions

    func validate() throws {
        try OptionCheck.check(householdSize, "--household-size", .above(0, upTo: 20, "persons per home"))
        try shared.output.rejectCatchments(command: "sites")
    }

    func run() throws {
        try FileErrorWords.run(out: shared.output.out) { try runCommand() }
    }

    private func runCommand() throws {
        var job = SitesJob(job: try shared.job(), sitesPath: sites)
        job.sitesLayer = sitesLayer
        job.homesField = homesField
        job.householdSize = householdSize
        let o = try OutputRun.perform(job, out: shared.output.out, maps: false, progress: Progress()).value
        for c in o.checks {
            let near = c.nearestPractice.map { o.practices[$0].name } ?? "-"
            let d = c.distanceM.map { String(format: "%.1f km", $0 / 1000) } ?? "-"
            print("\(c.site.name): \(c.verdict.rawValue) — \(Int(c.newResidents.rounded())) new residents; nearest open practice \(near) at \(d) (\(o.measure))")
        }
        print("Wrote \(o.files.joined(separator: ", ")) to \(shared.output.out).")
    }
}
