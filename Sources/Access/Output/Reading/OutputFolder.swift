import Geo

/// An analysis output folder read back for rendering: the layers in
/// EPSG:28992 and `run.json`. Optional layers are nil when their file is absent.
public struct OutputFolder: Sendable {
    public var path: String
    public var run: RunReport?
    public var regions: MapLayer?
    public var population: MapLayer?
    public var practices: MapLayer?
    public var catchments: MapLayer?
    public var sites: MapLayer?
    /// Set when `population` holds the squares of `population_cells.geojson`
    /// instead of one feature per point (large runs).
    public var populationAggregation: PopulationAggregation?

    /// A folder with nothing read yet.
    public init(path: String) {
        self.path = path
    }

    public var layers: [MapLayer] { [regions, population, practices, catchments, sites].compactMap { $0 } }

    /// The extent of everything drawn, in RD metres.
    public var envelope: Envelope {
        var e = Envelope.empty
        for layer in [regions, population, practices, sites].compactMap({ $0 }) { e.expand(toInclude: layer.envelope) }
        return e
    }
}

/// How the population layer was aggregated for drawing.
public struct PopulationAggregation: Sendable {
    /// Side of a square, metres (RD New grid).
    public var cellSizeM: Double
    /// Population points behind the squares.
    public var points: Int
    public var cells: Int
    /// Above this many points the squares are drawn.
    public var threshold: Int

}
