extension AnalyzeJob.Inputs {
    /// Inputs made in memory rather than read (benchmarks on generated data).
    public init(population: [PopulationPoint], practices: [Practice], regions: [Region], roadGraph: RoadGraph?) {
        self.init(population: population, practices: practices, regions: regions, groups: [], reports: [], notes: [],
                  roadGraph: roadGraph, roadRead: roadGraph == nil ? nil : RoadFileCounts(), startedAt: "", timings: [:])
    }
}
