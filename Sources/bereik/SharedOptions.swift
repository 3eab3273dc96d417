import ArgumentParser
import Access

/// The one option vocabulary of analyze, scenario, sites and plan: inputs,
/// fields, roads, thresholds, capacity and signalling, output. Checks that
/// involve options of more than one group live here, in validate().
struct SharedOptions: ParsableArguments {
    @OptionGroup(title: "Inputs") var sources: SourceOptionGroup
    @OptionGroup(title: "Fields, layers and reading") var fields: InputOptionGroup
    @OptionGroup(title: "Road network") var roads: RoadOptionGroup
    @OptionGroup(title: "Thresholds") var thresholds: ThresholdOptionGroup
    @OptionGroup(title: "Capacity and signalling") var capacity: CapacityOptionGroup
    @OptionGroup(title: "Output") var output: OutputOptionGroup

    /// A road network is used: --roads, or the example data's own.
    var hasRoads: Bool { roads.roads != nil || (sources.usesDefaultData && DefaultDataLocation.roads() != nil) }

    func validate() throws {
        if !hasRoads {
            var given = roads.givenRoadOnly
            if !capacity.fcaCatchmentMin.isEmpty { given.append("--fca-catchment-min") }
            if thresholds.flagMaxUnreachableShare != nil { given.append("--flag-max-unreachable-share") }
            if let first = given.first {
                throw ValidationError("\(first) has no effect without --roads (it only changes road distances and times); give --roads FILE too")
            }
            if output.catchments == .road {
                throw ValidationError("--catchments road needs --roads; use --catchments voronoi for straight-line catchments")
            }
        }
        let first = try roads.modes()[0]
        for mode in try capacity.catchmentMinutes(firstMode: first).keys where mode != first {
            throw ValidationError("--fca-catchment-min \(mode.name)=… has no effect: the FCA routes the first --mode (\(first.name)); give \(first.name)=MINUTES or put \(mode.name) first in --mode")
        }
    }

    /// The analysis job these options describe.
    func job() throws -> AnalyzeJob {
        var job = try Self.analysisJob(sources: sources, fields: fields, thresholds: thresholds, roads: roads,
                                       capacity: capacity, outputFolder: output.out)
        output.apply(to: &job)
        return job
    }

    /// The job of the input, threshold, road and capacity groups; shared by
    /// the commands that write a folder and by `serve`, which writes none.
    static func analysisJob(sources: SourceOptionGroup, fields: InputOptionGroup, thresholds: ThresholdOptionGroup,
                            roads: RoadOptionGroup, capacity: CapacityOptionGroup, outputFolder: String) throws -> AnalyzeJob {
        var job: AnalyzeJob
        if let population = sources.population, let practices = sources.practices {
            job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: sources.regions, outputFolder: outputFolder)
        } else {
            let data = try DefaultDataLocation.find()
            job = AnalyzeJob(populationPath: data.population, practicesPath: data.practices, regionsPath: sources.regions ?? data.regions, outputFolder: outputFolder)
            job.syntheticData = true
            job.dataNote = "Embedded synthetic example province modelled on Drenthe from public facts (GeoData/README.md); not real figures."
                + (sources.regions.map { " Regions from \($0) instead of its municipalities." } ?? "")
        }
        job.designationsPath = sources.designations
        job.unregisteredPath = sources.unregistered
        job.groupByPath = sources.groupBy
        job.input = fields.options
        job.parameters = try thresholds.parameters(input: job.input)
        job.parameters.roadOptions = try roads.options()
        // --crs names the CRS of every source without one, the road layer included.
        if job.parameters.roadOptions.crs == nil { job.parameters.roadOptions.crs = job.input.crs }
        try capacity.apply(to: &job.parameters)
        job.roadsPath = roads.roads ?? (sources.usesDefaultData ? DefaultDataLocation.roads() : nil)
        return job
    }
}
