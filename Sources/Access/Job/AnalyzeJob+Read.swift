import Foundation
import Geo

/// The read step: every input file, the road graph and the eligibility.
extension AnalyzeJob {
    public func readInputs(progress: Progress? = nil) throws -> Inputs {
        // The road file is read beside the other inputs: they are independent
        // and each mostly one thread. Errors keep their order: the other
        // inputs' first, then the roads'.
        var roadTimings: [String: Double] = [:]
        let (tables, roads) = ParallelWork.both({ try readInputsBesideRoads(progress: progress) }, {
            () throws -> (RoadGraph, RoadFileCounts)? in
            guard let roadsPath else { return nil }
            return try RoadAnalysis.buildGraph(path: roadsPath, options: parameters.roadOptions, timings: &roadTimings)
        })
        var inputs = try tables.get()
        if let (graph, read) = try roads.get() {
            inputs.roadGraph = graph
            inputs.roadRead = read
            inputs.timings.merge(roadTimings) { $1 }
        }
        return inputs
    }

    /// Every input but the road file.
    private func readInputsBesideRoads(progress: Progress?) throws -> Inputs {
        var timings: [String: Double] = [:]
        let started = ISO8601DateFormatter().string(from: Date())
        var (population, popReport) = try Self.timed("read_population", &timings) {
            try PopulationReader.read(path: populationPath, options: input, progress: progress)
        }
        var (practices, pracReport) = try Self.timed("read_practices", &timings) {
            try PracticeReader.read(path: practicesPath, options: input, progress: progress)
        }
        var (regions, regReport): ([Region], InputReport?) = try Self.timed("read_regions", &timings) {
            guard let regionsPath else { return ([], nil) }
            let (r, rep) = try RegionReader.read(path: regionsPath, options: input, progress: progress)
            return (r, rep)
        }
        // Ties and ranks follow ids, not the order of the features.
        practices = StableOrder.practices(practices)
        regions = StableOrder.regions(regions)
        let eligibility = try Self.timed("read_eligibility", &timings) {
            try readEligibilityAndHistory(population: &population, populationReport: &popReport, practices: practices,
                                          practicesReport: &pracReport, progress: progress)
        }
        // (Plausibility bounds of inhabitants, 65+ and FTE are the readers' — see Input/Plausibility.)
        var notes: [String] = []
        let (overlaps, overlapNotes) = try RegionOverlapCheck.check(regions, path: regionsPath ?? "regions")
        notes += overlapNotes
        if let designationsPath {
            let (updated, more) = try DesignationTable.apply(path: designationsPath, to: regions)
            regions = updated
            notes += more
        }
        if let unregisteredPath {
            let (updated, more) = try UnregisteredTable.apply(path: unregisteredPath, to: regions, decimalSeparator: input.decimalSeparator)
            regions = updated
            notes += more
        }
        var groups: [Region] = [], groupReport: [InputReport] = []
        if let groupByPath {
            let (g, r) = try GroupLayer.read(path: groupByPath, regions: regions, options: input)
            groups = StableOrder.regions(g)
            groupReport = [r]
        }
        return Inputs(population: population, practices: eligibility.practices, regions: regions, groups: groups,
                      reports: [popReport, pracReport] + (regReport.map { [$0] } ?? []) + groupReport + eligibility.reports,
                      notes: notes + eligibility.notes, asOfNotes: eligibility.asOfNotes, roadGraph: nil, roadRead: nil, startedAt: started, timings: timings,
                      regionOverlaps: overlaps, eligible: eligibility.eligible, statusHistory: eligibility.statusHistory,
                      listedPractices: eligibility.listedPractices, asOf: eligibility.asOf)
    }
}
