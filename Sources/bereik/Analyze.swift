import ArgumentParser
import Access
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Distance from every population point to the nearest practice open to new patients, per-region indicators and flags.",
        discussion: """
        Without --population and --practices it runs on the embedded synthetic example data in GeoData/.
        Inputs can be any vector source GDAL reads: GeoPackage, GeoJSON, Shapefile, FlatGeobuf, CSV with
        coordinate columns (x/y, lon/lat, longitude/latitude or a WKT column) or a PostGIS "PG:..." string.
        Writes population.geojson, regions.geojson, regions.csv, practices.geojson and run.json to --out.
        """)

    @OptionGroup var shared: SharedOptions

    func run() throws {
        try FileErrorWords.run(out: shared.output.out) { try runCommand() }
    }

    private func runCommand() throws {
        let progress = Progress()
        let job = try shared.job()
        let out = shared.output.out
        let run = try OutputRun.perform(out: out, inputs: job.inputPaths, maps: !shared.output.noMaps, progress: progress) { staging, renderMaps in
            var staged = job
            staged.outputFolder = staging
            // Above the squares' threshold the maps are drawn while population.geojson is written.
            return try staged.run(progress: progress, whileWritingPoints: renderMaps)
        }
        print(SummaryText.make(run.value, outputFolder: out))
        if let maps = run.maps { print(OutputRun.mapsLine(maps, out: out)) }
    }
}

/// A failure whose message is already written for the user.
struct BereikFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
