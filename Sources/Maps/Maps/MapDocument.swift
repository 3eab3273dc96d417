import Access

/// Lays out one map page: title on top, the map on the left, the legend on
/// the right, the attribution below; the layers are drawn by `drawLayers`.
struct MapDocument {
    static let pageWidth = 1100.0
    static let mapWidth = 760.0
    static let mapLeft = 20.0
    static let mapTop = 76.0

    var id: String
    var title: String
    var legend: [Legend]

    func render(extent: Envelope, caption: MapCaption, drawLayers: (inout SVGCanvas) -> Void) -> String {
        let frame = PageFrame(fitting: extent, x: Self.mapLeft, y: Self.mapTop, width: Self.mapWidth, maxHeight: 900)
        var canvas = SVGCanvas(frame: frame)
        let legendX = Self.mapLeft + Self.mapWidth + 24
        canvas.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])
        canvas.raw(Self.definitions)
        MapFurniture.title(&canvas, title: title, subtitle: caption.dataLine, x: Self.mapLeft)

        canvas.open("g", [("id", "map")])
        canvas.element("rect", [("id", "map-area"), ("x", Markup.number(frame.x)), ("y", Markup.number(frame.y)),
                                ("width", String(frame.width)), ("height", String(frame.height)),
                                ("data-rd-extent", "\(frame.extent.minX) \(frame.extent.minY) \(frame.extent.maxX) \(frame.extent.maxY)"),
                                ("fill", Palette.background), ("stroke", "#888")])
        canvas.raw("<clipPath id=\"map-clip\"><rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\"/></clipPath>")
        canvas.open("g", [("clip-path", "url(#map-clip)")])
        drawLayers(&canvas)
        canvas.close("g")
        MapFurniture.scaleBar(&canvas, frame: frame)
        MapFurniture.northArrow(&canvas, frame: frame)
        canvas.close("g")

        let legendBottom = MapFurniture.legend(&canvas, legend, x: legendX, y: Self.mapTop)
        let lines = Self.wrap(caption.attribution + " · Projection: RD New (EPSG:28992)", width: 150)
        let attributionY = max(frame.y + frame.height, legendBottom) + 22
        MapFurniture.attribution(&canvas, lines: lines, x: Self.mapLeft, y: attributionY)
        let height = attributionY + Double(lines.count) * 15 + 8

        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" id="\(Markup.escape(id))" width="\(Markup.number(Self.pageWidth))" height="\(Markup.number(height))" viewBox="0 0 \(Markup.number(Self.pageWidth)) \(Markup.number(height))" \(MapFurniture.font)>
        <title>\(Markup.escape(title))</title>
        \(canvas.body)</svg>

        """
    }

    static let definitions = """
    <defs><pattern id="designation-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="7" stroke="#222" stroke-width="1.4" stroke-opacity="0.55"/></pattern></defs>
    """

    /// Splits text at spaces into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines = [String](), current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
