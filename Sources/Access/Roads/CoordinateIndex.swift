/// Node id per quantised coordinate: an open-addressing hash table with
/// linear probing.
///
/// Graph build spends most of its time finding the node of each vertex; a
/// `[SIMD2<Int64>: Int32]` dictionary hashes with SipHash and stores wide
/// buckets, which made it dominate the build. Here the hash is one
/// multiply-xor mix and the table holds only 8-byte slots (32 hash bits and
/// an entry number), so it stays small enough for the cache; keys and ids
/// live in arrays in insertion order, where the entry a hit needs was
/// usually added a moment ago by a neighbouring line. Load stays below one half.
struct CoordinateIndex {
    /// 0 = empty, else upper 32 hash bits << 32 | (entry + 1).
    private var slots: [UInt64]
    private var keys = [SIMD2<Int64>]()
    private var ids = [Int32]()
    private var mask: Int

    var count: Int { ids.count }

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func hash(_ k: SIMD2<Int64>) -> UInt64 {
        var h = UInt64(bitPattern: k.x) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: k.y) &* 0xC2B2_AE3D_27D4_EB4F
        return h ^ (h >> 29)
    }

    /// The id stored for `key`; when there is none, stores and returns `newId`.
    @inline(__always)
    mutating func id(_ key: SIMD2<Int64>, orInsert newId: Int32) -> Int32 {
        if (ids.count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(key)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 {
                slots[i] = tag | UInt64(ids.count + 1)
                keys.append(key); ids.append(newId)
                return newId
            }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let e = Int(s & 0xFFFF_FFFF) - 1
                if keys[e] == key { return ids[e] }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for e in keys.indices {
            let h = Self.hash(keys[e])
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = h & 0xFFFF_FFFF_0000_0000 | UInt64(e + 1)
        }
    }
}
