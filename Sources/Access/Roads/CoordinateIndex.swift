/// Node id per quantised coordinate: an open-addressing hash table with
/// linear probing over flat arrays.
///
/// Graph build spends most of its time finding the node of each vertex; a
/// `[SIMD2<Int64>: Int32]` dictionary hashes with SipHash and stores boxed
/// buckets, which made it dominate the build. Here a key is two `Int64`s, the
/// hash is one multiply-xor mix, and a slot is found in one or two probes at
/// the load factor kept below one half.
struct CoordinateIndex {
    /// One slot per cache-line third: key and node id together.
    private struct Slot { var x: Int64; var y: Int64; var id: Int32 }
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(x: 0, y: 0, id: -1), count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func slot(_ x: Int64, _ y: Int64, _ mask: Int) -> Int {
        var h = UInt64(bitPattern: x) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: y) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The id stored for (x, y); when there is none, stores and returns `newId`.
    @inline(__always)
    mutating func id(x: Int64, y: Int64, orInsert newId: Int32) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Self.slot(x, y, mask)
        while true {
            let s = slots[i]
            if s.id < 0 {
                slots[i] = Slot(x: x, y: y, id: newId)
                count += 1
                return newId
            }
            if s.x == x && s.y == y { return s.id }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(x: 0, y: 0, id: -1), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.id >= 0 {
            var i = Self.slot(s.x, s.y, mask)
            while slots[i].id >= 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
