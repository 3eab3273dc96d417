import Foundation

/// The parts every map carries: title, legend, scale bar, north arrow and
/// attribution. Each is a group with an id so tests and readers can find it.
enum MapFurniture {
    static let font = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""

    static func title(_ canvas: inout SVGCanvas, title: String, subtitle: String, x: Double) {
        canvas.open("g", [("id", "title")])
        canvas.element("text", [("x", Markup.number(x)), ("y", "34"), ("font-size", "20"), ("font-weight", "bold")], text: title)
        canvas.element("text", [("x", Markup.number(x)), ("y", "58"), ("font-size", "13"), ("fill", "#333")], text: subtitle)
        canvas.close("g")
    }

    /// Draws the legend sections from (x, y) down; returns the y below the last entry.
    @discardableResult
    static func legend(_ canvas: inout SVGCanvas, _ sections: [Legend], x: Double, y: Double) -> Double {
        var cy = y
        canvas.open("g", [("id", "legend"), ("class", "legend")])
        for section in sections {
            for line in MapDocument.wrap(section.title, width: 32) {
                canvas.element("text", [("x", Markup.number(x)), ("y", Markup.number(cy + 12)), ("font-size", "13"), ("font-weight", "bold")], text: line)
                cy += 17
            }
            if !section.title.isEmpty { cy += 5 }
            for entry in section.entries {
                let rowHeight = symbol(&canvas, entry.symbol, x: x, y: cy)
                canvas.element("text", [("x", Markup.number(x + 30)), ("y", Markup.number(cy + rowHeight / 2 + 4)), ("font-size", "12")], text: entry.label)
                cy += rowHeight + 6
            }
            cy += 12
        }
        canvas.close("g")
        return cy
    }

    /// Draws one legend symbol in a 22-unit-wide cell; returns its height.
    private static func symbol(_ canvas: inout SVGCanvas, _ symbol: Legend.Symbol, x: Double, y: Double) -> Double {
        switch symbol {
        case .fill(let colour):
            canvas.element("rect", [("x", Markup.number(x)), ("y", Markup.number(y)), ("width", "22"), ("height", "14"), ("fill", colour), ("stroke", Palette.outline), ("stroke-width", "0.6")])
            return 14
        case .hatch:
            canvas.element("rect", [("x", Markup.number(x)), ("y", Markup.number(y)), ("width", "22"), ("height", "14"), ("fill", "url(#designation-hatch)"), ("stroke", "#222"), ("stroke-width", "1.2")])
            return 14
        case .diamond(let colour):
            canvas.element("path", [("d", LayerDrawing.diamond(x: x + 11, y: y + 8, size: 8)), ("fill", colour), ("stroke", "#111"), ("stroke-width", "1.5")])
            return 16
        case .circle(let fill, let radius):
            let r = min(radius, 11)
            canvas.element("circle", [("cx", Markup.number(x + 11)), ("cy", Markup.number(y + r)), ("r", Markup.number(r)), ("fill", fill), ("stroke", "#222"), ("stroke-width", "0.6")])
            return max(2 * r, 10)
        case .line(let colour, let dash, let width):
            var a = [("x1", Markup.number(x)), ("y1", Markup.number(y + 7)), ("x2", Markup.number(x + 22)), ("y2", Markup.number(y + 7)), ("stroke", colour), ("stroke-width", Markup.number(width))]
            if let dash { a.append(("stroke-dasharray", dash)) }
            canvas.element("line", a)
            return 14
        }
    }

    /// Bar lengths tried, in km: the longest that fits in a quarter of the map width is used.
    static let scaleSteps: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500]

    static func scaleBarKm(frame: PageFrame) -> Double {
        let maxKm = frame.width / 4 / frame.unitsPerMetre / 1000
        return scaleSteps.last { $0 <= maxKm } ?? scaleSteps[0]
    }

    static func scaleBar(_ canvas: inout SVGCanvas, frame: PageFrame) {
        let km = scaleBarKm(frame: frame)
        let length = km * 1000 * frame.unitsPerMetre
        let x = frame.x + 16, y = frame.y + frame.height - 30
        let label = km < 1 ? "\(Int(km * 1000)) m" : "\(Markup.number(km)) km"
        canvas.open("g", [("id", "scale-bar"), ("data-km", Markup.number(km))])
        canvas.element("rect", [("x", Markup.number(x - 6)), ("y", Markup.number(y - 18)), ("width", Markup.number(length + 46)), ("height", "32"), ("fill", "white"), ("fill-opacity", "0.85")])
        // Two halves, black and white, the usual cartographic bar.
        canvas.element("rect", [("id", "scale-bar-length"), ("x", Markup.number(x)), ("y", Markup.number(y)), ("width", String(length)), ("height", "6"), ("fill", "white"), ("stroke", "#111"), ("stroke-width", "1")])
        canvas.element("rect", [("x", Markup.number(x)), ("y", Markup.number(y)), ("width", String(length / 2)), ("height", "6"), ("fill", "#111")])
        canvas.element("text", [("x", Markup.number(x)), ("y", Markup.number(y - 4)), ("font-size", "11")], text: "0")
        canvas.element("text", [("x", Markup.number(x + length)), ("y", Markup.number(y - 4)), ("font-size", "11"), ("text-anchor", "middle")], text: label)
        canvas.close("g")
    }

    /// Grid north of RD New; true north differs by under 2° in the Netherlands.
    static func northArrow(_ canvas: inout SVGCanvas, frame: PageFrame) {
        let cx = frame.x + frame.width - 30, top = frame.y + 14
        canvas.open("g", [("id", "north-arrow")])
        canvas.element("circle", [("cx", Markup.number(cx)), ("cy", Markup.number(top + 22)), ("r", "20"), ("fill", "white"), ("fill-opacity", "0.85")])
        canvas.element("path", [("d", "M\(Markup.number(cx)) \(Markup.number(top + 4))L\(Markup.number(cx + 9)) \(Markup.number(top + 34))L\(Markup.number(cx)) \(Markup.number(top + 27))Z"), ("fill", "#111")])
        canvas.element("path", [("d", "M\(Markup.number(cx)) \(Markup.number(top + 4))L\(Markup.number(cx - 9)) \(Markup.number(top + 34))L\(Markup.number(cx)) \(Markup.number(top + 27))Z"), ("fill", "white"), ("stroke", "#111"), ("stroke-width", "1")])
        canvas.element("text", [("x", Markup.number(cx)), ("y", Markup.number(top + 52)), ("font-size", "12"), ("font-weight", "bold"), ("text-anchor", "middle")], text: "N")
        canvas.close("g")
    }

    static func attribution(_ canvas: inout SVGCanvas, lines: [String], x: Double, y: Double) {
        canvas.open("g", [("id", "attribution")])
        for (i, line) in lines.enumerated() {
            canvas.element("text", [("x", Markup.number(x)), ("y", Markup.number(y + Double(i) * 15)), ("font-size", "10.5"), ("fill", "#333")], text: line)
        }
        canvas.close("g")
    }
}
