/// What a road pass builds from the graph and the road options alone, per
/// mode: the snapper, the quickest-route router and (first mode) the
/// shortest-route router. Analyses of one graph with different practice
/// lists (the baseline and the scenarios of `serve`) share one set instead
/// of building it again each time (`RoadAnalysis.run(routers:)`).
public struct RoadRouters: Sendable {
    public struct Mode: Sendable {
        public let mode: TravelMode
        public let snapper: SegmentSnapper
        public let byTime: NearestFacilityRouter
        /// Only for the first mode, which gives `road_m`.
        public let byLength: NearestFacilityRouter?
    }

    public let modes: [Mode]
    let nodeCount: Int
    let edgeCount: Int
    let maxSnapM: Double

    /// The routers `RoadAnalysis.run` would build for `graph` and `options`.
    public init(graph: RoadGraph, options: RoadOptions) {
        var modes: [Mode] = []
        for mode in options.modes where !modes.contains(where: { $0.mode == mode }) {
            modes.append(Mode(mode: mode, snapper: SegmentSnapper(graph: graph, mode: mode, maxDistanceM: options.maxSnapM),
                              byTime: NearestFacilityRouter(graph: graph, mode: mode, weight: .time),
                              byLength: modes.isEmpty ? NearestFacilityRouter(graph: graph, mode: mode, weight: .length) : nil))
        }
        self.modes = modes
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        maxSnapM = options.maxSnapM
    }

    /// This mode's routers, if they were built for a graph of this size and these options.
    func mode(_ mode: TravelMode, graph: RoadGraph, options: RoadOptions) -> Mode? {
        guard graph.nodeCount == nodeCount, graph.edgeCount == edgeCount, options.maxSnapM == maxSnapM else { return nil }
        return modes.first { $0.mode == mode }
    }
}
