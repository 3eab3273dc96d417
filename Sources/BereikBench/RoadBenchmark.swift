import Foundation
import Geo
import Access

/// Seconds per phase of one end-to-end road run on a synthetic network
/// (`SyntheticRoadNetwork.benchmarkLarge`), and the peak memory.
public struct RoadBenchmarkResult: Sendable, Hashable, CustomStringConvertible {
    public var nodes = 0
    public var edges = 0
    public var practices = 0
    public var openPractices = 0
    public var points = 0
    /// Points with a nearest practice by road.
    public var reachablePoints = 0
    /// Road lines and random points (not part of `totalS`).
    public var generateS = 0.0
    public var buildS = 0.0
    /// Snap index plus snapping practices and points.
    public var snapS = 0.0
    /// Router preparation (reversed core graph, degree-2 chains).
    public var routePrepareS = 0.0
    /// The labelling pass.
    public var routeS = 0.0
    public var assignS = 0.0
    public var settledLabels = 0
    public var queuedLabels = 0
    /// With `partialShare` > 0: partial practices with an eligibility area
    /// (the points within `areaRadiusM`), the (practice, point) pairs, and
    /// the time `EligibleRouting` adds to label + assign (network, searches, merge).
    public var partialPractices = 0
    public var areaRadiusM = 0.0
    public var acceptedPairs = 0
    public var eligibleS = 0.0
    public var eligibleSearches = 0
    public var eligibleForwardSearches = 0
    /// Nodes settled by the restricted practices' searches and by the forward searches.
    public var eligibleSettledNodes = 0
    public var eligibleForwardSettledNodes = 0
    /// (practice, point) pairs the searches found within the point's second-best.
    public var eligiblePairsFound = 0
    /// Of those, the pairs that changed a point's best two when merged.
    public var eligiblePairsTaken = 0
    /// `eligibleS` by step: preparation (costs per arc, points attached to
    /// nodes), the searches' bounds, the practices' searches, merging their
    /// answers, the forward searches with merging theirs.
    /// The preparation runs beside a label pass (as in analyze):
    /// `eligiblePrepareS` is the two's wall time, `eligibleWaitS` how much
    /// longer that is than the label pass alone (what it adds).
    public var eligiblePrepareS = 0.0
    public var eligibleWaitS = 0.0
    /// The label pass's own wall time beside the preparation (`routeS` alone).
    public var labelBesidePreparationS = 0.0
    public var eligibleLimitsS = 0.0
    public var eligibleSearchS = 0.0
    public var eligibleMergeS = 0.0
    public var eligibleForwardS = 0.0
    /// Processor seconds (user + system, all threads) of route + assign and
    /// of the eligibility step: on a shared machine the wall times above
    /// include waiting for a core.
    public var routingCPUS = 0.0
    /// Processor seconds of the router's preparation (reversed core, chains).
    public var routePrepareCPUS = 0.0
    public var eligibleCPUS = 0.0
    /// The same (preparation included) when only each point's eligible
    /// nearest is wanted (`EligibleRouting.Answer.nearest`, what analyze's
    /// quickest passes ask), run after it on the open pass's answers.
    public var eligibleNearestS = 0.0
    public var eligibleNearestCPUS = 0.0
    public var eligibleNearestSettledNodes = 0
    public var eligibleNearestPairsFound = 0
    /// Points whose nearest (practice or cost) differs between the two runs: 0.
    public var eligibleNearestMismatches = 0
    public var pointsServedByPartial = 0
    /// Peak resident memory of the process, MiB (nil when unknown).
    public var peakMiB: Double?

    /// Build + snap + route preparation + route + assign.
    public var totalS: Double { buildS + snapS + routePrepareS + routeS + assignS + eligibleS }

    public var description: String {
        let peak = peakMiB.map { String(format: "%.0f MiB", $0) } ?? "unknown"
        return String(format: """
            road benchmark: %d nodes, %d edges, %d practices (%d open), %d points (%d reachable)
              generate %.3f s | build %.3f s | snap %.3f s | route prepare %.3f s | route %.3f s | assign %.3f s
              total (build to assign) %.3f s, settled labels %d, queued %d, peak memory %@
            """, nodes, edges, practices, openPractices, points, reachablePoints,
            generateS, buildS, snapS, routePrepareS, routeS, assignS, totalS, settledLabels, queuedLabels, peak)
            + eligibleDescription
    }

    var eligibleDescription: String {
        guard partialPractices > 0 else { return "" }
        let routing = routeS + assignS
        let whole = routePrepareS + routing, wholeCPU = routePrepareCPUS + routingCPUS
        return "\n" + String(format: """
              eligibility: %d partial practices (areas: points within %.0f m, %d pairs), %d bounded searches (%d core nodes settled, %d pairs within a second-best, %d of them taken into a best two), %d forward searches from points without a second open practice (%d nodes settled)
              eligibility steps: prepare beside the label pass %.3f s (the label pass %.3f s there, %.3f s alone: adds %.3f s) | bounds %.3f s | searches %.3f s | merge %.3f s | forward searches %.3f s
              routing without eligibility (route + assign) %.3f s, with %.3f s: eligibility adds %.3f s (%.1f %%); %d points served by a partial practice
              processor time: routing %.3f s, eligibility %.3f s (%.1f %%)
              only the nearest (as analyze's quickest passes): eligibility adds %.3f s (%.1f %%), processor %.3f s (%.1f %%); %d core nodes settled, %d pairs within a nearest; nearest differs from the run above for %d points
              compared with (1) route + assign %.3f s (processor %.3f s): best two adds %.1f %% (processor %.1f %%), only the nearest %.1f %% (processor %.1f %%)
              compared with (2) the whole routing as analyze runs it, route prepare + route + assign %.3f s (processor %.3f s): best two adds %.1f %% (processor %.1f %%), only the nearest %.1f %% (processor %.1f %%)
            """, partialPractices, areaRadiusM, acceptedPairs, eligibleSearches, eligibleSettledNodes, eligiblePairsFound, eligiblePairsTaken,
            eligibleForwardSearches, eligibleForwardSettledNodes,
            eligiblePrepareS, labelBesidePreparationS, routeS, eligibleWaitS, eligibleLimitsS, eligibleSearchS, eligibleMergeS, eligibleForwardS,
            routing, routing + eligibleS, eligibleS, routing > 0 ? eligibleS / routing * 100 : 0, pointsServedByPartial,
            routingCPUS, eligibleCPUS, routingCPUS > 0 ? eligibleCPUS / routingCPUS * 100 : 0,
            eligibleNearestS, routing > 0 ? eligibleNearestS / routing * 100 : 0,
            eligibleNearestCPUS, routingCPUS > 0 ? eligibleNearestCPUS / routingCPUS * 100 : 0,
            eligibleNearestSettledNodes, eligibleNearestPairsFound, eligibleNearestMismatches,
            routing, routingCPUS, percent(eligibleS, routing), percent(eligibleCPUS, routingCPUS),
            percent(eligibleNearestS, routing), percent(eligibleNearestCPUS, routingCPUS),
            whole, wholeCPU, percent(eligibleS, whole), percent(eligibleCPUS, wholeCPU),
            percent(eligibleNearestS, whole), percent(eligibleNearestCPUS, wholeCPU))
    }

    private func percent(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole * 100 : 0 }
}

extension SyntheticRoadNetwork {
    /// The end-to-end scenario: a graph of about `nodes` nodes,
    /// `points` population points and `practices` practices (a share
    /// `openShare` of them open) at random positions, one car routing pass
    /// by travel time, every point assigned its nearest and second-nearest
    /// open practice. Wall-clock seconds per phase; meant for release builds.
    public static func benchmarkLarge(nodes: Int = 1_000_000, points: Int = 1_000_000, practices: Int = 2_000,
                                      openShare: Double = 0.7, partialShare: Double = 0, areaRadiusM: Double = 3_000,
                                      seed: UInt64 = 42) -> RoadBenchmarkResult {
        var result = RoadBenchmarkResult()
        let clock = ContinuousClock()
        var t = clock.now
        func lap() -> Double {
            let now = clock.now
            let d = now - t
            t = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let ls = lines(nodes: nodes, seed: seed)
        var rng = SplitMix64(seed: seed &+ 1)
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for l in ls {
            for c in l.coordinates {
                minX = Swift.min(minX, c.x); maxX = Swift.max(maxX, c.x)
                minY = Swift.min(minY, c.y); maxY = Swift.max(maxY, c.y)
            }
        }
        func randomPoint() -> Coordinate {
            Coordinate(x: Double.random(in: minX...maxX, using: &rng), y: Double.random(in: minY...maxY, using: &rng))
        }
        let practicePositions = (0..<practices).map { _ in randomPoint() }
        let open = (0..<practices).map { _ in Double.random(in: 0..<1, using: &rng) < openShare }
        let homes = (0..<points).map { _ in randomPoint() }
        // Partial practices (own generator, so the rest is as without them):
        // each accepts the points within `areaRadiusM`, a village-sized area.
        var partialRNG = SplitMix64(seed: seed &+ 2)
        let partial = (0..<practices).map { _ in Double.random(in: 0..<1, using: &partialRNG) < partialShare }
        var eligible = EligibleSets()
        if partial.contains(true) {
            let tree = KDTree(homes)
            for j in 0..<practices where partial[j] {
                eligible.pointsByPractice[Int32(j)] = tree.within(areaRadiusM, of: practicePositions[j]).map(\.index).sorted()
            }
        }
        result.generateS = lap()

        let builder = RoadGraphBuilder()
        for line in ls { builder.add(line) }
        let graph = builder.build()
        result.buildS = lap()

        let snapper = SegmentSnapper(graph: graph, mode: .car)
        let practiceSnaps = practicePositions.map { snapper.snap($0) }
        let sources = practicePositions.indices.map { open[$0] && !partial[$0] ? practiceSnaps[$0] : nil }
        let snapped = homes.map { snapper.snap($0) }
        result.snapS = lap()

        var cpu = cpuTime()
        let router = NearestFacilityRouter(graph: graph, mode: .car)
        result.routePrepareS = lap()
        result.routePrepareCPUS = cpuTime() - cpu
        cpu = cpuTime()
        let labels = router.labelNodes(sources: sources)
        result.routeS = lap()
        var assigned = router.assign(points: snapped, labels: labels)
        result.assignS = lap()
        result.routingCPUS = cpuTime() - cpu
        if !eligible.pointsByPractice.isEmpty {
            // A copy of the open pass's answers for the nearest-only run (made
            // here, outside the timed steps).
            var nearestOnly = assigned.map { $0 }
            // As analyze runs it: the preparation beside the label pass (which
            // is one thread), then the rework. Eligibility adds the time the
            // two took beyond the label pass alone (`routeS`, measured above
            // without the preparation beside it: a label pass slowed by the
            // preparation counts against eligibility), and the rework; its
            // processor time is all but the label pass's thread's.
            var labelBesideS = 0.0
            func prepareBesideLabels() -> (routing: EligibleRouting, waited: Double, prepareS: Double, labelCPUS: Double) {
                let both = EligibleRouting.besideLabelPass(router: router, sources: sources, points: snapped, eligible: eligible)
                labelBesideS = both.labelSeconds
                return (both.routing, Swift.max(0, both.seconds - result.routeS), both.seconds, both.labelProcessorSeconds)
            }
            _ = lap()
            cpu = cpuTime()
            let (routing, waited, prepareS, labelCPUS) = prepareBesideLabels()
            result.eligiblePrepareS = prepareS
            result.eligibleWaitS = waited
            result.labelBesidePreparationS = labelBesideS
            _ = lap()
            let stats = routing.apply(&assigned, labels: labels, practices: practiceSnaps, eligible: eligible)
            result.eligibleS = lap() + waited
            result.eligibleCPUS = cpuTime() - cpu - labelCPUS
            result.eligibleLimitsS = stats.limitsS
            result.eligibleSearchS = stats.searchS
            result.eligibleMergeS = stats.mergeS
            result.eligibleForwardS = stats.forwardS
            result.eligibleSettledNodes = stats.settledNodes
            result.eligibleForwardSettledNodes = stats.forwardSettledNodes
            result.eligiblePairsFound = stats.pairsFound
            result.eligiblePairsTaken = stats.pairsTaken
            result.partialPractices = eligible.pointsByPractice.count
            result.areaRadiusM = areaRadiusM
            result.acceptedPairs = eligible.pointsByPractice.values.reduce(0) { $0 + $1.count }
            result.eligibleSearches = stats.searches
            result.eligibleForwardSearches = stats.forwardSearches
            result.pointsServedByPartial = assigned.filter { $0.nearest.map { partial[$0.index] } ?? false }.count
            _ = lap()
            cpu = cpuTime()
            let again = prepareBesideLabels()
            _ = lap()
            let nearestStats = again.routing.apply(&nearestOnly, labels: labels, practices: practiceSnaps, eligible: eligible, answer: .nearest)
            result.eligibleNearestS = lap() + again.waited
            result.eligibleNearestCPUS = cpuTime() - cpu - again.labelCPUS
            result.eligibleNearestSettledNodes = nearestStats.settledNodes
            result.eligibleNearestPairsFound = nearestStats.pairsFound
            result.eligibleNearestMismatches = zip(assigned, nearestOnly).filter {
                $0.nearestSource != $1.nearestSource || $0.nearestCost != $1.nearestCost
            }.count
        }

        result.nodes = graph.nodeCount
        result.edges = graph.edgeCount
        result.practices = practices
        result.openPractices = zip(open, partial).filter { $0 && !$1 }.count
        result.points = points
        result.reachablePoints = assigned.filter(\.isReachable).count
        result.settledLabels = labels.settledLabels
        result.queuedLabels = labels.queuedLabels
        result.peakMiB = PeakMemory.mebibytes()
        return result
    }
}
