import Access

/// Draws the output layers onto a canvas, one function per layer kind.
enum LayerDrawing {
    static func regions(_ canvas: inout SVGCanvas, _ layer: MapLayer?, fill: (MapFeature) -> String) {
        guard let layer else { return }
        canvas.open("g", [("id", "layer-regions")])
        for f in layer.features {
            canvas.path(f.geometry, [("fill", fill(f)), ("stroke", Palette.outline), ("stroke-width", "0.8")])
        }
        canvas.close("g")
    }

    /// Hatching and a heavy outline over regions with a designation (krimp/anticipeer).
    static func designations(_ canvas: inout SVGCanvas, _ layer: MapLayer?) {
        guard let layer else { return }
        canvas.open("g", [("id", "layer-designations")])
        for f in layer.features where !(f.text(RegionColumn.designation) ?? "").isEmpty {
            canvas.path(f.geometry, [("fill", "url(#designation-hatch)"), ("stroke", "#222"), ("stroke-width", "2")])
        }
        canvas.close("g")
    }

    static func regionLabels(_ canvas: inout SVGCanvas, _ layer: MapLayer?) {
        guard let layer else { return }
        canvas.open("g", [("id", "region-labels"), ("font-size", "11"), ("text-anchor", "middle"), ("fill", "#111"),
                          ("stroke", "white"), ("stroke-width", "3"), ("paint-order", "stroke"), ("stroke-linejoin", "round")])
        for f in layer.features {
            guard let name = f.text(RegionColumn.name) else { continue }
            let p = canvas.frame.page(labelPoint(f.geometry))
            canvas.element("text", [("x", Markup.number(p.x)), ("y", Markup.number(p.y))], text: name)
        }
        canvas.close("g")
    }

    /// The vertex-average of the largest polygon's shell: inside for the
    /// compact shapes of municipalities, cheaper than a pole of inaccessibility.
    static func labelPoint(_ g: Geometry) -> Coordinate {
        let shells: [[Coordinate]]
        switch g {
        case .polygon(let rings): shells = rings.prefix(1).map { $0 }
        case .multiPolygon(let polys): shells = polys.compactMap(\.first)
        default: return g.symbolPoint
        }
        guard let shell = shells.max(by: { shoelaceArea($0) < shoelaceArea($1) }), !shell.isEmpty else {
            return g.symbolPoint
        }
        let n = Double(shell.count)
        return Coordinate(x: shell.reduce(0) { $0 + $1.x } / n, y: shell.reduce(0) { $0 + $1.y } / n)
    }

    /// Path data of a diamond centred on (x, y), `size` from centre to each tip.
    static func diamond(x: Double, y: Double, size: Double) -> String {
        "M\(Markup.number(x)) \(Markup.number(y - size))L\(Markup.number(x + size)) \(Markup.number(y))L\(Markup.number(x)) \(Markup.number(y + size))L\(Markup.number(x - size)) \(Markup.number(y))Z"
    }

    static func shoelaceArea(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }

    static func populationRadius(_ frame: PageFrame) -> Double {
        min(4, max(1.3, 230 * frame.unitsPerMetre))
    }

    static func population(_ canvas: inout SVGCanvas, _ layer: MapLayer?, colour: (MapFeature) -> String) {
        guard let layer else { return }
        let r = populationRadius(canvas.frame)
        // Squares edge to edge: crisp edges, or anti-aliasing leaves hairline seams between them.
        let squares = layer.features.first?.geometry.isPolygonal ?? false
        canvas.open("g", [("id", "layer-population"), ("stroke", "none")] + (squares ? [("shape-rendering", "crispEdges")] : []))
        // Aggregated squares (population_cells.geojson): filled, no outline,
        // one path per colour with a square per subpath. The squares do not
        // overlap, so this paints the same pixels as a path per square, while
        // the SVG holds a few elements instead of one per square (at national
        // scale 160,000: rsvg-convert spent seconds per map on them).
        var colours: [String] = []
        var squaresOf: [String: String] = [:]
        for f in layer.features {
            if f.geometry.isPolygonal {
                let c = colour(f)
                if squaresOf[c] == nil { colours.append(c) }
                squaresOf[c, default: ""] += canvas.pathData(f.geometry)
            } else {
                canvas.circle(at: f.geometry.symbolPoint, radius: r, [("fill", colour(f))])
            }
        }
        for c in colours { canvas.path(data: squaresOf[c]!, [("fill", c)]) }
        canvas.close("g")
    }

    static func practiceRadius(fte: Double?) -> Double {
        3 + 2.6 * (max(fte ?? 0, 0)).squareRoot()
    }

    /// Practices by status, sized by GP FTE; largest drawn first so small ones stay visible.
    static func practices(_ canvas: inout SVGCanvas, _ layer: MapLayer?, opacity: Double = 0.9) {
        guard let layer else { return }
        canvas.open("g", [("id", "layer-practices"), ("stroke", "#222"), ("stroke-width", "0.7"), ("opacity", Markup.number(opacity))])
        for f in layer.features.sorted(by: { ($0.number(PracticeColumn.gpFTE) ?? 0) > ($1.number(PracticeColumn.gpFTE) ?? 0) }) {
            canvas.circle(at: f.geometry.symbolPoint, radius: practiceRadius(fte: f.number(PracticeColumn.gpFTE)),
                          [("fill", Palette.practiceStatus(written: f.text(PracticeColumn.status) ?? PracticeStatus.unknown.rawValue))])
        }
        canvas.close("g")
    }

    static func catchments(_ canvas: inout SVGCanvas, _ layer: MapLayer?) {
        guard let layer else { return }
        canvas.open("g", [("id", "layer-catchments"), ("fill", "none"), ("stroke", Palette.blue), ("stroke-width", "1"), ("stroke-dasharray", "4 2")])
        // Thinning the catchments (GEOS) is most of this map's drawing: the
        // paths are made on all threads, each worker with a canvas (and GEOS
        // context) of its own, and added in order.
        let frame = canvas.frame
        let paths = parallelMap(count: layer.features.count, minPerWorker: 8, state: { SVGCanvas(frame: frame) }) { worker, i in
            worker.pathData(layer.features[i].geometry)
        }
        for d in paths { canvas.path(data: d, []) }
        canvas.close("g")
    }

    static func sites(_ canvas: inout SVGCanvas, _ layer: MapLayer?) {
        guard let layer else { return }
        canvas.open("g", [("id", "layer-sites"), ("stroke", "#111"), ("stroke-width", "1.2")])
        for f in layer.features {
            let colour = Palette.verdict(written: f.text(SiteColumn.verdict) ?? "")
            if f.geometry.isPolygonal {
                canvas.path(f.geometry, [("fill", colour), ("fill-opacity", "0.85")])
            }
            // A marker as well, so small sites stay visible at province scale.
            let p = canvas.frame.page(f.geometry.symbolPoint)
            canvas.element("path", [("d", diamond(x: p.x, y: p.y, size: 9)), ("fill", colour), ("stroke-width", "2")])
        }
        canvas.close("g")
    }
}
