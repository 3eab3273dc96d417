/// The order every analysis works in, independent of the order of the
/// features in the input files: practices by id (then position and name when
/// ids are equal), regions by id (then name). Ties between equal distances
/// go to the lower index in this order (KD-tree, router, assignment,
/// criticality ranks, catchment ownership), so a shuffled copy of the inputs
/// gives the same figures and the same per-practice and per-region outputs.
public enum StableOrder {
    public static func practices(_ list: [Practice]) -> [Practice] {
        list.enumerated().sorted { a, b in
            let p = a.element, q = b.element
            if p.id != q.id { return p.id < q.id }
            if p.location.x != q.location.x { return p.location.x < q.location.x }
            if p.location.y != q.location.y { return p.location.y < q.location.y }
            if p.name != q.name { return p.name < q.name }
            if p.status.rawValue != q.status.rawValue { return p.status.rawValue < q.status.rawValue }
            if (p.gpFTE ?? -1) != (q.gpFTE ?? -1) { return (p.gpFTE ?? -1) < (q.gpFTE ?? -1) }
            return a.offset < b.offset
        }.map(\.element)
    }

    public static func regions(_ list: [Region]) -> [Region] {
        list.enumerated().sorted { a, b in
            let p = a.element, q = b.element
            if p.id != q.id { return p.id < q.id }
            if p.name != q.name { return p.name < q.name }
            return a.offset < b.offset
        }.map(\.element)
    }
}
