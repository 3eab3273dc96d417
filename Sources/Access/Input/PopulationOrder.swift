/// One order of the population points whatever order the file lists them
/// in: by id — whole numbers (digits only, no leading zero) first and by
/// value, then the other ids by their UTF-8 bytes — then by place (x, then
/// y), inhabitants, inhabitants 65+ and postcode (unknown first). Points
/// equal in all of these give the same row, so every output (rows, sums,
/// maps) is the same for a shuffled copy of the file.
///
/// Each id is reduced to a key of two integers (a whole number's value, or
/// a text id's first 16 bytes) compared first, so that sorting millions of
/// points compares strings only between ids that share those bytes (Swift
/// strings compared directly sorted 9 million grid-cell ids in 23 s). A
/// file already in this order (ids counting up, a sorted export) is only
/// checked.
enum PopulationOrder {
    static func sort(_ points: inout [PopulationPoint]) {
        guard points.count > 1 else { return }
        var keys = parallelMap(count: points.count, minPerWorker: 100_000) { i in Key(points[i].id, index: i) }
        let read = points
        /// The whole order, for keys that tie on their two integers.
        func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.length != b.length || !a.whole {
                let x = read[Int(a.index)].id.utf8, y = read[Int(b.index)].id.utf8
                if !x.elementsEqual(y) { return x.lexicographicallyPrecedes(y) }
            }
            return Self.precedes(read[Int(a.index)], read[Int(b.index)], a.index, b.index)
        }
        let sorted = keys.withUnsafeBufferPointer { k in
            (1..<k.count).allSatisfy { i in
                (k[i - 1].high, k[i - 1].low) < (k[i].high, k[i].low) || (k[i - 1].high == k[i].high && k[i - 1].low == k[i].low && precedes(k[i - 1], k[i]))
            }
        }
        if sorted { return }
        // By the two integers (file order within a tie), then each run of
        // ties by the whole order.
        keys.sort { ($0.high, $0.low, $0.index) < ($1.high, $1.low, $1.index) }
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end].high == keys[start].high && keys[end].low == keys[start].low { end += 1 }
            if end - start > 1 { keys[start..<end].sort(by: precedes) }
            start = end
        }
        points = parallelMap(count: keys.count, minPerWorker: 100_000) { read[Int(keys[$0].index)] }
    }

    /// The order of two points with the same id: place, inhabitants, 65+,
    /// postcode, and last the file's order (only between points that give
    /// byte-identical rows).
    static func precedes(_ a: PopulationPoint, _ b: PopulationPoint, _ i: Int32, _ j: Int32) -> Bool {
        if a.location.x != b.location.x { return a.location.x < b.location.x }
        if a.location.y != b.location.y { return a.location.y < b.location.y }
        if a.inhabitants != b.inhabitants { return a.inhabitants < b.inhabitants }
        if a.inhabitants65plus != b.inhabitants65plus {
            guard let x = a.inhabitants65plus else { return true }
            guard let y = b.inhabitants65plus else { return false }
            return x < y
        }
        if a.postcode != b.postcode {
            guard let x = a.postcode else { return true }
            guard let y = b.postcode else { return false }
            return x < y
        }
        return i < j
    }

    /// A whole-number id: `high` 0, `low` its value. A text id: `high` 1
    /// plus its first 7 bytes, `low` the next 8 (big-endian, zero-padded, so
    /// integer order is byte order); `whole` when those are all its bytes.
    struct Key {
        var high: UInt64 = 0, low: UInt64 = 0
        var length: Int32
        var index: Int32
        var whole: Bool

        init(_ id: String, index: Int) {
            self.index = Int32(index)
            let bytes = id.utf8
            length = Int32(clamping: bytes.count)
            if let value = Self.wholeNumber(bytes) {
                low = value
                whole = true
                return
            }
            high = 1 << 56
            var count = 0
            for byte in bytes.prefix(15) {
                if count < 7 { high |= UInt64(byte) << (48 - 8 * UInt64(count)) } else { low |= UInt64(byte) << (56 - 8 * UInt64(count - 7)) }
                count += 1
            }
            whole = length <= 15
        }

        /// Digits only, no leading zero (but "0"), at most 19 of them.
        static func wholeNumber(_ bytes: String.UTF8View) -> UInt64? {
            guard !bytes.isEmpty, bytes.count <= 19, bytes.first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
            var value: UInt64 = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
            }
            return value
        }
    }
}
