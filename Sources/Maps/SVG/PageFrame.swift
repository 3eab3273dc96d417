import Access

/// Projects EPSG:28992 metres onto the page: a uniform scale (SVG units per
/// metre), with y flipped because SVG's y axis points down.
struct PageFrame {
    /// The RD extent shown, in metres.
    let extent: Envelope
    /// The map area on the page, in SVG units.
    let x: Double, y: Double, width: Double, height: Double
    let unitsPerMetre: Double

    /// Fits `data` (padded by 4 %) into a map area `width` wide; the height follows the aspect ratio.
    init(fitting data: Envelope, x: Double, y: Double, width: Double, maxHeight: Double) {
        let padX = max(data.width * 0.04, 500), padY = max(data.height * 0.04, 500)
        var e = Envelope(minX: data.minX - padX, minY: data.minY - padY, maxX: data.maxX + padX, maxY: data.maxY + padY)
        let scale = min(width / e.width, maxHeight / e.height)
        // Centre the data in the full width.
        let extraX = (width / scale - e.width) / 2
        e.minX -= extraX; e.maxX += extraX
        self.extent = e
        self.x = x; self.y = y
        self.width = width
        self.height = e.height * scale
        self.unitsPerMetre = scale
    }

    func page(_ c: Coordinate) -> (x: Double, y: Double) {
        (x + (c.x - extent.minX) * unitsPerMetre, y + (extent.maxY - c.y) * unitsPerMetre)
    }
}
