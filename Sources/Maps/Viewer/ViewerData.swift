import Access

/// The data embedded in viewer.html as JSON: every layer in Web Mercator
/// (EPSG:3857) metres, rounded to 1 m, so a user's tile layer lines up.
/// Layers are columnar (`fields` once, then `rows`) to keep the file small.
enum ViewerData {
    /// Population layers larger than this are thinned to every k-th point.
    static let maxPopulationPoints = 50_000

    /// Layers whose rows and geometries are embedded apart (`parts`) and
    /// parsed, and drawn, only when the layer is first switched on: the
    /// population, off at first, is most of a national page's data.
    static let deferredLayers: Set<String> = ["population"]

    /// The page's data (a deferred layer carries only its `fields` and
    /// `"deferred": true`) and, per deferred layer present, that layer's rows
    /// and geometries as a JSON object of their own.
    static func parts(_ folder: OutputFolder) throws -> (main: String, deferred: [(name: String, json: String)]) {
        let toMercator = try WebMercator()
        var layers = [(String, String)]()
        var deferred: [(name: String, json: String)] = []
        var note = folder.populationAggregation.map { JSONText.string("Population: " + $0.description + ".") } ?? "null"
        for layer in folder.layers {
            var features = layer.features
            if layer.name == "population", folder.populationAggregation == nil, features.count > maxPopulationPoints {
                let stride = (features.count + maxPopulationPoints - 1) / maxPopulationPoints
                features = Swift.stride(from: 0, to: features.count, by: stride).map { features[$0] }
                note = JSONText.string("Population: showing \(features.count) of \(layer.features.count) points (every \(stride)th) to keep this page small; the maps and tables use all points.")
            }
            let encoded = try encode(layer, features)
            if deferredLayers.contains(layer.name) {
                layers.append((layer.name, JSONText.object([("fields", encoded.fields), ("deferred", "true")])))
                deferred.append((layer.name, JSONText.object([("rows", encoded.rows), ("geometries", encoded.geometries)])))
            } else {
                layers.append((layer.name, JSONText.object([("fields", encoded.fields), ("rows", encoded.rows), ("geometries", encoded.geometries)])))
            }
        }
        let rd = folder.envelope
        let extent = try toMercator.project(.lineString([Coordinate(x: rd.minX, y: rd.minY), Coordinate(x: rd.maxX, y: rd.maxY)])).envelope
        let caption = MapCaption(run: folder.run)
        let main = JSONText.object([
            ("title", JSONText.string(caption.isSynthetic ? "GP access — SYNTHETIC example data" : "GP access")),
            ("dataLine", JSONText.string(caption.dataLine)),
            ("attribution", JSONText.string(caption.attribution)),
            ("synthetic", caption.isSynthetic ? "true" : "false"),
            ("decimationNote", note),
            ("extent", JSONText.array([extent.minX, extent.minY, extent.maxX, extent.maxY].map { JSONText.number($0.rounded()) })),
            ("styles", styles),
            ("layers", JSONText.object(layers)),
        ])
        return (main, deferred)
    }

    /// The layer's fields, rows and geometries as JSON; the features on all
    /// threads, each worker with a projection of its own.
    static func encode(_ layer: MapLayer, _ features: [MapFeature]) throws -> (fields: String, rows: String, geometries: String) {
        let encoded = try parallelMap(count: features.count, minPerWorker: 64, state: { try WebMercator() }) { mercator, i in
            (JSONText.array(layer.fieldNames.map { JSONText.value(features[i].properties[$0]) }),
             geometry(try mercator.project(features[i])))
        }
        return (JSONText.array(layer.fieldNames.map(JSONText.string)), "[\n" + encoded.map(\.0).joined(separator: ",\n") + "]",
                "[\n" + encoded.map(\.1).joined(separator: ",\n") + "]")
    }

    /// A point as [x, y]; anything else as {"rings": [[x0, y0, x1, y1, ...], ...]}
    /// (polygon rings drawn with the even-odd rule, so holes stay holes).
    static func geometry(_ g: Geometry) -> String {
        func flat(_ cs: [Coordinate]) -> String {
            "[" + cs.map { String(Int64($0.x.rounded())) + "," + String(Int64($0.y.rounded())) }.joined(separator: ",") + "]"
        }
        switch g {
        case .point(let c): return "[\(Int64(c.x.rounded())),\(Int64(c.y.rounded()))]"
        case .polygon(let rings): return "{\"rings\":[" + rings.map(flat).joined(separator: ",") + "]}"
        case .multiPolygon(let polys): return "{\"rings\":[" + polys.flatMap { $0.map(flat) }.joined(separator: ",") + "]}"
        case .lineString(let cs): return "{\"lines\":[" + flat(cs) + "]}"
        case .multiLineString(let ls): return "{\"lines\":[" + ls.map(flat).joined(separator: ",") + "]}"
        default:
            let c = g.symbolPoint
            return "[\(Int64(c.x.rounded())),\(Int64(c.y.rounded()))]"
        }
    }

    /// Colours and classes, shared with the SVG maps so both read the same.
    static var styles: String {
        func classes(_ c: ClassBreaks) -> String {
            JSONText.object([("bounds", JSONText.array(c.upperBounds.map(JSONText.number))),
                             ("colours", JSONText.array(c.colours.map(JSONText.string))),
                             ("labels", JSONText.array(c.labels.map(JSONText.string)))])
        }
        return JSONText.object([
            ("distanceKm", classes(.distanceKm)), ("meanDistanceKm", classes(.meanDistanceKm)), ("travelMinutes", classes(.travelMinutes)),
            ("flagged", JSONText.string(Palette.vermillion)), ("neutral", JSONText.string(Palette.regionNeutral)),
            ("noData", JSONText.string(Palette.grey)), ("catchment", JSONText.string(Palette.blue)),
            ("status", JSONText.object(PracticeStatus.allCases.map { ($0.rawValue, JSONText.string(Palette.practiceStatus($0))) })),
            ("verdict", JSONText.object(Palette.verdicts.map { ($0.rawValue, JSONText.string(Palette.verdict($0))) })),
        ])
    }
}
