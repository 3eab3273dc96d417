/// Literal search and replace on UTF-8 bytes, for large generated SVG text.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `bytes`.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `bytes` with every non-overlapping occurrence of `needle` (left to
    /// right) replaced by `replacement`.
    static func replacingAll(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard var next = firstIndex(of: needle, in: bytes) else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 64)
        var copied = 0
        while true {
            out.append(contentsOf: bytes[copied..<next])
            out.append(contentsOf: replacement)
            copied = next + needle.count
            guard let n = firstIndex(of: needle, in: bytes, from: copied) else { break }
            next = n
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }
}
