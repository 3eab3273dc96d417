/// The files each command reads, for `OutputTransaction`'s check that the
/// output folder never is or holds an input. A new input option adds its path here.
extension AnalyzeJob {
    public var inputPaths: [String] {
        [populationPath, practicesPath]
            + [regionsPath, designationsPath, unregisteredPath, groupByPath, roadsPath, input.populationGeometry, input.postcodePoints,
               input.eligibilityPath, input.postcodeAreas, input.statusHistory].compactMap { $0 }
    }
}

extension ScenarioJob {
    public var inputPaths: [String] { job.inputPaths + [changesPath].compactMap { $0 } }
}

extension SitesJob {
    public var inputPaths: [String] { job.inputPaths + [sitesPath] }
}

extension PlanJob {
    public var inputPaths: [String] { job.inputPaths + [candidatesPath].compactMap { $0 } }
}

extension TrendJob {
    public var inputPaths: [String] { job.inputPaths }
}
