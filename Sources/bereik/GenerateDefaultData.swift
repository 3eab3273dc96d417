import ArgumentParser
import Access
import DefaultData

struct GenerateDefaultData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-default-data",
        abstract: "Regenerate the embedded synthetic example data set (deterministic; see GeoData/README.md).")

    @Argument(help: "Folder to write into.") var folder: String = "GeoData"

    func run() throws {
        let data = try DefaultDataGenerator.generate()
        try DefaultDataWriter.write(data, to: folder)
        print("Wrote \(data.population.count) population cells, \(data.practices.count) practices, \(data.regions.count) municipalities and \(data.roads.count) road lines to \(folder)")
    }
}
