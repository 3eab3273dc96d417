/// A one-to-many relation in compressed sparse row form: the arcs of row
/// (node, cell, …) `v` are `arcs[offsets[v] ..< offsets[v + 1]]`. In the
/// style of OSRM's static graph: one type for the road graph's arcs, its
/// reverse, the router's core, the snapper's cells and the points attached
/// to nodes, built by one counting sort and checked once.
///
/// Invariants (checked by both initialisers): `offsets` has `rowCount + 1`
/// entries, starts at 0, never decreases and ends at `arcs.count`, which
/// fits in Int32.
public struct CSR<Arc> {
    public let offsets: [Int32]
    public let arcs: [Arc]

    public var rowCount: Int { offsets.count - 1 }
    public var arcCount: Int { arcs.count }

    /// First arc index of row `v` (OSRM's `BeginEdges`).
    @inline(__always) public func begin(_ v: Int) -> Int { Int(offsets[v]) }
    /// One past the last arc index of row `v` (OSRM's `EndEdges`).
    @inline(__always) public func end(_ v: Int) -> Int { Int(offsets[v + 1]) }
    /// The arc indexes of row `v`.
    @inline(__always) public func range(_ v: Int) -> Range<Int> { Int(offsets[v])..<Int(offsets[v + 1]) }
    /// The arcs of row `v`.
    @inline(__always) public func arcs(from v: Int) -> ArraySlice<Arc> { arcs[range(v)] }

    /// From given rows; the invariants are checked.
    public init(offsets: [Int32], arcs: [Arc]) {
        Self.check(offsets, arcCount: arcs.count)
        self.offsets = offsets
        self.arcs = arcs
    }

    /// Counting sort of the entries that `entries` emits: it is called twice
    /// (count, then fill) and must emit the same `(row, arc)` pairs in the same
    /// order both times. Within a row, arcs keep the order emitted.
    public init(rows: Int, entries: ((_ row: Int, _ arc: Arc) -> Void) -> Void) {
        var offsets = [Int32](repeating: 0, count: rows + 1)
        var total = 0
        entries { row, _ in offsets[row + 1] += 1; total += 1 }
        precondition(total <= Int(Int32.max), "CSR: \(total) arcs do not fit Int32 offsets")
        for v in 0..<rows { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        let arcs = [Arc](unsafeUninitializedCapacity: total) { buffer, initialized in
            var written = 0
            entries { row, arc in
                let k = Int(cursor[row])
                precondition(k < Int(offsets[row + 1]), "CSR: entries emitted more arcs the second time")
                (buffer.baseAddress! + k).initialize(to: arc)
                cursor[row] += 1
                written += 1
            }
            precondition(written == total, "CSR: entries emitted fewer arcs the second time")
            initialized = total
        }
        self.offsets = offsets
        self.arcs = arcs
    }

    /// The same rows with each arc transformed.
    public func map<T>(_ transform: (Arc) -> T) -> CSR<T> { CSR<T>(checked: offsets, arcs: arcs.map(transform)) }

    private init(checked offsets: [Int32], arcs: [Arc]) {
        self.offsets = offsets
        self.arcs = arcs
    }

    private static func check(_ offsets: [Int32], arcCount: Int) {
        precondition(!offsets.isEmpty && offsets[0] == 0, "CSR: offsets must start at 0")
        precondition(Int(offsets[offsets.count - 1]) == arcCount, "CSR: offsets must end at the arc count")
        for v in 1..<offsets.count { precondition(offsets[v - 1] <= offsets[v], "CSR: offsets must not decrease") }
    }
}

extension CSR: Sendable where Arc: Sendable {}
