import Foundation

/// "The nearest practice that will take you" by road (issue 13), after the
/// one multi-source pass over the fully open practices (a
/// `NearestFacilityRouter`): for every restricted practice (a partial stop
/// with an eligibility area) one search from its snapped position toward it
/// (cost point → practice, the router's convention) over the router's core
/// (degree-2 chains contracted, see `DegreeTwoChains`), with
/// the one bounded-search kernel (`BoundedSearch`). Each accepted point's
/// cost is then read off the core nodes the search reached, through the
/// point's attachments (prepared once: its edge's end nodes with the partial
/// edge, a node inside a chain through the chain's two ends), or along the
/// practice's own edge or chain, and offered to the point's best two with
/// the same order (cost, then practice index).
///
/// Exact: a restricted practice can enter a point's best two only with a
/// cost ≤ the point's second-best over the fully open practices. So a
/// search stops (1) beyond the largest second-best among the points of its
/// area (rounded up to a Float, never below), and (2) at every node whose own second-best open practice (the
/// router's label) is nearer than the restricted practice (such a node is
/// not even queued): a route through that node reaches two open practices
/// at least as cheaply. A point that
/// reaches fewer than two open practices (no finite second-best, e.g.
/// behind a one-way exit) is answered by a forward search from the point,
/// stopped at its current second-best or once it has reached every
/// practice that accepts it. The costs are sums of the graph's per-arc
/// costs in Float64 (the core's shortcuts summed unrounded), so the answer
/// equals a search over the whole graph and does not depend on the order of
/// the practices (searched in a Z-curve order, for the cache).
///
/// When only the nearest is wanted (`Answer.nearest`: the quickest passes
/// read minutes and practice only) the same holds with the nearest in place
/// of the second: the searches stop at the nodes' nearest open labels and
/// the points' nearest costs.
///
/// Rule (2) already keeps a search near its practice: a goal-directed bound
/// (straight line to the box of the area's points × the least cost per
/// metre, as A*) would have dropped 142 of 92 148 settled nodes in `bench
/// roads --nodes 200000 --points 200000 --practices 400 --partial-share 0.4`,
/// so there is none. Nor is there a straight-line filter of the pairs
/// before the preparation (a pair dropped when the straight line × the
/// least cost per metre of any arc exceeds the point's second-best): by
/// time, with the fastest road's speed, it kept 682 436 of the 741 752
/// pairs there and its own pass cost more than it saved; working out the
/// attachments on the workers (per-point slots, then the scatters) cost
/// more than it saved too, and merging the pairs in point order (a
/// counting sort by point, blocks of points on the workers) saved 3 ms of
/// 13 at 200 000 points but cost 21 ms more and 26 MiB at 1 000 000
/// (measured 2026-11-30). Merging them into a copy of the best two by
/// the points' local numbers (a practice's points have nearby numbers),
/// filled and written back in point order, saved 2 ms of 90 at 200 000
/// points and nothing at 1 000 000: the random reads moved to the copy.
/// Per-point slots without the scatter by node (measured 2026-11-30, load
/// 8-10, same counts and answers): each snapped point's ≤ 2 core nodes
/// with their costs in a 32-byte slot by point index, made on the workers
/// by blocks of points, and each practice's points read off after its
/// search, per accepted point (least of its slots' node cost plus slot
/// cost, and the own chain or edge as here). The serial preparation went,
/// but the read-off became one random read per (practice, point) pair —
/// 742k at 200 000 points, whose indexes are not in space order — instead
/// of the nodes' attachments read in space order: processor time of the
/// nearest-only run 0.105-0.116 s against 0.059-0.071 s here, best two no
/// better. (Read through the router per point, the slots' arrays' shared
/// reference counts alone cost another 0.1 s: bind arrays once per block.)
/// Not kept. Reusing the router's assignment for the attachments would be
/// the same per-point work (its exits), so it was not tried apart. The
/// merge is shared by the workers by blocks of points (each reads every
/// list and offers only its own points, in practice order: the same offers
/// per point as one thread makes); filtering the pairs against a worker's
/// own best two first could not pay: of 311 841 pairs within a second-best
/// 239 181 change a point's best two.
///
/// Where the time goes (same bench, `BEREIK_THREADS=1`, each step's thread
/// processor time, 3 runs, load 4-6, 2026-11-30): nearly every point takes
/// part (197 291 of 200 000), so the preparation is per point, not per
/// area: taking flags 0.6 ms, the points by edge 1.8-3.7 (a counting sort
/// of points in random index order), the attachments 6.9-9.7 (384 877),
/// their scatter by core node and the points by chain 2.6-6.4; per graph
/// only the chain sums 0.6-0.8 and `coreSteps` 0.6-2.3 (5.5 once, fresh
/// pages). (`router.rCost` is eligibility's work too, made in the router's
/// preparation.) Then the bounds 2.5-2.7, the searches 22.5-23.5 (marks
/// 1.3, Dijkstra 8.2-8.5, reading off 7.2-7.5, the pairs 2.8-3.1), the
/// merge 12.7-13.5, the forward searches 2.3-2.4. Tried and not kept (same
/// answers and counts; medians of 6 runs beside the start binary, load
/// 3-6): the attachment loop without nested closures (an edge's chain
/// ends and sums read once per edge; ≤ 2 nodes per point: an edge lies in
/// at most one chain, whose core ends are its own) and the counting sort
/// and scatter through buffers: attachments 8.0-11.6 ms, no change; each
/// worker keeping the best two restricted practices per point by local
/// number while it searches (`TwoBestLabels.offer`), merged into the
/// points in point order on the workers, no pairs lists: merge 23 → 20 ms
/// wall, but eligibility's processor time 75.0 → 73.5-76.0 ms (best two)
/// and 44 → 49-50 ms (only the nearest: two 4.7 MiB arrays to fill).
/// Since 2026-12-01 the preparation runs on the workers: the points are
/// marked and sorted by edge in blocks of point indexes, the attachments made
/// by runs of edges, and both scattered with `BlockedCountingSort` (each
/// block's own counts; the same order as one pass): in `bench roads`
/// (1M nodes and points, 2,000 practices, share 0.4) prepare 0.121-0.126 s →
/// 0.074 s on 2 free cores, the same processor time. Tried then and not
/// kept: the points grouped by the core's segments (a chain, or an edge
/// between two core nodes) with their costs to the segment's two ends, each
/// segment read once per search from the ends listed per core node (no
/// attachments, no scatter by node): prepare 0.078-0.084 s (its steps:
/// marks 22 ms, by edge 20, costs 32, ends 22, chains' edges 11), searches
/// 0.076-0.083 s against 0.065-0.066 s (three alternating runs each): the
/// read-off through chain → edges → points costs more than two attachments.
/// Bound (1) is nearly idle here (without it 92 332 nodes settled instead
/// of 92 148, 47 605 instead of 47 560 for the nearest), but it is what
/// stops a search where the nodes have no second open label (a component
/// with one open practice), so it stays; its cost is the marks' loop's.
public struct EligibleRouting: Sendable {
    let router: NearestFacilityRouter
    let arcs: ForwardArcs
    let points: [SnappedPoint?]
    /// The taking points — those some restricted practice accepts and that
    /// snapped — ordered by edge: `edgePoints[edgeOffsets[e] ..< edgeOffsets[e + 1]]`
    /// are the points on edge e. A taking point's position in `edgePoints` is
    /// its local number (`local`, -1 for the others): nearby points have
    /// nearby numbers, so the per-point arrays of the searches are read
    /// nearly in order.
    let edgeOffsets: [Int32]
    let edgePoints: [Int32]
    let local: [Int32]
    /// Per core node (by core number): the taking points that reach the
    /// core there, with the cost point → node — through their edge's end
    /// node, or for an end inside a chain through the chain's two ends along
    /// the chain; one entry per point and node (the cheaper of two ways).
    /// CSR: `attachOffsets[v] ..< attachOffsets[v + 1]`.
    let attachOffsets: [Int32]
    let attachments: [Attachment]
    /// The taking points (local numbers) on each chain's edges (CSR), for
    /// the routes that stay on the practice's own chain.
    let chainOffsets: [Int32]
    let chainPoints: [Int32]
    /// The router's reversed core (`offsets` as `router.core`) with each
    /// arc's tail and Float64 cost side by side: the search reads one line
    /// per arc.
    let coreSteps: [CoreStep]

    struct Attachment {
        /// The point's local number and its index.
        var local: Int32
        var point: Int32
        var cost: Double
    }

    struct CoreStep {
        var from: Int32
        var cost: Double
    }

    /// Counts of one application, for benchmarks and reports.
    public struct Stats: Sendable {
        public var searches = 0
        public var pairsFound = 0
        /// Pairs found that changed a point's best two when merged.
        public var pairsTaken = 0
        public var pointsImproved = 0
        public var forwardSearches = 0
        /// Core nodes settled by the practices' searches, and nodes by the forward searches.
        public var settledNodes = 0
        public var forwardSettledNodes = 0
        /// Seconds of the steps: the searches' stop costs, the practices'
        /// searches with reading off their points, merging their answers,
        /// the forward searches with merging theirs.
        public var limitsS = 0.0
        public var searchS = 0.0
        public var mergeS = 0.0
        public var forwardS = 0.0
    }

    /// The router's label pass and this preparation side by side: the
    /// preparation needs the router and the points, not the labels, and the
    /// label pass is one thread, so the preparation runs on the other
    /// workers (`threads` − 1, at least 1) and leaves the label pass its core.
    /// `labelSeconds`: the label pass's own wall time; `seconds`: both's.
    public static func besideLabelPass(router: NearestFacilityRouter, sources: [SnappedPoint?], points: [SnappedPoint?],
                                       eligible: EligibleSets) -> (labels: NodeLabels, routing: EligibleRouting, labelSeconds: Double,
                                                                   labelProcessorSeconds: Double, seconds: Double) {
        let started = Date()
        var labelSeconds = 0.0, labelProcessor = 0.0
        let workers = Swift.max(1, ParallelWork.threads - 1)
        let (labels, routing) = ParallelWork.both({ () -> NodeLabels in
            let processor = threadProcessorSeconds()
            defer { labelSeconds = Date().timeIntervalSince(started); labelProcessor = threadProcessorSeconds() - processor }
            return router.labelNodes(sources: sources)
        }, {
            ParallelWork.withThreads(workers) { EligibleRouting(router: router, points: points, eligible: eligible) }
        })
        // (Neither piece throws.)
        return (try! labels.get(), try! routing.get(), labelSeconds, labelProcessor, Date().timeIntervalSince(started))
    }

    /// Processor seconds of the calling thread.
    static func threadProcessorSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// - Parameters:
    ///   - router: the router of the multi-source pass (its mode and weight).
    ///   - points: the points' snaps for the router's mode; only those some
    ///     restricted practice accepts take part.
    ///   - minPointsPerWorker: the least points per worker in the per-point
    ///     steps (tests set 1 to split small cases into blocks).
    public init(router: NearestFacilityRouter, points: [SnappedPoint?], eligible: EligibleSets,
                minPointsPerWorker: Int = EligibleRouting.minPointsPerWorker) {
        self.router = router
        let graph = router.graph
        let arcs = ForwardArcs(graph: graph, mode: router.mode, weight: router.weight)
        self.arcs = arcs
        self.points = points
        let edgeCount = graph.edgeCount, n = points.count
        // Per point: its edge when some restricted practice accepts it and it
        // snapped, else -1; each worker marks its own block of points from
        // the areas' ascending lists.
        let pointBlocks = BlockedCountingSort.blocks(count: n, minPerWorker: minPointsPerWorker)
        let lists = Array(eligible.pointsByPractice.values)
        var edgeKey = [Int32](repeating: -1, count: n)
        points.withUnsafeBufferPointer { snaps in
            edgeKey.withUnsafeMutableBufferPointer { key in
                nonisolated(unsafe) let key = key, snaps = snaps
                ParallelWork.forEachWorker(count: pointBlocks.count) { _, blocks in
                    for w in blocks {
                        // First a bit per point of the block (the lists' random
                        // order stays in a small array), then the snaps read in order.
                        let range = pointBlocks[w], lo = range.lowerBound
                        var taking = [UInt64](repeating: 0, count: range.count / 64 + 1)
                        taking.withUnsafeMutableBufferPointer { taking in
                            for list in lists {
                                list.withUnsafeBufferPointer { list in
                                    var j = list.lowerBound(of: Int32(clamping: lo))
                                    while j < list.count, Int(list[j]) < range.upperBound {
                                        let b = Int(list[j]) - lo
                                        j += 1
                                        if b >= 0 { taking[b >> 6] |= 1 << UInt64(b & 63) }
                                    }
                                }
                            }
                            for i in range where taking[(i - lo) >> 6] & (1 << UInt64((i - lo) & 63)) != 0 {
                                if let q = snaps[i], q.edge.raw >= 0, Int(q.edge) < edgeCount { key[i] = q.edge.raw }
                            }
                        }
                    }
                }
            }
        }
        // The taking points by edge (a stable counting sort on the workers),
        // so that the work per edge is done once and the graph's arrays are
        // read in order.
        var byEdge = BlockedCountingSort(keys: pointBlocks.map { edgeKey[$0] }, buckets: edgeCount)
        let edgeOffsets = byEdge.offsets, taken = byEdge.total
        var edgePoints = [Int32](repeating: 0, count: taken)
        var local = [Int32](repeating: -1, count: n)
        var fraction = [Double](repeating: 0, count: taken)
        points.withUnsafeBufferPointer { snaps in
            edgeKey.withUnsafeBufferPointer { key in
                edgePoints.withUnsafeMutableBufferPointer { edgePoints in
                    local.withUnsafeMutableBufferPointer { local in
                        fraction.withUnsafeMutableBufferPointer { fraction in
                            nonisolated(unsafe) let snaps = snaps, key = key, edgePoints = edgePoints, local = local, fraction = fraction
                            byEdge.scatter(blocks: pointBlocks.count) { w, next in
                                for i in pointBlocks[w] where key[i] >= 0 {
                                    let e = Int(key[i]), k = Int(next[e])
                                    next[e] += 1
                                    edgePoints[k] = Int32(i); local[i] = Int32(k); fraction[k] = snaps[i]!.fraction
                                }
                            }
                        }
                    }
                }
            }
        }
        // Per node inside a chain: the cost along the chain to its first
        // and to its last node (sums of the Float arcs in Float64).
        let chains = router.chains, coreId = router.coreId
        var toFirst = [Double](repeating: .infinity, count: graph.nodeCount), toLast = toFirst
        toFirst.withUnsafeMutableBufferPointer { toFirst in
            toLast.withUnsafeMutableBufferPointer { toLast in
                nonisolated(unsafe) let toFirst = toFirst, toLast = toLast
                ParallelWork.forEachBlock(count: chains.count, minPerWorker: 10_000) { range in
                    for c in range {
                        let lo = Int(chains.start[c]), hi = Int(chains.start[c + 1]) - 1
                        var sum = 0.0
                        for q in (lo + 1)..<Swift.max(hi, lo + 1) { sum += Double(chains.down[q - 1].cost); toFirst[Int(chains.nodes[q])] = sum }
                        sum = 0
                        for q in stride(from: hi - 1, to: lo, by: -1) { sum += Double(chains.up[q].cost); toLast[Int(chains.nodes[q])] = sum }
                    }
                }
            }
        }
        // The attachments (core node, point, cost), edge by edge; per point
        // at most four (two ends, each maybe inside a chain), one per node.
        // Each worker takes a run of edges holding about its share of the
        // points, with lists of its own.
        let edgeBlocks = BlockedCountingSort.blocks(count: taken, minPerWorker: minPointsPerWorker).map { range in
            // (The first edge whose points start at or after the run's bounds.)
            edgeOffsets.lowerBound(of: Int32(range.lowerBound))..<edgeOffsets.lowerBound(of: Int32(range.upperBound))
        }
        var pointChain = [Int32](repeating: -1, count: taken)
        let made: [(nodes: [Int32], list: [Attachment])] = pointChain.withUnsafeMutableBufferPointer { pointChain in
            nonisolated(unsafe) let pointChain = pointChain
            return parallelMap(count: edgeBlocks.count) { w in
                Self.attachments(edges: edgeBlocks[w], edgeOffsets: edgeOffsets, edgePoints: edgePoints, fraction: fraction,
                                 graph: graph, arcs: arcs, chains: chains, coreId: coreId, toFirst: toFirst, toLast: toLast,
                                 pointChain: pointChain)
            }
        }
        // The attachments by core node, and the taking points by chain: two
        // more sorts whose blocks are the workers' runs of edges.
        let coreCount = router.coreNodes.count
        var byNode = BlockedCountingSort(keys: made.map { $0.nodes[...] }, buckets: coreCount)
        var attachments = [Attachment](repeating: Attachment(local: 0, point: 0, cost: 0), count: byNode.total)
        attachments.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            byNode.scatter(blocks: made.count) { w, next in
                made[w].nodes.withUnsafeBufferPointer { nodes in
                    made[w].list.withUnsafeBufferPointer { list in
                        for j in nodes.indices {
                            let v = Int(nodes[j])
                            out[Int(next[v])] = list[j]
                            next[v] += 1
                        }
                    }
                }
            }
        }
        let pointRuns = edgeBlocks.map { Int(edgeOffsets[$0.lowerBound])..<Int(edgeOffsets[$0.upperBound]) }
        var byChain = BlockedCountingSort(keys: pointRuns.map { pointChain[$0] }, buckets: chains.count)
        var chainPoints = [Int32](repeating: 0, count: byChain.total)
        pointChain.withUnsafeBufferPointer { key in
            chainPoints.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let key = key, out = out
                byChain.scatter(blocks: pointRuns.count) { w, next in
                    for k in pointRuns[w] where key[k] >= 0 {
                        let c = Int(key[k])
                        out[Int(next[c])] = Int32(k)
                        next[c] += 1
                    }
                }
            }
        }
        let core = router.core, coreCost = router.rCost
        coreSteps = core.arcs.withUnsafeBufferPointer { coreArcs in
            coreCost.withUnsafeBufferPointer { coreCost in
                nonisolated(unsafe) let coreArcs = coreArcs, coreCost = coreCost
                return parallelMap(count: coreArcs.count, minPerWorker: 100_000) { CoreStep(from: coreArcs[$0].from.raw, cost: coreCost[$0]) }
            }
        }
        self.local = local
        self.attachOffsets = byNode.offsets
        self.attachments = attachments
        self.edgeOffsets = edgeOffsets
        self.edgePoints = edgePoints
        self.chainOffsets = byChain.offsets
        self.chainPoints = chainPoints
    }

    /// Points per worker at the least in the preparation's per-point steps.
    public static let minPointsPerWorker = 50_000

    /// The attachments of the taking points on `edges` (see `attachments`),
    /// in local order, and each point's chain in `pointChain`.
    private static func attachments(edges: Range<Int>, edgeOffsets: [Int32], edgePoints: [Int32], fraction: [Double],
                                    graph: RoadGraph, arcs: ForwardArcs, chains: DegreeTwoChains, coreId: OptionalIDs<CoreNodeID>,
                                    toFirst: [Double], toLast: [Double],
                                    pointChain: UnsafeMutableBufferPointer<Int32>) -> (nodes: [Int32], list: [Attachment]) {
        var attachNode: [Int32] = [], attachList: [Attachment] = []
        let count = edges.isEmpty ? 0 : Int(edgeOffsets[edges.upperBound] - edgeOffsets[edges.lowerBound])
        let reserve = 2 * count + count / 2
        attachNode.reserveCapacity(reserve); attachList.reserveCapacity(reserve)
        for e in edges where edgeOffsets[e] < edgeOffsets[e + 1] {
            let a = Int(graph.edgeFrom[e]), b = Int(graph.edgeTo[e])
            // The whole edge's costs, read once for its many points.
            let toB = graph.edgeForwardArc[e].flatMap { arcs.whole($0.index) }, toA = graph.edgeBackwardArc[e].flatMap { arcs.whole($0.index) }
            // An edge lies in at most one chain (through its inner end).
            let chain = (chains.chainOf[a] ?? chains.chainOf[b]).raw
            for k in Int(edgeOffsets[e])..<Int(edgeOffsets[e + 1]) {
                let f = fraction[k]
                var nodes = SIMD4<Int32>(repeating: -1), costs = SIMD4<Double>(repeating: 0), count = 0
                func add(_ node: Int32, _ cost: Double) {
                    for j in 0..<count where nodes[j] == node {
                        if cost < costs[j] { costs[j] = cost }
                        return
                    }
                    nodes[count] = node; costs[count] = cost
                    count += 1
                }
                func attach(_ v: Int, _ extra: Double) {
                    if let id = coreId[v] { add(id.raw, extra); return }
                    let c = chains.chainOf[v]!.index
                    add(coreId[Int(chains.nodes[Int(chains.start[c])])]!.raw, toFirst[v] + extra)
                    add(coreId[Int(chains.nodes[Int(chains.start[c + 1]) - 1])]!.raw, toLast[v] + extra)
                }
                // From the point forward to `edgeTo`, or backward to `edgeFrom`
                // (`EdgePosition.exits`, with the same products as `PartArc.measure`).
                if f <= 0 { attach(a, 0) } else if f >= 1 { attach(b, 0) } else {
                    if let c = toB { attach(b, c * (1 - f)) }
                    if let c = toA { attach(a, c * f) }
                }
                for j in 0..<count {
                    attachNode.append(nodes[j])
                    attachList.append(Attachment(local: Int32(k), point: edgePoints[k], cost: costs[j]))
                }
                pointChain[k] = chain
            }
        }
        return (attachNode, attachList)
    }

    /// Offers every restricted practice to the points of its area in
    /// `assigned` (the fully open practices' best two per point, from the
    /// router, in the same cost unit: metres for `.length`, seconds for
    /// `.time`). `labels` are that router's node labels of the same pass. A
    /// restricted practice's label carries its cost as the weight's figure
    /// (`…LengthM` for `.length`, `…TimeS` for `.time`) and NaN for the
    /// other, which the caller does not read.
    ///
    /// With `answer` `.nearest` only each point's nearest is the eligible
    /// one (its second is the open pass's or a restricted practice's, not the
    /// eligible second): a restricted practice matters to a point only
    /// within its nearest, so the searches stop at the nodes' nearest labels
    /// and the points' nearest costs instead of the second ones (for the
    /// quickest passes, which read only the nearest).
    @discardableResult
    public func apply(_ assigned: inout [FacilityAssignment], labels: NodeLabels, practices: [SnappedPoint?],
                      eligible: EligibleSets, answer: Answer = .nearestTwo) -> Stats {
        let nearestOnly = answer == .nearest
        let clock = ContinuousClock()
        var lap = clock.now
        func seconds() -> Double {
            let now = clock.now, d = now - lap
            lap = now
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let restricted = eligible.restrictedPractices.filter { Int($0) < practices.count && practices[Int($0)] != nil }
        // Each taking point's second-best over the open practices, by local
        // number; a taking point without one is answered by a forward search
        // instead.
        // Also by point index as a Float rounded up (-∞ for the others), for
        // the searches' bounds: read once per accepted point, a quarter of
        // the bytes stays in the processor's cache.
        // (With `.nearest`: the nearest cost instead of the second, here and below.)
        // (On the workers by blocks of points: the loop streams every
        // point's assignment.)
        var secondOf = [Double](repeating: .infinity, count: points.count)
        var secondUp = [Float](repeating: -.infinity, count: points.count)
        assigned.withUnsafeBufferPointer { a in
            local.withUnsafeBufferPointer { local in
                secondOf.withUnsafeMutableBufferPointer { of in
                    secondUp.withUnsafeMutableBufferPointer { up in
                        nonisolated(unsafe) let a = a, local = local, of = of, up = up
                        ParallelWork.forEachBlock(count: local.count, minPerWorker: Self.minPointsPerWorker) { range in
                            for i in range where local[i] >= 0 {
                                let s = nearestOnly ? a[i].nearestCost : a[i].secondCost
                                of[i] = s
                                if s.isFinite {
                                    let f = Float(s)
                                    up[i] = Double(f) < s ? f.nextUp : f
                                }
                            }
                        }
                    }
                }
            }
        }
        var forward: [Int] = []
        for i in points.indices where local[i] >= 0 && !secondOf[i].isFinite { forward.append(i) }
        var second = [Double](repeating: 0, count: edgePoints.count)
        edgePoints.withUnsafeBufferPointer { e in
            secondOf.withUnsafeBufferPointer { of in
                second.withUnsafeMutableBufferPointer { out in
                    nonisolated(unsafe) let e = e, of = of, out = out
                    ParallelWork.forEachBlock(count: e.count, minPerWorker: Self.minPointsPerWorker) { range in
                        for k in range { out[k] = of[Int(e[k])] }
                    }
                }
            }
        }
        // Per core node: the cost beyond which a search stops there (its
        // second open label, with the margin of `pruneMargin`).
        let coreNodes = router.coreNodes, margin = Self.pruneMargin
        let stop: [Double] = labels.nodes.withUnsafeBufferPointer { nodes in
            coreNodes.map { v in (nearestOnly ? nodes[v.index].nearestCost : nodes[v.index].secondCost) * (1 + margin) + margin }
        }
        var stats = Stats()
        stats.limitsS = seconds()
        var found = [[(point: Int32, cost: Double)]](repeating: [], count: restricted.count)
        // The practices along a Z-curve over their positions, one run of
        // neighbours per worker: consecutive searches cover overlapping
        // ground, so much of the core's arrays is still in the cache.
        let order = Self.zOrder(restricted.map { practices[Int($0)]!.location })
        let n = restricted.count, workers = ParallelWork.workers(count: n, minPerWorker: 1)
        var settled = [Int](repeating: 0, count: workers), searched = [Int](repeating: 0, count: workers)
        found.withUnsafeMutableBufferPointer { buffer in
            settled.withUnsafeMutableBufferPointer { settledBuffer in
                searched.withUnsafeMutableBufferPointer { searchedBuffer in
                    nonisolated(unsafe) let out = buffer.baseAddress!, settledOut = settledBuffer.baseAddress!
                    nonisolated(unsafe) let searchedOut = searchedBuffer.baseAddress!
                    ParallelWork.forEachWorker(count: workers) { worker, runs in
                        var search = CoreSearch(self)
                        for run in runs {
                            for k in order[(run * n / workers)..<((run + 1) * n / workers)] {
                                let p = restricted[k]
                                guard let at = practices[Int(p)] else { continue }
                                if let pairs = search.pairs(of: at, accepted: eligible.pointsByPractice[p] ?? [], second: second,
                                                             secondUp: secondUp, stop: stop) {
                                    searchedOut[worker] += 1
                                    out[k] = pairs.map { (edgePoints[Int($0.local)], $0.cost) }
                                }
                            }
                        }
                        settledOut[worker] = search.kernel.settledNodes
                    }
                }
            }
        }
        stats.searches = searched.reduce(0, +)
        stats.settledNodes = settled.reduce(0, +)
        stats.searchS = seconds()
        // The merge: each worker offers the pairs of its own block of points
        // (reading every practice's list, in practice order, as one thread
        // would), so the random reads and writes of `assigned` are shared
        // by the workers.
        var improved = [Bool](repeating: false, count: assigned.count)
        for list in found { stats.pairsFound += list.count }
        let weight = router.weight, pairs = found
        let blocks = ParallelWork.workers(count: assigned.count, minPerWorker: NearestFacilityRouter.minPointsPerWorker)
        var taken = [Int](repeating: 0, count: blocks)
        assigned.withUnsafeMutableBufferPointer { a in
            improved.withUnsafeMutableBufferPointer { changed in
                taken.withUnsafeMutableBufferPointer { takenBuffer in
                    nonisolated(unsafe) let a = a, changed = changed, takenOut = takenBuffer.baseAddress!
                    let total = a.count
                    ParallelWork.forEachWorker(count: blocks) { block, _ in
                        let lo = Int32(block * total / blocks), hi = Int32((block + 1) * total / blocks)
                        var count = 0
                        // In batches: first every pair's point's current
                        // second (independent loads the processor overlaps),
                        // then the offers of those not beyond it.
                        var gate = [Double](repeating: 0, count: 32)
                        gate.withUnsafeMutableBufferPointer { gate in
                            for (k, p) in restricted.enumerated() {
                                pairs[k].withUnsafeBufferPointer { list in
                                    var start = 0
                                    while start < list.count {
                                        let end = Swift.min(list.count, start + 32)
                                        for j in start..<end {
                                            let i = list[j].0
                                            gate[j - start] = i >= lo && i < hi ? a[Int(i)].secondCost : -.infinity
                                        }
                                        for j in start..<end where list[j].1 <= gate[j - start] {
                                            let i = Int(list[j].0)
                                            if Self.offer(&a[i], cost: list[j].1, practice: p, weight: weight) {
                                                changed[i] = true
                                                count += 1
                                            }
                                        }
                                        start = end
                                    }
                                }
                            }
                        }
                        takenOut[block] = count
                    }
                }
            }
        }
        stats.pairsTaken = taken.reduce(0, +)
        stats.mergeS = seconds()
        stats.forwardSearches = forward.count
        if !forward.isEmpty {
            let answers = forwardSearches(forward, assigned: assigned, practices: practices, restricted: restricted, eligible: eligible)
            for (k, i) in forward.enumerated() {
                stats.forwardSettledNodes += answers[k].settled
                for (p, c) in answers[k].found where Self.offer(&assigned[i], cost: c, practice: p, weight: router.weight) {
                    improved[i] = true
                }
            }
        }
        stats.pointsImproved = improved.filter { $0 }.count
        stats.forwardS = seconds()
        return stats
    }

    /// The indexes of `locations` in the order of a Z-curve (Morton code of
    /// a 65 536² grid over their bounding box), ties by index.
    static func zOrder(_ locations: [Coordinate]) -> [Int] {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for c in locations where c.x.isFinite && c.y.isFinite {
            minX = Swift.min(minX, c.x); maxX = Swift.max(maxX, c.x); minY = Swift.min(minY, c.y); maxY = Swift.max(maxY, c.y)
        }
        let scale = 65_535 / Swift.max(maxX - minX, maxY - minY, 1)
        func cell(_ v: Double, _ low: Double) -> UInt64 {
            let q = (v - low) * scale
            return q.isFinite ? UInt64(Swift.max(0, Swift.min(65_535, q))) : 0
        }
        let keys = locations.map { MortonCode.of(x: cell($0.x, minX), y: cell($0.y, minY)) }
        return locations.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
    }

    /// What `apply` answers per point: the eligible best two, or only the
    /// eligible nearest.
    public enum Answer: Sendable {
        case nearestTwo, nearest
    }

    /// Relative (and absolute, in cost units) margin of the search's stop at
    /// a node's second-best label: the router's labels sum Float shortcuts.
    static let pruneMargin = 1e-4

    /// One worker's search of a restricted practice over the router's core,
    /// and the reading off of its points.
    struct CoreSearch {
        let routing: EligibleRouting
        var kernel: BoundedSearch<CoreNodeID>
        /// Costs of the nodes inside the chains the practice lies in (its
        /// seeds swept along the chain), reset through `touched`.
        var inner: [Double]
        var touched: [Int32] = []
        /// One bit per point (by index): set while the practice searched
        /// accepts it (cleared after each search through its list).
        var accepts: [UInt64]
        /// Per taking point (local number): the best cost found, reset
        /// through `reached`.
        var best: [Double]
        var reached: [Int32] = []

        init(_ routing: EligibleRouting) {
            self.routing = routing
            kernel = BoundedSearch(nodeCount: routing.router.coreNodes.count)
            inner = [Double](repeating: .infinity, count: routing.router.graph.nodeCount)
            accepts = [UInt64](repeating: 0, count: routing.points.count / 64 + 1)
            best = [Double](repeating: .infinity, count: routing.edgePoints.count)
        }

        /// The points of `accepted` whose cost to the practice at `at` is
        /// at most their second-best (`second`, by local number), with that
        /// cost, by local number; nil when none of them has a finite
        /// second-best (no search). `secondUp`: the second-best by point
        /// index, rounded up to a Float (-∞: no search for that point).
        mutating func pairs(of at: SnappedPoint, accepted: [Int32], second: [Double], secondUp: [Float],
                            stop: [Double]) -> [(local: Int32, cost: Double)]? {
            // The bound of the search: the largest second-best among the points it could serve.
            var top = -Float.infinity
            let count = secondUp.count
            accepts.withUnsafeMutableBufferPointer { bits in
                secondUp.withUnsafeBufferPointer { secondUp in
                    for i in accepted where Int(i) < count {
                        bits[Int(i) >> 6] |= 1 << UInt64(Int(i) & 63)
                        top = Swift.max(top, secondUp[Int(i)])
                    }
                }
            }
            defer { for i in accepted where Int(i) < count { accepts[Int(i) >> 6] = 0 } }
            let limit = Double(top)
            guard limit >= 0 else { return nil }
            let router = routing.router, graph = router.graph, arcs = routing.arcs
            let chains = router.chains, coreId = router.coreId
            // Seeds: reach the practice from `edgeFrom` going forward, from
            // `edgeTo` backward; a seed inside a chain is swept to its ends.
            var seeded: (Int32, Int32) = (-1, -1)
            func seed(_ v: Int32, _ c: Double) {
                if let id = coreId[Int(v)] { kernel.push(id, c, limit); return }
                if c < inner[Int(v)] {
                    if inner[Int(v)] == .infinity { touched.append(v) }
                    inner[Int(v)] = c
                }
                let chain = chains.chainOf[Int(v)].raw
                if seeded.0 < 0 { seeded.0 = chain } else if seeded.0 != chain { seeded.1 = chain }
            }
            if let position = EdgePosition(at, in: graph) {
                for end in position.entries {
                    if let c = end.part.measure(arcs) { seed(end.node.raw, c) }
                }
            }
            for c in [seeded.0, seeded.1] where c >= 0 {
                sweep(Int(c))
                let lo = Int(chains.start[Int(c)]), hi = Int(chains.start[Int(c) + 1]) - 1
                kernel.push(coreId[Int(chains.nodes[lo])]!, inner[Int(chains.nodes[lo + 1])] + Double(chains.up[lo].cost), limit)
                kernel.push(coreId[Int(chains.nodes[hi])]!, inner[Int(chains.nodes[hi - 1])] + Double(chains.down[hi - 1].cost), limit)
            }
            // A route through node v costs its way to v plus c; through v the
            // point also reaches v's two open practices, so its second-best
            // is at most its way to v plus v's second label: a node reached
            // beyond that (`stop`) can change no point and is not queued.
            stop.withUnsafeBufferPointer { stop in
                router.core.offsets.withUnsafeBufferPointer { offsets in
                    routing.coreSteps.withUnsafeBufferPointer { steps in
                        while let (v, c) = kernel.next() {
                            for k in Int(offsets[v.index])..<Int(offsets[v.index + 1]) {
                                let w = CoreNodeID(raw: steps[k].from)
                                kernel.push(w, c + steps[k].cost, Swift.min(limit, stop[w.index]))
                            }
                        }
                    }
                }
            }
            // The accepted points reached: through the nodes the search
            // reached, and along the practice's own chain or edge.
            let r = routing
            r.attachOffsets.withUnsafeBufferPointer { offsets in
                r.attachments.withUnsafeBufferPointer { attached in
                    accepts.withUnsafeBufferPointer { bits in
                        for v in kernel.touchedNodes {
                            let d = kernel.dist[v]
                            for k in Int(offsets[v.index])..<Int(offsets[v.index + 1]) {
                                let x = attached[k], i = Int(x.point)
                                if bits[i >> 6] & (1 << UInt64(i & 63)) != 0 { offer(x.local, d + x.cost) }
                            }
                        }
                    }
                }
            }
            func isAccepted(_ l: Int) -> Bool {
                let i = Int(r.edgePoints[l])
                return accepts[i >> 6] & (1 << UInt64(i & 63)) != 0
            }
            for c in [seeded.0, seeded.1] where c >= 0 {
                for k in Int(r.chainOffsets[Int(c)])..<Int(r.chainOffsets[Int(c) + 1]) where isAccepted(Int(r.chainPoints[k])) {
                    let l = r.chainPoints[k]
                    offer(l, near(r.points[Int(r.edgePoints[Int(l)])]!, practice: at))
                }
            }
            for l in Int(r.edgeOffsets[at.edge.index])..<Int(r.edgeOffsets[at.edge.index + 1]) where isAccepted(l) {
                offer(Int32(l), near(r.points[Int(r.edgePoints[l])]!, practice: at))
            }
            var result: [(local: Int32, cost: Double)] = []
            // (A point without a finite second-best is left to its forward search.)
            for i in reached where best[Int(i)] <= second[Int(i)] && second[Int(i)].isFinite { result.append((i, best[Int(i)])) }
            for i in reached { best[Int(i)] = .infinity }
            reached.removeAll(keepingCapacity: true)
            kernel.finish()
            for v in touched { inner[Int(v)] = .infinity }
            touched.removeAll(keepingCapacity: true)
            return result
        }

        @inline(__always)
        mutating func offer(_ i: Int32, _ c: Double) {
            guard c < best[Int(i)] else { return }
            if best[Int(i)] == .infinity { reached.append(i) }
            best[Int(i)] = c
        }

        /// The cost of point `q` to the practice at `at` without leaving the
        /// chain the practice lies in (through its seeds swept along the
        /// chain), or directly along the practice's own edge.
        func near(_ q: SnappedPoint, practice at: SnappedPoint) -> Double {
            let arcs = routing.arcs
            guard let position = EdgePosition(q, in: routing.router.graph) else { return .infinity }
            var cost = Double.infinity
            for end in position.exits {
                if let c = end.part.measure(arcs) { cost = Swift.min(cost, inner[end.node] + c) }
            }
            // A point on the practice's own edge can reach it without a node;
            // at the practice's own position: no travel (as the router's assign).
            if q.edge == at.edge && at.fraction > 0 && at.fraction < 1, let direct = position.along(to: at.fraction)?.measure(arcs) {
                cost = Swift.min(cost, direct)
            }
            return cost
        }

        /// Costs of chain c's inner nodes from the seeds inside it (and its
        /// ends' costs so far), one sweep from each end as
        /// `DegreeTwoChains.sweep`.
        mutating func sweep(_ c: Int) {
            let chains = routing.router.chains, coreId = routing.router.coreId
            let lo = Int(chains.start[c]), hi = Int(chains.start[c + 1]) - 1
            guard hi - lo >= 2 else { return }
            func set(_ v: Int, _ c: Double) {
                guard c < inner[v] else { return }
                if inner[v] == .infinity { touched.append(Int32(v)) }
                inner[v] = c
            }
            var previous = kernel.dist[coreId[Int(chains.nodes[lo])]!]
            for q in (lo + 1)..<hi {
                let v = Int(chains.nodes[q])
                set(v, previous + Double(chains.down[q - 1].cost))
                previous = inner[v]
            }
            previous = kernel.dist[coreId[Int(chains.nodes[hi])]!]
            for q in stride(from: hi - 1, to: lo, by: -1) {
                let v = Int(chains.nodes[q])
                set(v, previous + Double(chains.up[q].cost))
                previous = inner[v]
            }
        }
    }

    /// For each point of `forward`: the restricted practices that accept it
    /// and that it reaches within its current second-best, with their cost,
    /// by a search from the point over the forward arcs (`BoundedSearch`
    /// over `ForwardArcs`), stopped beyond its second-best or once every
    /// practice that accepts it is reached.
    func forwardSearches(_ forward: [Int], assigned: [FacilityAssignment], practices: [SnappedPoint?], restricted: [Int32],
                         eligible: EligibleSets) -> [(found: [(Int32, Double)], settled: Int)] {
        let g = router.graph
        // Per node, the restricted practices reached from it, as CSR:
        // (practice, cost node → practice); and those strictly inside an edge.
        var entries: [(node: Int32, practice: Int32, extra: Double)] = []
        var onEdge: [Int32: [(Int32, Double)]] = [:]
        for p in restricted {
            guard let sp = practices[Int(p)], let position = EdgePosition(sp, in: g) else { continue }
            if position.isInside { onEdge[sp.edge.raw, default: []].append((p, sp.fraction)) }
            for end in position.entries {
                if let c = end.part.measure(arcs) { entries.append((end.node.raw, p, c)) }
            }
        }
        let targets = CSR<(practice: Int32, extra: Double)>(rows: g.nodeCount) { emit in
            for x in entries { emit(Int(x.node), (x.practice, x.extra)) }
        }
        // The restricted practices that accept each forward point.
        // (A bit per point marks the forward ones: the areas' lists are long,
        // the bits stay in the processor's cache.)
        var position = [Int32](repeating: -1, count: points.count)
        var isForward = [UInt64](repeating: 0, count: points.count / 64 + 1)
        for (k, i) in forward.enumerated() { position[i] = Int32(k); isForward[i >> 6] |= 1 << UInt64(i & 63) }
        var accepting = [[Int32]](repeating: [], count: forward.count)
        for p in restricted {
            for i in eligible.pointsByPractice[p] ?? [] where Int(i) < points.count && isForward[Int(i) >> 6] & (1 << UInt64(Int(i) & 63)) != 0 {
                accepting[Int(position[Int(i)])].append(p)
            }
        }
        let nodeCount = g.nodeCount, arcs = arcs
        return parallelMap(count: forward.count, state: { BoundedSearch<NodeID>(nodeCount: nodeCount) }) { search, k in
            let i = forward[k], q = points[i]!
            let wanted = accepting[k]
            guard !wanted.isEmpty else { return ([], 0) }
            var best = NearestPair(first: assigned[i].nearest, firstM: assigned[i].nearestCost,
                                   second: assigned[i].second, secondM: assigned[i].secondCost)
            var cost = [Double](repeating: .infinity, count: wanted.count)
            func reach(_ p: Int32, _ c: Double) {
                guard let w = wanted.firstIndex(of: p), c < cost[w] else { return }
                cost[w] = c
                best.offer(c, PracticeIndex(raw: p))
            }
            guard let position = EdgePosition(q, in: g) else { return ([], 0) }
            for (p, f) in onEdge[q.edge.raw] ?? [] {
                if let direct = position.along(to: f)?.measure(arcs) { reach(p, direct) }
            }
            let before = search.settledNodes
            // Seeds: the end nodes reached from the point along its edge.
            for end in position.exits {
                if let c = end.part.measure(arcs) { search.push(end.node, c, .infinity) }
            }
            while let (v, c) = search.next() {
                // Nothing beyond the second-best can change the point; every
                // practice reached at ≤ c is final.
                if c > best.secondM || !cost.contains(where: { $0 > c }) { break }
                for t in targets.range(v.index) { reach(targets.arcs[t].practice, c + targets.arcs[t].extra) }
                search.relax(v, c, over: arcs, limit: best.secondM)
            }
            search.finish()
            let found = zip(wanted, cost).filter { $0.1.isFinite }.map { ($0.0, $0.1) }
            return (found, search.settledNodes - before)
        }
    }

    /// Offers (cost, practice) to a point's best two; ordered as the router
    /// orders labels. Returns whether the point's best two changed.
    static func offer(_ a: inout FacilityAssignment, cost: Double, practice: Int32, weight: RouteWeight) -> Bool {
        var pair = NearestPair(first: a.nearest, firstM: a.nearestCost, second: a.second, secondM: a.secondCost)
        guard pair.offer(cost, PracticeIndex(raw: practice)) else { return false }
        let fresh: (length: Double, time: Double) = weight == .length ? (cost, .nan) : (.nan, cost)
        func figures(_ s: Int32) -> (length: Double, time: Double) {
            if s == practice { return fresh }
            if s == a.nearestSource { return (a.nearestLengthM, a.nearestTimeS) }
            if s == a.secondSource { return (a.secondLengthM, a.secondTimeS) }
            return (.infinity, .infinity)
        }
        let first = figures(pair.first.raw), second = figures(pair.second.raw)
        a.nearest = pair.first; a.nearestCost = pair.firstM; a.nearestLengthM = first.length; a.nearestTimeS = first.time
        a.second = pair.second; a.secondCost = pair.secondM; a.secondLengthM = second.length; a.secondTimeS = second.time
        return true
    }
}

