/// A dense id: an index into the arrays of one kind of thing (the nodes,
/// edges or arcs of a `RoadGraph`, the practices of a run), held in 32 bits
/// like the graph's columns. Each kind is its own type, so a node cannot be
/// passed where an edge is meant; "none" is an optional id, never -1. The
/// wrappers cost nothing: a struct of one `Int32`, with its operations
/// inlined.
public protocol DenseID: Hashable, Comparable, Sendable, CustomStringConvertible {
    var raw: Int32 { get }
    init(raw: Int32)
}

extension DenseID {
    /// The id of index `index` (which must fit in Int32, as the graph's columns do).
    @inline(__always) public init(_ index: Int) { self.init(raw: Int32(index)) }
    /// The index into the arrays of its kind.
    @inline(__always) public var index: Int { Int(raw) }
    /// The id of a raw column value, nil for a negative one (the columns' "none").
    @inline(__always) public init?(orNone raw: Int32) {
        guard raw >= 0 else { return nil }
        self.init(raw: raw)
    }
    @inline(__always) public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    public var description: String { String(raw) }
}

/// A node of a `RoadGraph`.
public struct NodeID: DenseID { public let raw: Int32; @inline(__always) public init(raw: Int32) { self.raw = raw } }

/// An edge (undirected road segment) of a `RoadGraph`.
public struct EdgeID: DenseID { public let raw: Int32; @inline(__always) public init(raw: Int32) { self.raw = raw } }

/// An arc (directed CSR entry) of a `RoadGraph`.
public struct ArcID: DenseID { public let raw: Int32; @inline(__always) public init(raw: Int32) { self.raw = raw } }

/// A node of a router's core (`NearestFacilityRouter`): the nodes outside
/// the degree-2 chains, numbered densely in node order. A numbering of its
/// own, so it is never taken for a `NodeID`.
struct CoreNodeID: DenseID { let raw: Int32; @inline(__always) init(raw: Int32) { self.raw = raw } }

/// A chain of degree-2 nodes of a router's graph (`DegreeTwoChains`).
struct ChainID: DenseID { let raw: Int32; @inline(__always) init(raw: Int32) { self.raw = raw } }

/// A practice of a run: its index in the practices (the router's sources).
public struct PracticeIndex: DenseID { public let raw: Int32; @inline(__always) public init(raw: Int32) { self.raw = raw } }

/// A region of a run: its index in the regions. A point or practice that
/// lies in no region has none (nil).
public struct RegionIndex: DenseID { public let raw: Int32; @inline(__always) public init(raw: Int32) { self.raw = raw } }

extension Array {
    /// The element of id `id` (arrays indexed by one kind of id).
    @inline(__always) subscript<ID: DenseID>(_ id: ID) -> Element {
        get { self[Int(id.raw)] }
        set { self[Int(id.raw)] = newValue }
    }
}

extension Optional where Wrapped: DenseID {
    /// The raw column value: the id's, -1 for none (for columns kept as raw Int32).
    @inline(__always) public var raw: Int32 { self?.raw ?? -1 }
}

extension Int {
    /// The index of id `id`.
    @inline(__always) init<ID: DenseID>(_ id: ID) { self = Int(id.raw) }
}

/// A column of optional ids, one per row (an edge's arc, a point's
/// practice): stored as raw `Int32` (-1: none), so it stays 4 bytes a row
/// where `[ID?]` would take 8, and read and written as `ID?`.
public struct OptionalIDs<ID: DenseID>: RandomAccessCollection, MutableCollection, Sendable, Equatable {
    /// The raw column: each id's `raw`, -1 for none.
    private(set) var raw: [Int32]

    init(raw: [Int32]) { self.raw = raw }

    public init(repeating id: ID?, count: Int) { raw = [Int32](repeating: id.raw, count: count) }

    public init<S: Sequence>(_ ids: S) where S.Element == ID? { raw = ids.map(\.raw) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { raw.count }

    @inline(__always) public subscript(row: Int) -> ID? {
        get { ID(orNone: raw[row]) }
        set { raw[row] = newValue.raw }
    }

    /// The id of a row named by its own id (an edge's arc).
    @inline(__always) public subscript<Row: DenseID>(row: Row) -> ID? { ID(orNone: raw[row.index]) }
}
