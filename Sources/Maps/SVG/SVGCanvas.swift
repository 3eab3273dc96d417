import Access

/// Builds SVG text element by element. Geometries are given in RD metres and
/// placed through the `PageFrame`.
struct SVGCanvas {
    private(set) var body = ""
    let frame: PageFrame
    private let thinner = DrawingThinner()

    init(frame: PageFrame) {
        self.frame = frame
        body.reserveCapacity(1 << 16)
    }

    mutating func raw(_ s: String) { body += s; body += "\n" }

    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        body += "<\(tag)\(Self.attributes(attributes))>\n"
    }

    mutating func close(_ tag: String) { body += "</\(tag)>\n" }

    mutating func element(_ tag: String, _ attributes: [(String, String)], text: String? = nil) {
        if let text {
            body += "<\(tag)\(Self.attributes(attributes))>\(Markup.escape(text))</\(tag)>\n"
        } else {
            body += "<\(tag)\(Self.attributes(attributes))/>\n"
        }
    }

    static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(Markup.escape($0.1))\"" }.joined()
    }

    /// Vertices closer than this to the kept outline are not drawn: half a
    /// pixel at the size the PNGs are drawn, invisible on screen and paper.
    static let thinningPixels = 0.5

    /// SVG path data for polygonal or linear geometry, thinned to what shows
    /// on the page (`DrawingThinner`); empty for points.
    func pathData(_ g: Geometry) -> String {
        var d = ""
        func ring(_ cs: [Coordinate], closed: Bool) {
            for (i, p) in cs.lazy.map(frame.page).enumerated() {
                d += (i == 0 ? "M" : "L") + Markup.number(p.x) + " " + Markup.number(p.y)
            }
            if closed { d += "Z" }
        }
        switch thinner.thinned(g, tolerance: Self.thinningPixels / frame.unitsPerMetre) {
        case .polygon(let rings): rings.forEach { ring($0, closed: true) }
        case .multiPolygon(let polys): polys.forEach { $0.forEach { ring($0, closed: true) } }
        case .lineString(let cs): ring(cs, closed: false)
        case .multiLineString(let ls): ls.forEach { ring($0, closed: false) }
        case .collection(let parts): d = parts.map(pathData).joined()
        case .point, .multiPoint: break
        }
        return d
    }

    mutating func path(_ g: Geometry, _ attributes: [(String, String)]) {
        path(data: pathData(g), attributes)
    }

    /// A path element with path data `d` (from `pathData`); nothing for empty data.
    mutating func path(data d: String, _ attributes: [(String, String)]) {
        guard !d.isEmpty else { return }
        // Path data is only letters, digits, '.', '-' and spaces: nothing to escape
        // (escaping it character by character was most of a catchment map's time).
        body += "<path d=\"" + d + "\"" + Self.attributes([("fill-rule", "evenodd")] + attributes) + "/>\n"
    }

    /// A point geometry (or a polygon's first coordinate's envelope centre) as a circle.
    mutating func circle(at c: Coordinate, radius: Double, _ attributes: [(String, String)]) {
        let p = frame.page(c)
        element("circle", [("cx", Markup.number(p.x)), ("cy", Markup.number(p.y)), ("r", Markup.number(radius))] + attributes)
    }
}

extension Geometry {
    /// A representative point for symbols: the point itself, else the envelope centre.
    var symbolPoint: Coordinate {
        if case .point(let c) = self { return c }
        let e = envelope
        return Coordinate(x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2)
    }
}
