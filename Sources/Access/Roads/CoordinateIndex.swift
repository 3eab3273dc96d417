/// Node id per quantised coordinate: an open-addressing hash table with
/// linear probing over flat arrays.
///
/// Graph build spends most of its time finding the node of each vertex; a
/// `[SIMD2<Int64>: Int32]` dictionary hashes with SipHash and stores boxed
/// buckets, which made it dominate the build. Here a key is two `Int64`s, the
/// hash is one multiply-xor mix, and a slot is found in one or two probes at
/// the load factor kept below one half.
struct CoordinateIndex {
    private var keyX: [Int64]
    private var keyY: [Int64]
    /// Node id per slot; -1 = empty.
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keyX = [Int64](repeating: 0, count: capacity)
        keyY = [Int64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func slot(_ x: Int64, _ y: Int64, _ mask: Int) -> Int {
        var h = UInt64(bitPattern: x) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: y) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The id stored for (x, y), or `make()`'s result stored as a new entry.
    @inline(__always)
    mutating func id(x: Int64, y: Int64, orInsert make: () -> Int32) -> Int32 {
        if (count + 1) * 2 > values.count { grow() }
        var i = Self.slot(x, y, mask)
        while true {
            let v = values[i]
            if v < 0 {
                let n = make()
                keyX[i] = x; keyY[i] = y; values[i] = n
                count += 1
                return n
            }
            if keyX[i] == x && keyY[i] == y { return v }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldX = keyX, oldY = keyY, oldValues = values
        let capacity = oldValues.count * 2
        keyX = [Int64](repeating: 0, count: capacity)
        keyY = [Int64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for j in 0..<oldValues.count where oldValues[j] >= 0 {
            var i = Self.slot(oldX[j], oldY[j], mask)
            while values[i] >= 0 { i = (i + 1) & mask }
            keyX[i] = oldX[j]; keyY[i] = oldY[j]; values[i] = oldValues[j]
        }
    }
}
