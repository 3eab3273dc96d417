import Foundation
import Geo

/// The write step: the output contract and `run.json`.
extension AnalyzeJob {
    /// Writes the output contract and `run.json` for one analysis.
    /// `whileWritingPoints`: work on the folder's other outputs (the maps) that
    /// may run while `population.geojson` is written (see `OutputWriter.write`).
    public func write(_ inputs: Inputs, _ analysis: Analysis, progress: Progress? = nil,
                      whileWritingPoints: (([String: MapLayer]) throws -> Void)? = nil) throws -> Outcome {
        let result = analysis.result
        var timings = inputs.timings.merging(analysis.timings) { $1 }
        var base = runReport(inputs, analysis)
        let writeStart = Date()
        var writer = OutputWriter(folder: outputFolder, geoPackage: geoPackage)
        writer.csvDialect = csvDialect
        writer.flatGeobuf = flatGeobuf
        let files = try writer.write(
            result, population: inputs.population, practices: analysis.practices, regions: inputs.regions,
            catchments: analysis.catchments,
            groups: analysis.groupResult.map { ($0, inputs.groups) },
            report: { run in
                var t = timings
                t["write"] = recordedSeconds(since: writeStart)
                run.timingsSeconds = t
            }, baseReport: base, progress: progress, whileWritingPoints: whileWritingPoints)
        timings["write"] = recordedSeconds(since: writeStart)
        base.timingsSeconds = timings
        base.outputs = files
        return Outcome(result: result, population: inputs.population, practices: analysis.practices,
                       regions: inputs.regions, report: base, files: files,
                       groups: analysis.groupResult.map { ($0, inputs.groups) })
    }

    /// `run.json` for one analysis, before the outputs and the write timing are known.
    public func runReport(_ inputs: Inputs, _ analysis: Analysis) -> RunReport {
        let result = analysis.result
        var base = RunReport(
            command: command, startedAt: inputs.startedAt, syntheticData: syntheticData, dataNote: dataNote,
            method: result.road == nil ? RunReport.straightLine : "road network (\(parameters.roadOptions.modes.map(\.name).joined(separator: ", "))) and straight line in EPSG:28992"
                + (result.capacity.map { "; fca_per_10k by \($0.method.rawValue) over \($0.basis)" } ?? ""),
            inputs: inputs.reports, roads: result.road?.report, parameters: result.parameters,
            counts: [
                RunCount.populationPoints.rawValue: Double(inputs.population.count),
                RunCount.inhabitants.rawValue: result.totalInhabitants,
                RunCount.practices.rawValue: Double(analysis.practices.count),
                RunCount.openPractices.rawValue: Double(result.openPracticeCount),
                RunCount.regions.rawValue: Double(inputs.regions.count),
                "points_outside_regions": Double(result.pointsOutsideRegions),
                "points_assigned_to_nearby_region": Double(result.pointsAssignedToNearbyRegion),
                "inhabitants_outside_regions": result.inhabitantsOutsideRegions,
                RunCount.flaggedRegions.rawValue: Double(result.regions.filter(\.flagged).count),
                "practices_without_fte": Double(analysis.practices.filter { $0.gpFTE == nil }.count),
                "regions_suppressed": Double(result.regions.filter(\.capacity.suppressed).count),
                "fca_pairs": Double(result.capacity?.pairs ?? 0),
                "regions_red": Double(result.regions.filter { $0.capacity.signal?.light == .red }.count),
                "regions_amber": Double(result.regions.filter { $0.capacity.signal?.light == .amber }.count),
            ],
            practiceStatuses: analysis.statusCounts, warnings: analysis.warnings, timingsSeconds: [:],
            libraries: ["gdal": LibraryVersions.gdal, "geos": LibraryVersions.geos, "proj": LibraryVersions.proj],
            outputs: [])
        CapacityWarnings.addCounts(&base, result: result, practices: analysis.practices, regions: inputs.regions)
        if let use = result.eligibility { base.counts.merge(use.counts) { $1 } }
        base.regionOverlaps = inputs.regionOverlaps
        return base
    }
}
