/// Morton (Z-order) codes: the bits of a grid cell's two coordinates
/// interleaved, x in the even bits. Cells near each other get nearby codes,
/// so work or storage sorted by code keeps neighbours in space together in
/// memory (the graph's node numbering, the points' snapping order, the
/// eligible searches' practice order).
enum MortonCode {
    /// The code of grid cell (x, y), each below 65,536 (higher bits are dropped).
    @inline(__always)
    static func of(x: UInt64, y: UInt64) -> UInt64 { spread(x) | spread(y) << 1 }

    /// The low 16 bits of `v` spread to the even bit positions.
    @inline(__always)
    static func spread(_ v: UInt64) -> UInt64 {
        var x = v & 0xFFFF
        x = (x | x << 8) & 0x00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F
        x = (x | x << 2) & 0x3333_3333
        return (x | x << 1) & 0x5555_5555
    }
}
