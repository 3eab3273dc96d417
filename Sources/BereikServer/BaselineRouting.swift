import Access

/// The road state of the baseline kept in memory: per mode the snapper, the
/// quickest-route labels of every node and the open practices attached to
/// nodes; for the first mode also the shortest-route labels. Built once, read
/// by every request, never changed.
struct BaselineRouting: Sendable {
    struct Mode: Sendable {
        var mode: TravelMode
        var snapper: SegmentSnapper
        var byTime: NearestFacilityRouter
        var timeLabels: NodeLabels
        var targets: NearestPracticesSearch.Targets
    }

    let graph: RoadGraph
    let modes: [Mode]
    let byLength: NearestFacilityRouter
    let lengthLabels: NodeLabels

    /// The same snapping and labelling as `RoadAnalysis.run`, kept, with the
    /// baseline's routers. The labels hold the open practices; the point
    /// searches' targets also the `restricted` ones (partial practices that
    /// take new patients from their area only), which a query lets count
    /// only where they take the place.
    init(graph: RoadGraph, routers: RoadRouters, practices: [Practice], parameters: AnalysisParameters, restricted: Set<Int> = []) {
        self.graph = graph
        let open = practices.map { parameters.isOpen($0.status) }
        var modes: [Mode] = []
        var byLength: NearestFacilityRouter?, lengthLabels: NodeLabels?
        for m in routers.modes {
            let snaps = practices.indices.map { j in open[j] || restricted.contains(j) ? m.snapper.snap(practices[j].location) : nil }
            let sources = snaps.indices.map { open[$0] ? snaps[$0] : nil }
            modes.append(Mode(mode: m.mode, snapper: m.snapper, byTime: m.byTime, timeLabels: m.byTime.labelNodes(sources: sources),
                              targets: NearestPracticesSearch.Targets(graph: graph, mode: m.mode, snaps: snaps)))
            if let router = m.byLength {
                byLength = router
                lengthLabels = router.labelNodes(sources: sources)
            }
        }
        self.modes = modes
        self.byLength = byLength!
        self.lengthLabels = lengthLabels!
    }
    /// Road access of points as `RoadAnalysis.run` gives it (nearest and
    /// second-nearest open practice by length over the first mode, quickest
    /// minutes per mode), from the kept labels.
    func access(_ points: [PopulationPoint]) -> (access: [NearestPair],
                                                  minutes: [[Double]], minutesPractice: [OptionalIDs<PracticeIndex>], snapM: [Double], modes: [String]) {
        var minutes: [[Double]] = [], minutesPractice: [OptionalIDs<PracticeIndex>] = []
        var access: [NearestPair] = []
        var snapM: [Double] = []
        for (k, m) in modes.enumerated() {
            let snaps = points.map { m.snapper.snap($0.location) }
            let quickest = m.byTime.assign(points: snaps, labels: m.timeLabels)
            minutes.append(quickest.map { $0.isReachable ? $0.nearestMinutes : .infinity })
            minutesPractice.append(OptionalIDs(quickest.lazy.map(\.nearest)))
            if k == 0 {
                let shortest = byLength.assign(points: snaps, labels: lengthLabels)
                access = shortest.map { a in
                    a.isReachable ? NearestPair(first: a.nearest, firstM: a.nearestLengthM, second: a.second,
                                                secondM: a.second != nil ? a.secondLengthM : .infinity) : NearestPair()
                }
                snapM = snaps.map { $0?.distanceM ?? .infinity }
            }
        }
        return (access, minutes, minutesPractice, snapM, modes.map(\.mode.name))
    }
}
