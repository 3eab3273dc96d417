import ArgumentParser
import Access

/// Where and how a command writes.
struct OutputOptionGroup: ParsableArguments {
    @Option(help: "Output folder.") var out: String = "out"
    @Option(help: "Extra output format: gpkg adds bereik.gpkg with every layer, fgb adds <layer>.fgb FlatGeobuf files (both EPSG:28992; fgb is the fastest to write and to open in QGIS at national scale).") var format: [ExtraFormat] = []
    @Option(help: "CSV dialect of every CSV written: rfc4180 (default: comma, decimal point) or excel-nl (semicolon, decimal comma, UTF-8 with BOM; text cells starting with = + - @ get a leading ').") var csvDialect: CSVDialect = .rfc4180
    @Flag(help: "Do not render maps, viewer.html and report.html (sites and plan render none).") var noMaps = false
    @Option(help: "Catchment polygons (analyze, scenario): road (default with roads), voronoi (straight line, default without) or none.") var catchments: CatchmentChoice?

    enum CatchmentChoice: String, ExpressibleByArgument {
        case road, voronoi, none
    }

    enum ExtraFormat: String, ExpressibleByArgument {
        case geojson, gpkg, fgb
    }

    /// For the commands that write no catchments (sites, plan): --catchments would do nothing.
    func rejectCatchments(command: String) throws {
        if catchments != nil { throw ValidationError("--catchments has no effect on \(command) (it writes no catchments); leave it out") }
    }

    func apply(to job: inout AnalyzeJob) {
        job.geoPackage = format.contains(.gpkg)
        job.flatGeobuf = format.contains(.fgb)
        job.csvDialect = csvDialect
        switch catchments {
        case .road?: job.catchments = .road
        case .voronoi?: job.catchments = .voronoi
        case .none?: job.writeCatchments = false
        case nil: break
        }
    }
}

extension CSVDialect: ExpressibleByArgument {}
