/// Node id per quantised coordinate: an open-addressing hash table with
/// linear probing.
///
/// Graph build spends most of its time finding the node of each vertex; a
/// `[SIMD2<Int64>: Int32]` dictionary hashes with SipHash and stores wide
/// buckets, which made it dominate the build. Here a key whose two
/// quantised coordinates fit 32 bits each (any RD New coordinate at 1 cm)
/// is packed into one 64-bit word and stored in its slot beside its id, so
/// that a lookup reads one slot — one cache miss — instead of a slot and then
/// a key array; the hash is one multiply (its high bits pick the slot). Keys
/// beyond 32 bits (coordinates no Dutch data has) go to a plain dictionary:
/// a packed key and a wide one are never equal. Load stays below one half.
struct CoordinateIndex {
    private struct Slot {
        var key: UInt64
        /// -1 = empty.
        var id: Int32
    }

    private var slots: [Slot]
    /// 64 − log2(slot count): the hash's high bits pick the slot.
    private var shift: UInt64
    private var packedCount = 0
    private var wide: [SIMD2<Int64>: Int32] = [:]

    var count: Int { packedCount + wide.count }

    init(expected: Int = 1024) {
        var capacity = 16, bits: UInt64 = 4
        while capacity < expected * 2 { capacity <<= 1; bits += 1 }
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: capacity)
        shift = 64 - bits
    }

    /// Both coordinates as 32-bit two's complement in one word, or nil when either does not fit.
    @inline(__always)
    static func packed(_ k: SIMD2<Int64>) -> UInt64? {
        guard let x = Int32(exactly: k.x), let y = Int32(exactly: k.y) else { return nil }
        return UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: y))
    }

    @inline(__always)
    private func home(_ p: UInt64) -> Int { Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The id stored for `key`; when there is none, stores and returns `newId` (≥ 0).
    @inline(__always)
    mutating func id(_ key: SIMD2<Int64>, orInsert newId: Int32) -> Int32 {
        guard let p = Self.packed(key) else {
            if let known = wide[key] { return known }
            wide[key] = newId
            return newId
        }
        if (packedCount + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = home(p)
        while true {
            let s = slots[i]
            if s.id < 0 {
                slots[i] = Slot(key: p, id: newId)
                packedCount += 1
                return newId
            }
            if s.key == p { return s.id }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for s in old where s.id >= 0 {
            var i = home(s.key)
            while slots[i].id >= 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
