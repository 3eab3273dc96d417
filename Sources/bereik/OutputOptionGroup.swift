import ArgumentParser
import Access

/// Where and how a command writes.
struct OutputOptionGroup: ParsableArguments {
    @Option(help: "Output folder.") var out: String = "out"
    @Option(help: "Extra output format: gpkg adds bereik.gpkg with the same layers (EPSG:28992).") var format: [ExtraFormat] = []
    @Flag(help: "Do not render maps, viewer.html and report.html (sites and plan render none).") var noMaps = false
    @Option(help: "Catchment polygons (analyze, scenario): road (default with roads), voronoi (straight line, default without) or none.") var catchments: CatchmentChoice?

    enum CatchmentChoice: String, ExpressibleByArgument {
        case road, voronoi, none
    }

    enum ExtraFormat: String, ExpressibleByArgument {
        case geojson, gpkg
    }

    func apply(to job: inout AnalyzeJob) {
        job.geoPackage = format.contains(.gpkg)
        switch catchments {
        case .road?: job.catchments = .road
        case .voronoi?: job.catchments = .voronoi
        case .none?: job.writeCatchments = false
        case nil: break
        }
    }
}
