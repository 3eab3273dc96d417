/// The baseline a decision command (`scenario`, `sites`, `plan`, `serve`)
/// compares with or builds on: the inputs and their analysis as they are,
/// without catchment polygons (no decision answer draws them).
///
/// An analysis of the same inputs with a changed practice list can take over
/// what does not change instead of computing it again
/// (`AnalyzeJob.analyse(_:practices:reusing:)`): always the points' road
/// snaps per mode; when kept for scenarios, also the road routers and the
/// catchment pairs of the competition-aware access. Immutable once made, so
/// concurrent scenarios on one baseline cannot interfere.
public struct Baseline {
    public let inputs: AnalyzeJob.Inputs
    public let analysis: AnalyzeJob.Analysis
    /// The snapper and routers per mode (nil: a changed analysis builds them again).
    public let routers: RoadRouters?
    /// The (point, practice, cost) pairs of the FCA catchment (12 bytes a
    /// pair; nil: a changed analysis searches them again).
    public let keptPairs: KeptCatchmentPairs?

    public var result: AnalysisResult { analysis.result }
    public var practices: [Practice] { inputs.practices }

    public init(inputs: AnalyzeJob.Inputs, analysis: AnalyzeJob.Analysis, routers: RoadRouters? = nil,
                keptPairs: KeptCatchmentPairs? = nil) {
        self.inputs = inputs
        self.analysis = analysis
        self.routers = routers
        self.keptPairs = keptPairs
    }
}

extension AnalyzeJob {
    /// The baseline of `inputs`: analysed as `analyze` would, without
    /// catchment polygons. `forScenarios`: also keep the routers and the FCA
    /// catchment pairs, for a caller that analyses many changed practice
    /// lists (`serve`); they cost memory of the order of the graph and the pairs.
    public func baseline(_ inputs: Inputs, forScenarios: Bool = false, progress: Progress? = nil) throws -> Baseline {
        var quiet = self
        quiet.writeCatchments = false
        let routers = forScenarios ? inputs.roadGraph.map { RoadRouters(graph: $0, options: parameters.roadOptions) } : nil
        let analysis = try quiet.analyse(inputs, routers: routers, progress: progress)
        let result = analysis.result
        let kept = forScenarios ? CapacityAnalysis.keepPairs(population: inputs.population, practices: inputs.practices,
                                                            parameters: result.parameters, road: result.road) : nil
        return Baseline(inputs: inputs, analysis: analysis, routers: routers, keptPairs: kept)
    }
}

extension AnalyzeJob {
    /// A changed practice list analysed on the baseline's inputs, as `bereik
    /// scenario` analyses it (who each restricted practice accepts is built
    /// again from the changed list), taking over what the baseline kept.
    public func analyse(changed practices: [Practice], on baseline: Baseline, progress: Progress? = nil) throws -> Analysis {
        try analyse(ScenarioEligibility.inputs(baseline.inputs, changed: practices), practices: practices, reusing: baseline,
                    progress: progress)
    }
}
