import ArgumentParser
import Access

struct GenerateDefaultData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-default-data",
        abstract: "Regenerate the embedded synthetic example data set (deterministic).")

    @Option(help: "Folder to write into.") var out: String = "GeoData"

    func run() throws {
        throw BereikFailure(message: "not wired yet")
    }
}
