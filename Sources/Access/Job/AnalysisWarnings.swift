/// Every warning of one analysis that the summary and run.json give,
/// composed in one place, in a planner's words and naming the option that
/// changes it: what the readers skipped or repaired, points outside the
/// regions, the road step, FTE, suppressed regions, the partial rule and
/// unknown statuses.
enum AnalysisWarnings {
    /// What an analysis tells about itself, gathered by `AnalyzeJob.analyse`.
    struct Facts {
        var inputs: AnalyzeJob.Inputs
        var result: AnalysisResult
        var practices: [Practice]
        var parameters: AnalysisParameters
        var statusCounts: [PracticeStatus: Int]
        var catchments: [Catchment]?
        var eligibleRuleInForce: Bool
        var regionsPath: String?
        var practicesPath: String
        var roadsPath: String?
    }

    static func compose(_ f: Facts) -> [String] {
        let result = f.result, parameters = f.parameters
        var warnings = f.inputs.reports.flatMap(\.warnings) + f.inputs.notes + f.inputs.asOfNotes
        for r in f.inputs.reports where r.skippedTotal > 0 {
            let reasons = r.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            warnings.append("\(r.path): \(r.skippedTotal) of \(r.features) features skipped or repaired (\(reasons)); see run.json for examples.")
        }
        if result.pointsOutsideRegions > 0 {
            warnings.append("\(result.pointsOutsideRegions) population points (\(SafeNumber.whole(result.inhabitantsOutsideRegions)) inhabitants) lie in no region of \(f.regionsPath ?? "-"); they count in population.geojson but in no region's figures, nor in the study-area total.")
        }
        let practicesOutside = f.practices.indices.filter { $0 < result.practices.count && result.practices[$0].region == nil }
        if f.regionsPath != nil, !practicesOutside.isEmpty {
            let names = practicesOutside.prefix(3).map { "'\(f.practices[$0].id)'" }.joined(separator: ", ")
            warnings.append("\(practicesOutside.count) practices (e.g. \(names)) lie in no region of \(f.regionsPath ?? "-"); they serve the points nearest them, but count in no region's practices and FTE, nor in the study-area total.")
        }
        if result.pointsAssignedToNearbyRegion > 0 {
            warnings.append("\(result.pointsAssignedToNearbyRegion) population points lie outside every region but within \(SafeNumber.whole(parameters.regionToleranceM)) m of one (at most \(SafeNumber.whole(result.maxDistanceToNearbyRegionM)) m) and count in the nearest region (--region-tolerance-m).")
        }
        if let r = result.road?.report {
            warnings += road(r, roadsPath: f.roadsPath ?? "")
        }
        warnings += CapacityWarnings.fte(practices: f.practices, parameters: parameters, result: result, path: f.practicesPath)
        let suppressed = result.regions.filter(\.capacity.suppressed).count
        if suppressed > 0 {
            warnings.append("\(suppressed) regions have fewer than \(SafeNumber.whole(parameters.minInhabitants)) inhabitants; their statistics are suppressed (null) in the exports (--min-inhabitants).")
        }
        warnings += result.eligibility.map { $0.warnings } ?? []
        if f.eligibleRuleInForce {
            warnings += EligibleCapacityNote.lines(catchments: f.catchments, cascadeMinInhabitants: parameters.cascadeMinInhabitants)
        }
        let unknown = f.statusCounts[.unknown] ?? 0
        if unknown > 0 {
            warnings.append("\(unknown) practices have no known status and count as \(parameters.isOpen(.unknown) ? "open" : "not open") (--unknown-status).")
        }
        return warnings
    }

    /// The road step's warnings: separate parts, dropped segments, skipped
    /// features, points and practices beyond the snap limit or without a
    /// reachable practice.
    static func road(_ r: RoadRunReport, roadsPath: String) -> [String] {
        var w: [String] = []
        if r.components > 1 {
            w.append("\(roadsPath): the road network has \(r.components) separate parts; the largest holds \(r.largestComponentNodes) of \(r.nodes) nodes.")
        }
        if r.zeroLengthSegments + r.selfLoops > 0 {
            w.append("\(roadsPath): \(r.zeroLengthSegments) zero-length segments and \(r.selfLoops) self-loops dropped.")
        }
        for (reason, count) in r.skipped.sorted(by: { $0.key < $1.key }) {
            w.append("\(roadsPath): \(count) features skipped (\(reason)).")
        }
        if let notUsed = r.maxspeedNotUsed, notUsed > 0 {
            let limits = TravelProfile.plausibleMaxSpeedKmh
            w.append("\(roadsPath): \(notUsed) road features have a maxspeed that is not a speed or lies outside \(Int(limits.lowerBound))–\(Int(limits.upperBound)) km/h (e.g. '\(r.maxspeedNotUsedExample ?? "")'); they run at their road class's speed.")
        }
        if let classes = r.profileClassesWithoutRoads, !classes.isEmpty {
            w.append("\(roadsPath): --profile gives a speed to road classes that no road in the file has: \(classes.joined(separator: ", ")); those lines change nothing (a misspelt class?).")
        }
        for (mode, count) in r.pointsNotSnapped.sorted(by: { $0.key.name < $1.key.name }) where count > 0 {
            w.append("\(count) population points lie farther than the snap limit from a road usable by \(mode); they are reported unreachable by \(mode) (--max-snap-m).")
        }
        for (mode, count) in r.pointsWithoutReachablePractice.sorted(by: { $0.key.name < $1.key.name }) where count > 0 {
            w.append("\(count) population points lie on a part of the road network without an open practice reachable by \(mode).")
        }
        for (mode, count) in r.practicesNotSnapped.sorted(by: { $0.key.name < $1.key.name }) where count > 0 {
            w.append("\(count) practices taking new patients lie farther than the snap limit from a road usable by \(mode) and cannot be reached by \(mode).")
        }
        return w
    }
}
