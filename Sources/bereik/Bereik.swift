import ArgumentParser
import Access

@main
struct Bereik: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bereik",
        abstract: "Geographic access to GP care: distance to the nearest practice open to new patients.",
        version: BereikVersion.current,
        subcommands: [Analyze.self, ScenarioCommand.self, SitesCommand.self, PlanCommand.self, TrendCommand.self, GenerateDefaultData.self, MapCommand.self, ServeCommand.self, Bench.self],
        defaultSubcommand: Analyze.self
    )
}
