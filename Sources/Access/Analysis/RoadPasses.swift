import Foundation

/// The two routing passes of one mode in `RoadAnalysis.run`: quickest (by
/// time, every mode) and shortest (by length, first mode only). They are
/// independent once the points are snapped, so the run does them side by
/// side; each assigns its points on all workers straight into the result's
/// columns, without an array of whole `FacilityAssignment`s (80 bytes a
/// point) unless the eligible rule must rework them.
enum RoadPasses {
    /// Quickest routes: minutes and practice per point (unreachable: inf, nil).
    struct Quickest {
        var minutes: [Double]
        var practice: OptionalIDs<PracticeIndex>
        var seconds: Double
        var eligibleSeconds: Double?
    }

    /// Shortest routes: the nearest two practices by road length per point,
    /// the nearest per node (catchments) and, under the eligible rule, the
    /// fully open pair before eligibility.
    struct Shortest {
        var roadM: [Double]
        var roadPractice: OptionalIDs<PracticeIndex>
        var roadSecondM: [Double]
        var roadSecondPractice: OptionalIDs<PracticeIndex>
        var nodePractice: OptionalIDs<PracticeIndex>
        var fullyOpen: [NearestPair]?
        var seconds: Double
        var eligibleSeconds: Double?
    }

    /// - Parameters:
    ///   - points: the snaps in the points' order; `ordered` the same in
    ///     spatial order (`ordered[k]` is point `order[k]`'s), `rank` the
    ///     inverse of `order`.
    static func quickest(router: NearestFacilityRouter, sources: [SnappedPoint?], points: [SnappedPoint?], ordered: [SnappedPoint?],
                         order: [Int32], rank: [Int32], practiceSnaps: [SnappedPoint?], restricting: EligibleSets?) -> Quickest {
        let started = Date()
        let (labels, prepared) = labelsAndPreparation(router: router, sources: sources, points: points, eligible: restricting)
        let n = points.count
        // The practice columns are written raw (-1: none) by the workers, typed on return.
        var minutes = [Double](repeating: .infinity, count: n), practice = [Int32](repeating: -1, count: n)
        var eligibleSeconds: Double?
        if let restricting, let prepared {
            // (Only the nearest is read: minutes and practice.)
            let (quickest, s) = eligibleAssignments(prepared, points: points, labels: labels,
                                                    practiceSnaps: practiceSnaps, eligible: restricting, answer: .nearest)
            eligibleSeconds = s
            fill(&minutes, &practice, order: order) { i in quickest[i] }
        } else {
            // Assigned in spatial order, gathered back to the points' order.
            let nearest = parallelMap(count: n, minPerWorker: NearestFacilityRouter.minPointsPerWorker) { k -> (Double, Int32) in
                let a = router.assign(ordered[k], labels: labels)
                return (a.isReachable ? a.nearestMinutes : .infinity, a.nearestSource)
            }
            minutes.withUnsafeMutableBufferPointer { m in
                practice.withUnsafeMutableBufferPointer { p in
                    nonisolated(unsafe) let m = m, p = p
                    ParallelWork.forEachBlock(count: n, minPerWorker: 100_000) { range in
                        for i in range { (m[i], p[i]) = nearest[Int(rank[i])] }
                    }
                }
            }
        }
        let seconds = Date().timeIntervalSince(started) - (eligibleSeconds ?? 0)
        return Quickest(minutes: minutes, practice: OptionalIDs(raw: practice), seconds: seconds, eligibleSeconds: eligibleSeconds)
    }

    static func shortest(router: NearestFacilityRouter, sources: [SnappedPoint?], points: [SnappedPoint?], ordered: [SnappedPoint?],
                         order: [Int32], rank: [Int32], practiceSnaps: [SnappedPoint?], restricting: EligibleSets?) -> Shortest {
        let started = Date()
        let (labels, prepared) = labelsAndPreparation(router: router, sources: sources, points: points, eligible: restricting)
        let nodePractice = OptionalIDs<PracticeIndex>(raw: labels.nodes.map(\.nearestSource))
        let n = points.count
        // The practice columns are written raw (-1: none) by the workers, typed on return.
        var roadM = [Double](repeating: .infinity, count: n), roadPractice = [Int32](repeating: -1, count: n)
        var roadSecondM = roadM, roadSecondPractice = roadPractice
        var fullyOpen: [NearestPair]?
        var eligibleSeconds: Double?
        func fillAll(_ assignment: (Int) -> FacilityAssignment) {
            roadM.withUnsafeMutableBufferPointer { m in
                roadPractice.withUnsafeMutableBufferPointer { p in
                    roadSecondM.withUnsafeMutableBufferPointer { m2 in
                        roadSecondPractice.withUnsafeMutableBufferPointer { p2 in
                            // Each worker writes its own block of indexes only.
                            nonisolated(unsafe) let m = m, p = p, m2 = m2, p2 = p2
                            ParallelWork.forEach(inOrder: order, minPerWorker: NearestFacilityRouter.minPointsPerWorker) { i in
                                let a = assignment(i)
                                guard a.isReachable else { return }
                                m[i] = a.nearestLengthM
                                p[i] = a.nearestSource
                                m2[i] = a.second != nil ? a.secondLengthM : .infinity
                                p2[i] = a.secondSource
                            }
                        }
                    }
                }
            }
        }
        if let restricting, let prepared {
            let (shortest, s) = eligibleAssignments(prepared, points: points, labels: labels,
                                                    practiceSnaps: practiceSnaps, eligible: restricting) { before in
                fullyOpen = before.map { a in
                    a.isReachable ? NearestPair(first: a.nearest, firstM: a.nearestLengthM,
                                                second: a.second, secondM: a.second != nil ? a.secondLengthM : .infinity) : NearestPair()
                }
            }
            eligibleSeconds = s
            fillAll { shortest[$0] }
        } else {
            // Assigned in spatial order, gathered back to the points' order.
            let pairs = parallelMap(count: n, minPerWorker: NearestFacilityRouter.minPointsPerWorker) { k -> ShortestPair in
                let a = router.assign(ordered[k], labels: labels)
                guard a.isReachable else { return ShortestPair() }
                return ShortestPair(m: a.nearestLengthM, p: a.nearestSource,
                                    m2: a.second != nil ? a.secondLengthM : .infinity, p2: a.secondSource)
            }
            roadM.withUnsafeMutableBufferPointer { m in
                roadPractice.withUnsafeMutableBufferPointer { p in
                    roadSecondM.withUnsafeMutableBufferPointer { m2 in
                        roadSecondPractice.withUnsafeMutableBufferPointer { p2 in
                            nonisolated(unsafe) let m = m, p = p, m2 = m2, p2 = p2
                            ParallelWork.forEachBlock(count: n, minPerWorker: 100_000) { range in
                                for i in range {
                                    let x = pairs[Int(rank[i])]
                                    m[i] = x.m; p[i] = x.p; m2[i] = x.m2; p2[i] = x.p2
                                }
                            }
                        }
                    }
                }
            }
        }
        let seconds = Date().timeIntervalSince(started) - (eligibleSeconds ?? 0)
        return Shortest(roadM: roadM, roadPractice: OptionalIDs(raw: roadPractice), roadSecondM: roadSecondM,
                        roadSecondPractice: OptionalIDs(raw: roadSecondPractice),
                        nodePractice: nodePractice, fullyOpen: fullyOpen, seconds: seconds, eligibleSeconds: eligibleSeconds)
    }

    /// The label pass (one thread) and, under the eligible rule,
    /// `EligibleRouting`'s preparation beside it: the preparation needs the
    /// router and the points, not the labels. `waited`: how much longer the
    /// two took than the label pass alone (the preparation's share of the
    /// wall time).
    private static func labelsAndPreparation(router: NearestFacilityRouter, sources: [SnappedPoint?], points: [SnappedPoint?],
                                             eligible: EligibleSets?) -> (NodeLabels, (routing: EligibleRouting, waited: Double)?) {
        guard let eligible else { return (router.labelNodes(sources: sources), nil) }
        let both = EligibleRouting.besideLabelPass(router: router, sources: sources, points: points, eligible: eligible)
        return (both.labels, (both.routing, Swift.max(0, both.seconds - both.labelSeconds)))
    }

    /// Every point's assignment under the eligible rule: the router's, shown
    /// to `before` (the fully open pair), then reworked by the prepared
    /// `EligibleRouting`; with the seconds eligibility added (the rework and
    /// the wait for the preparation).
    private static func eligibleAssignments(_ prepared: (routing: EligibleRouting, waited: Double), points: [SnappedPoint?], labels: NodeLabels,
                                            practiceSnaps: [SnappedPoint?], eligible: EligibleSets,
                                            answer: EligibleRouting.Answer = .nearestTwo,
                                            before: ([FacilityAssignment]) -> Void = { _ in }) -> ([FacilityAssignment], Double) {
        var assigned = prepared.routing.router.assign(points: points, labels: labels)
        before(assigned)
        let t0 = Date()
        prepared.routing.apply(&assigned, labels: labels, practices: practiceSnaps, eligible: eligible, answer: answer)
        return (assigned, Date().timeIntervalSince(t0) + prepared.waited)
    }

    /// Minutes and practice of every point's assignment, on all workers, in
    /// `order` (a permutation of the points: `SpatialOrder`).
    private static func fill(_ minutes: inout [Double], _ practice: inout [Int32], order: [Int32],
                             _ assignment: (Int) -> FacilityAssignment) {
        minutes.withUnsafeMutableBufferPointer { m in
            practice.withUnsafeMutableBufferPointer { p in
                // Each worker writes its own block of indexes only.
                nonisolated(unsafe) let m = m, p = p
                ParallelWork.forEach(inOrder: order, minPerWorker: NearestFacilityRouter.minPointsPerWorker) { i in
                    let a = assignment(i)
                    m[i] = a.isReachable ? a.nearestMinutes : .infinity
                    p[i] = a.nearestSource
                }
            }
        }
    }
}

/// One point's figures of the shortest pass (unreachable: infinity, -1).
private struct ShortestPair {
    var m = Double.infinity
    var p: Int32 = -1
    var m2 = Double.infinity
    var p2: Int32 = -1
}
