import ArgumentParser
import Access
import Maps
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

    @Option(help: "Population points or polygons (e.g. CBS PC4/grid/buurt layer).") var population: String?
    @Option(help: "GP practices with a status column.") var practices: String?
    @Option(help: "Region polygons (e.g. municipalities); points are assigned by point-in-polygon.") var regions: String?
    @Option(help: "Table of krimp/anticipeer designations per region (e.g. a CSV with gemeente_code and status), joined by region id.") var designations: String?
    @Option(help: "Catchment polygons: road (default with --roads), voronoi (straight line, default without) or none.") var catchments: CatchmentChoice?
    @Flag(help: "Do not render maps, viewer.html and report.html.") var noMaps = false
    @Option(help: "Coarser polygon layer to aggregate the regions to (province, krimp/anticipeer region); writes groups.geojson and groups.csv.") var groupBy: String?
    @Option(help: "Output folder.") var out: String = "out"
    @Option(help: "Extra output format: gpkg adds bereik.gpkg with every layer, fgb adds <layer>.fgb FlatGeobuf files (both EPSG:28992; fgb is the fastest to write and to open in QGIS at national scale).") var format: [ExtraFormat] = []
    @Option(help: "CSV dialect of every CSV written: rfc4180 (default: comma, decimal point) or excel-nl (semicolon, decimal comma, UTF-8 with BOM; text cells starting with = + - @ get a leading ').") var csvDialect: CSVDialect = .rfc4180
    @OptionGroup var inputOptions: InputOptionGroup
    @OptionGroup var thresholds: ThresholdOptionGroup
    @OptionGroup var roadOptions: RoadOptionGroup
    @OptionGroup var capacityOptions: CapacityOptionGroup

    enum CatchmentChoice: String, ExpressibleByArgument {
        case road, voronoi, none
    }

    enum ExtraFormat: String, ExpressibleByArgument {
        case geojson, gpkg, fgb
    }

    func validate() throws {
        if (population == nil) != (practices == nil) {
            throw ValidationError("Give both --population and --practices, or neither to use the embedded example data.")
        }
        if population == nil && regions != nil {
            throw ValidationError("--regions needs --population and --practices too.")
        }
    }

    func run() throws {
        let progress = Progress()
        var job: AnalyzeJob
        if let population, let practices {
            job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: regions, outputFolder: out)
        } else {
            let data = try DefaultDataLocation.find()
            job = AnalyzeJob(populationPath: data.population, practicesPath: data.practices, regionsPath: data.regions, outputFolder: out)
            job.syntheticData = true
            job.dataNote = "Embedded synthetic example province modelled on Drenthe from public facts (GeoData/README.md); not real figures."
        }
        if let designations {
            guard job.regionsPath != nil else { throw ValidationError("--designations needs --regions") }
            job.designationsPath = designations
        }
        if let groupBy {
            guard job.regionsPath != nil else { throw ValidationError("--group-by needs --regions") }
            job.groupByPath = groupBy
        }
        job.input = inputOptions.options
        job.parameters = try thresholds.parameters(input: job.input)
        job.parameters.roadOptions = try roadOptions.options()
        do { try capacityOptions.apply(to: &job.parameters) } catch let e as SignalConfigError { throw BereikFailure(message: e.description) }
        if let unregistered = capacityOptions.unregistered {
            guard job.regionsPath != nil else { throw ValidationError("--unregistered needs --regions") }
            job.unregisteredPath = unregistered
        }
        job.roadsPath = roadOptions.roads ?? (population == nil ? DefaultDataLocation.roads() : nil)
        job.geoPackage = format.contains(.gpkg)
        job.flatGeobuf = format.contains(.fgb)
        job.csvDialect = csvDialect
        switch catchments {
        case .road?:
            guard job.roadsPath != nil else { throw ValidationError("--catchments road needs --roads") }
            job.catchments = .road
        case .voronoi?: job.catchments = .voronoi
        case .none?: job.writeCatchments = false
        case nil: break
        }
        let run = try OutputRun.perform(out: out, inputs: job.inputPaths, maps: !noMaps, progress: progress) { staging in
            var staged = job
            staged.outputFolder = staging
            return try staged.run(progress: progress)
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

extension CSVDialect: ExpressibleByArgument {}
