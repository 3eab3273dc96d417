import Access
import Foundation
import Geo
import Maps

/// Everything a request reads, built once before the server listens: the
/// inputs, the road graph and its labels, the baseline analysis and its
/// tables, and the page. Immutable; each scenario works on its own copy of
/// the practice list.
public final class ServerState: @unchecked Sendable {
    let job: AnalyzeJob
    let inputs: AnalyzeJob.Inputs
    let baseline: Baseline
    let regionRows: TableRows
    let practiceRows: TableRows
    let routing: BaselineRouting?
    /// Which partial practices take a clicked place.
    let eligibility: PlaceEligibility
    /// Where point queries may ask about (RD New): the inputs' extent plus a margin.
    let studyArea: Envelope
    /// The extent of the population points and practices, which sites are measured from (`bereik sites`' rule).
    let inputsExtent: Envelope
    let practiceLonLat: [Coordinate]
    /// The inputs' extent in lon/lat: min lon, min lat, max lon, max lat.
    let extentWGS84: [Double]
    let limits: RequestLimits
    let toRD: TransformerPool
    let toWGS84: TransformerPool
    let searches: SearchPool
    let heavy = HeavyWork()
    /// The page served at `/`.
    public let page: String
    public let timings: [String: Double]
    /// Resident memory (MiB) after each start-up step, and the page's size: what the start-up costs.
    let startupMemoryMiB: [(String, Double)]
    let pageBytes: Int

    /// Reads the inputs, builds the graph, routes the baseline, renders the page.
    public convenience init(job: AnalyzeJob, limits: RequestLimits = RequestLimits(), progress: Access.Progress? = nil) throws {
        let t0 = Date()
        let inputs = try job.readInputs(progress: progress)
        try self.init(job: job, inputs: inputs, limits: limits, progress: progress, readSeconds: Date().timeIntervalSince(t0))
    }

    /// Serves inputs already in memory.
    public init(job: AnalyzeJob, inputs: AnalyzeJob.Inputs, limits: RequestLimits = RequestLimits(), progress: Access.Progress? = nil,
                readSeconds: Double = 0) throws {
        var timings: [String: Double] = ["read": readSeconds]
        var memory: [(String, Double)] = [("read", Self.residentMiB())]
        var t0 = Date()
        var job = job
        job.writeCatchments = false
        let baseline = try job.baseline(inputs, forScenarios: true, progress: progress)
        timings["baseline"] = Date().timeIntervalSince(t0)
        memory.append(("baseline", Self.residentMiB()))
        t0 = Date()
        progress?.step("keeping the road labels")
        eligibility = try PlaceEligibility(practices: inputs.practices, result: baseline.result, postcodeAreasPath: job.input.postcodeAreas,
                                           options: job.input)
        if let graph = inputs.roadGraph, let routers = baseline.routers {
            routing = BaselineRouting(graph: graph, routers: routers, practices: inputs.practices, parameters: job.parameters,
                                      restricted: Set(eligibility.restricted))
        } else {
            routing = nil
        }
        timings["labels"] = Date().timeIntervalSince(t0)
        memory.append(("labels", Self.residentMiB()))
        t0 = Date()
        (regionRows, practiceRows) = DecisionRows.analysis(baseline.result,
                                                           practices: inputs.practices, regions: inputs.regions)
        let area = SitesJob.studyExtent(inputs)
        inputsExtent = area
        let margin = 20_000.0
        studyArea = Envelope(minX: area.minX - margin, minY: area.minY - margin, maxX: area.maxX + margin, maxY: area.maxY + margin)
        toRD = try TransformerPool(from: CoordinateTransformer.wgs84, to: CoordinateTransformer.rdNew)
        toWGS84 = try TransformerPool(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        extentWGS84 = try toWGS84.with { t in
            let corners = try t.transform([Coordinate(x: area.minX, y: area.minY), Coordinate(x: area.maxX, y: area.maxY)])
            return [corners[0].x, corners[0].y, corners[1].x, corners[1].y]
        }
        practiceLonLat = try toWGS84.with { t in try t.transform(inputs.practices.map(\.location)) }
        searches = SearchPool(nodeCount: inputs.roadGraph?.nodeCount ?? 0)
        // The page: the viewer of the baseline's output folder, written to a
        // private temporary folder and removed again.
        progress?.step("rendering the page")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bereik-serve-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var writer = job
        writer.outputFolder = folder
        writer.geoPackage = false
        var shown = baseline.analysis
        let method = job.catchments ?? (inputs.roadGraph == nil ? .voronoi : .road)
        shown.catchments = (method, try Catchments.compute(method: method, result: baseline.result, population: inputs.population,
                                                           practices: inputs.practices, regions: inputs.regions))
        _ = try writer.write(inputs, shown)
        page = try LiveViewerPage.html(outputFolder: folder, extraStyle: LivePage.css, extraScript: LivePage.javascript,
                                       extraSidebar: LivePage.sidebar)
        progress?.finish()
        timings["page"] = Date().timeIntervalSince(t0)
        // Writing the viewer's layers and reading them back leaves freed heap
        // the allocator keeps (about 100 MiB at 200,000 points); give it back.
        #if os(Linux)
        _ = giveFreedHeapBack(0)
        #endif
        memory.append(("page", Self.residentMiB()))
        startupMemoryMiB = memory
        pageBytes = page.utf8.count
        self.job = job
        self.inputs = inputs
        self.baseline = baseline
        self.limits = limits
        self.timings = timings
    }

    var parameters: AnalysisParameters { job.parameters }

    func headroom(_ j: Int, practices: [Practice]? = nil, assigned: [Double]? = nil) -> PracticeHeadroom {
        let list = practices ?? inputs.practices
        return PracticeHeadroom(practice: list[j], norm: parameters.normPatientsPerFTE,
                                assigned: assigned?[j] ?? baseline.result.practices[j].assignedInhabitants,
                                defaultFTE: baseline.result.parameters.defaultFTE)
    }

    /// Facts about what is served, for `/api/health`.
    var health: JSONOut {
        .object([
            ("status", .string("ok")),
            ("synthetic_data", .bool(job.syntheticData)),
            ("population_points", .int(inputs.population.count)),
            ("practices", .int(inputs.practices.count)),
            ("open_practices", .int(baseline.result.openPracticeCount)),
            ("regions", .int(inputs.regions.count)),
            ("road_nodes", .int(inputs.roadGraph?.nodeCount ?? 0)),
            ("modes", .array((routing?.modes.map(\.mode.name) ?? []).map(JSONOut.string))),
            ("measure", .string(routing == nil ? "straight line" : "by road")),
            ("extent_wgs84", .array(extentWGS84.map { .number(($0 * 1e6).rounded() / 1e6) })),
            ("kept_fca_pairs", .int(baseline.keptPairs?.pairCount ?? 0)),
            ("page_bytes", .int(pageBytes)),
            ("startup_rss_mib", .object(startupMemoryMiB.map { ($0.0, .number($0.1.rounded())) })),
        ])
    }

    /// This process's resident memory (VmRSS) in MiB; 0 where /proc is not there.
    static func residentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return kB / 1024
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (not in Swift's Glibc module): returns freed heap to the system.
@_silgen_name("malloc_trim")
private func giveFreedHeapBack(_ pad: Int) -> Int32
#endif
