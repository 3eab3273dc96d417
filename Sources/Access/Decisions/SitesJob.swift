import Foundation
import Geo

/// `bereik sites`: for each planned housing site, the nearest open practices
/// (by road and mode when roads are given, else straight line), their
/// headroom, the new residents and a verdict. Writes sites.geojson, sites.csv
/// and sites.md into the job's output folder.
public struct SitesJob {
    public var job: AnalyzeJob
    public var sitesPath: String
    public var sitesLayer: String?
    public var homesField: String?
    /// Persons per home (Dutch average about 2.1; CBS 2024: 2.12).
    public var householdSize = 2.1

    public init(job: AnalyzeJob, sitesPath: String) {
        self.job = job
        self.sitesPath = sitesPath
    }

    public struct Outcome {
        public var checks: [SiteCheck]
        public var practices: [Practice]
        public var modes: [String]
        public var measure: String
        public var files: [String]
        public var report: String
        /// Sites skipped by the reader, and what to tell the user about them.
        public var warnings: [String] = []
        public var skippedSites = 0
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        let started = Date()
        let (readSites, siteReport) = try SiteReader.read(path: sitesPath, homesField: homesField, layer: sitesLayer,
                                                      crs: job.input.crs, strict: job.input.strict,
                                                      decimalSeparator: job.input.decimalSeparator)
        guard householdSize.isFinite, householdSize > 0, householdSize <= HousingSite.maxHouseholdSize else {
            throw AnalysisError.implausible(path: "--household-size", feature: "option", field: "household size",
                                            expected: "persons per home, more than 0 and at most \(SafeNumber.whole(HousingSite.maxHouseholdSize))",
                                            found: SafeNumber.text(householdSize))
        }
        let inputs = try job.readInputs(progress: progress)
        // Sites without a postcode field take theirs from --postcode-areas (point in polygon).
        let located = try SitePostcodes.fill(readSites, areasPath: job.input.postcodeAreas, options: job.input)
        let sites = located.sites
        // Sites skipped by the reader (no geometry, ...) are counted, never dropped silently.
        var warnings = siteReport.warnings
        if siteReport.skippedTotal > 0 {
            let reasons = siteReport.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            warnings.append("\(sitesPath): \(siteReport.skippedTotal) of \(siteReport.features) sites skipped (\(reasons)); they have no verdict.")
        }
        try Self.checkDistance(sites, inputs: inputs, path: sitesPath)
        let baseline = try job.baseline(inputs, progress: progress)
        let lists = Self.postcodeListPractices(baseline.result.eligibleSets, practices: inputs.practices)
        let undecided = sites.filter { $0.postcode == nil }.count
        if lists > 0 && undecided > 0 {
            let how = job.input.postcodeAreas.map { "lie in no postcode area of \($0)" } ?? "have no postcode field and no --postcode-areas FILE was given"
            warnings.append("\(undecided) of \(sites.count) sites \(how): whether the \(lists) practices that take new patients only from a postcode list would take their residents cannot be decided, so those practices do not count for them.")
        }
        let practices = inputs.practices, parameters = job.parameters
        var road: SiteRoadAccess?
        if let graph = inputs.roadGraph, let read = inputs.roadRead {
            road = { samples, sets in
                let road: RoadResult
                do {
                    road = try RoadAnalysis.run(graph: graph, read: read, population: samples, practices: practices,
                                                parameters: parameters, options: parameters.roadOptions, eligible: sets,
                                                progress: progress)
                } catch AnalysisError.noUsableRoadNearPoints {
                    // The baseline reached its points, so the roads are usable: only
                    // these sites lie off them — out of reach by road (as `serve` answers).
                    var modes: [TravelMode] = []
                    for m in parameters.roadOptions.modes where !modes.contains(m) { modes.append(m) }
                    return (samples.map { _ in NearestPair() },
                            modes.map { _ in samples.map { _ in .infinity } }, modes.map(\.name))
                }
                return (samples.indices.map(road.nearestByRoad),
                        road.minutes, road.modes.map(\.name))
            }
        }
        let (checks, modes, measure) = try Self.check(sites, practices: practices, parameters: parameters,
                                                      assigned: baseline.result.practices.map(\.assignedInhabitants),
                                                      defaultFTE: baseline.result.parameters.defaultFTE,
                                                      householdSize: householdSize, road: road, eligible: baseline.result.eligibleSets,
                                                      postcodeAreas: job.input.postcodeAreas)
        var report = SiteReport.markdown(checks, practices: practices, modes: modes, measure: measure,
                                         limitKm: parameters.flagMaxKm, synthetic: job.syntheticData)
        if !warnings.isEmpty { report += "## Warnings\n\n" + warnings.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        let table = SiteTables.sites(checks, practices: practices, modes: modes, measure: measure)
        let files = try DecisionFiles(folder: job.outputFolder, csvDialect: job.csvDialect, geoPackage: job.geoPackage).write(
            tables: [("sites.geojson", table), ("sites.csv", table)], texts: [("sites.md", report)])
        let written = try job.writeDecisionReport(inputs, baseline.analysis, extraInputs: [siteReport], counts: ["sites": Double(sites.count)],
                                                  outputs: files, started: started, extraWarnings: warnings)
        return Outcome(checks: checks, practices: practices, modes: modes, measure: measure, files: written, report: report,
                       warnings: warnings, skippedSites: siteReport.skippedTotal)
    }

    /// Farthest a site may lie from the study area (population points and
    /// practices) before it is taken for wrong coordinates or a wrong CRS.
    public static let maxSiteDistanceKm = 50.0

    static func checkDistance(_ sites: [HousingSite], inputs: AnalyzeJob.Inputs, path: String) throws {
        let area = studyExtent(inputs)
        for site in sites {
            let km = distanceKm(site.geometry, from: area)
            if !(km <= maxSiteDistanceKm) {
                throw AnalysisError.implausible(path: path, feature: "site \(site.id)", field: "geometry",
                                                expected: "a site within \(SafeNumber.whole(maxSiteDistanceKm)) km of the population points and practices (check its coordinates and CRS, --crs)",
                                                found: "\(SafeNumber.whole(km)) km away")
            }
        }
    }

    /// The extent of the population points and practices, which sites are measured from.
    public static func studyExtent(_ inputs: AnalyzeJob.Inputs) -> Envelope {
        var area = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in inputs.population { area.expand(toInclude: p.location) }
        for p in inputs.practices { area.expand(toInclude: p.location) }
        return area
    }

    /// Kilometres between a site's envelope (`geometry`, RD New) and `area` (0 when they overlap;
    /// 0 as well for an empty site or area, which nothing can be said of).
    /// A site is refused when this is more than `maxSiteDistanceKm`.
    public static func distanceKm(_ geometry: Geometry, from area: Envelope) -> Double {
        let e = geometry.envelope
        guard !e.isEmpty, !area.isEmpty else { return 0 }
        let dx = Swift.max(0, area.minX - e.maxX, e.minX - area.maxX), dy = Swift.max(0, area.minY - e.maxY, e.minY - area.maxY)
        return (dx * dx + dy * dy).squareRoot() / 1000
    }

    /// Road access of sample points: per sample the nearest and second-nearest
    /// open practice by road (index, metres), minutes per mode, and the modes.
    /// The samples' eligible sets (nil: no restricted practice) come along.
    public typealias SiteRoadAccess = ([PopulationPoint], EligibleSets?) throws -> (
        access: [NearestPair], minutes: [[Double]], modes: [String])

    /// Restricted practices that take new patients only from a postcode list:
    /// when there are any, a site's postcode matters and sites.* carry it.
    static func postcodeListPractices(_ eligible: EligibleSets?, practices: [Practice]) -> Int {
        eligible?.restrictedPractices.filter {
            guard Int($0) < practices.count, case .postcodes? = practices[Int($0)].eligibility else { return false }
            return true
        }.count ?? 0
    }

    /// Judges sites against analysed inputs: samples each site, finds each
    /// sample's nearest open practices (by `road` when given, else straight
    /// line) and judges the site with the practices' room after `assigned`
    /// (the baseline's assigned inhabitants per practice).
    public static func check(_ sites: [HousingSite], practices: [Practice], parameters: AnalysisParameters, assigned: [Double],
                             defaultFTE: Double?, householdSize: Double,
                             road: SiteRoadAccess?, eligible: EligibleSets? = nil, postcodeAreas: String? = nil) throws -> (checks: [SiteCheck], modes: [String], measure: String) {
        let engine = try GeometryEngine()
        var owner: [Int] = [], samples: [PopulationPoint] = []
        for (s, site) in sites.enumerated() {
            for (k, c) in try SiteSampling.points(site.geometry, engine: engine).enumerated() {
                owner.append(s)
                samples.append(PopulationPoint(id: "\(site.id)#\(k)", location: c, inhabitants: 1))
            }
        }
        // Practices restricted to an area take a site's residents only when it lies in it (SiteEligibility).
        let eligibility = SiteEligibility(practices: practices, eligible: eligible)
        let sets = eligibility.isEmpty ? nil : try eligibility.sets(samples: samples, owner: owner, sites: sites)
        let open = practices.indices.filter { parameters.isOpen(practices[$0].status) && eligibility.areas[$0] == nil }
        let straight = StraightLineAnalysis.nearest(population: samples, practices: practices, openIndexes: open)
        var access = straight.map(\.open)
        if let sets { access = SiteEligibility.nearest(samples: samples, practices: practices, open: access, sets: sets) }
        var minutes: [[Double]] = []
        var modes: [String] = []
        if let road {
            (access, minutes, modes) = try road(samples, sets)
        }
        let measure = minutes.isEmpty ? "straight line" : "by road"
        var mine = [[Int]](repeating: [], count: sites.count)
        for (i, s) in owner.enumerated() { mine[s].append(i) }
        let checks = sites.indices.map { s -> SiteCheck in
            let mins: [Double?] = minutes.map { m in
                let v = mine[s].map { m[$0] }.filter(\.isFinite)
                return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
            }
            var check = SiteCheck.judge(site: sites[s], householdSize: householdSize, samples: mine[s].map { access[$0] }, minutes: mins,
                                        limitM: parameters.flagMaxKm * 1000, measure: measure, practices: practices) { j in
                PracticeHeadroom(practice: practices[j], norm: parameters.normPatientsPerFTE, assigned: assigned[j], defaultFTE: defaultFTE)
            }
            check.postcodeDecides = eligibility.hasPostcodeLists
            if let sets, let why = eligibility.reason(site: sites[s], samples: mine[s], sets: sets, practices: practices,
                                                                   postcodeAreas: postcodeAreas) {
                check.reasons.append(why)
            }
            return check
        }
        return (checks, modes, measure)
    }
}
