import ArgumentParser
import Access

/// Inputs shared by scenario, sites and plan: the same files, thresholds and
/// road options as `analyze`; without --population/--practices the embedded
/// example data (with its road network).
struct DecisionInputs: ParsableArguments {
    @Option(help: "Population points or polygons.") var population: String?
    @Option(help: "GP practices with a status column.") var practices: String?
    @Option(help: "Region polygons (e.g. municipalities).") var regions: String?
    @Option(help: "Table of krimp/anticipeer designations per region.") var designations: String?
    @Option(help: "Output folder.") var out: String = "out"
    @OptionGroup var inputOptions: InputOptionGroup
    @OptionGroup var thresholds: ThresholdOptionGroup
    @OptionGroup var roadOptions: RoadOptionGroup

    func validate() throws {
        if (population == nil) != (practices == nil) {
            throw ValidationError("Give both --population and --practices, or neither to use the embedded example data.")
        }
        if designations != nil && regions == nil && population != nil {
            throw ValidationError("--designations needs --regions")
        }
    }

    func job(out folder: String? = nil) throws -> AnalyzeJob {
        var job: AnalyzeJob
        if let population, let practices {
            job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: regions, outputFolder: folder ?? out)
        } else {
            let data = try DefaultDataLocation.find()
            job = AnalyzeJob(populationPath: data.population, practicesPath: data.practices, regionsPath: regions ?? data.regions,
                             outputFolder: folder ?? out)
            job.syntheticData = true
            job.dataNote = "Embedded synthetic example province modelled on Drenthe from public facts (GeoData/README.md); not real figures."
        }
        job.designationsPath = designations
        job.input = inputOptions.options
        job.parameters = try thresholds.parameters(input: job.input)
        job.parameters.roadOptions = try roadOptions.options()
        job.roadsPath = roadOptions.roads ?? (population == nil ? DefaultDataLocation.roads() : nil)
        return job
    }
}
