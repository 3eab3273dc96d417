import Geo
@testable import Access

/// The bounding box of a road graph's nodes, for drawing test places on the network.
struct NodeExtent {
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>

    init(_ graph: RoadGraph) {
        x = graph.nodeX.min()!...graph.nodeX.max()!
        y = graph.nodeY.min()!...graph.nodeY.max()!
    }

    /// A uniformly random place in the box (x drawn first, then y).
    func random(_ rng: inout SplitMix64) -> Coordinate {
        Coordinate(x: Double.random(in: x, using: &rng), y: Double.random(in: y, using: &rng))
    }
}
