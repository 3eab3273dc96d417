import Foundation
import Geo

/// Streams an RFC 7946 FeatureCollection of points, polygons (or features
/// without geometry) in the bytes GDAL 3.6's GeoJSON driver writes with
/// `RFC7946=YES`, `COORDINATE_PRECISION=7`, `WRITE_BBOX=NO`: no `crs` member,
/// lon/lat, seven decimals, the same layout, escaping and number text
/// (`GDALNumberText`); polygons with OGR's ring orientation
/// (`GeoJSONPolygonText`).
///
/// GDAL formats each feature through a json-c object tree (about 50,000
/// features per second here); this writes the text directly.
final class GeoJSONStreamWriter {
    private let sink: ByteSink
    let text: GeoJSONFeatureText
    private(set) var features = 0

    init(path: String, layerName: String, fields: [FieldDefinition]) throws {
        sink = try ByteSink(path: path)
        text = GeoJSONFeatureText(fields: fields)
        var header = Array("{\n\"type\": \"FeatureCollection\",\n\"name\": \"".utf8)
        // The collection's name goes through json-c's default flags, which escape '/'.
        JSONEscaping.append(layerName, to: &header, escapeSlash: true)
        header += Array("\",\n\"features\": [\n".utf8)
        try sink.bytes(header)
    }

    /// Appends `count` features formatted elsewhere by `text` (in order, the
    /// first of the file with `first: true`).
    func append(formatted bytes: FormattedBytes, count: Int) throws {
        try sink.block(bytes)
        features += count
    }

    func close() throws {
        try sink.ascii("\n]\n}\n")
        try sink.close()
    }
}

/// A block's geometries in WGS84 as `GeoJSONFeatureText` writes them (nil:
/// a feature without geometry), indexed by the block's row.
enum FeatureGeometries {
    case points([Coordinate?])
    /// Geometries `GeoJSONPolygonText.isWritable` accepts.
    case polygons(ArraySlice<Geometry?>)
}

/// The text of one GeoJSON feature as GDAL writes it; a value type, so
/// chunks of features can be formatted on several cores at once.
struct GeoJSONFeatureText: Sendable {
    let fields: [FieldDefinition]
    private let types: [FieldType]
    /// The text before each field's value, escaped once, in one buffer:
    /// `{ "type": "Feature", "properties": { "name": ` for the first field,
    /// `, "name": ` for the others (`prefixEnds[i]` ends field i's).
    private let prefixes: [UInt8]
    private let prefixEnds: [Int]

    init(fields: [FieldDefinition]) {
        self.fields = fields
        types = fields.map(\.type)
        var bytes = [UInt8](), ends = [Int]()
        for (i, f) in fields.enumerated() {
            bytes += Array((i == 0 ? "{ \"type\": \"Feature\", \"properties\": { \"" : ", \"").utf8)
            JSONEscaping.append(f.name, to: &bytes, escapeSlash: false)
            bytes += Array("\": ".utf8)
            ends.append(bytes.count)
        }
        prefixes = bytes
        prefixEnds = ends
    }

    /// Null and non-finite values are written as JSON null, as OGR does.
    func write(_ values: [FieldValue], geometries: FeatureGeometries?, row r: Int, first: Bool, into sink: ByteSink) throws {
        precondition(values.count == fields.count, "value count must match the layer's fields")
        if !first { try sink.ascii(",\n") }
        if values.isEmpty {
            try sink.ascii("{ \"type\": \"Feature\", \"properties\": { }, \"geometry\": ")
        } else {
            try prefixes.withUnsafeBufferPointer { all in
                var start = 0
                for (i, value) in values.enumerated() {
                    let end = prefixEnds[i]
                    try sink.bytes(UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end
                    try writeValue(value, type: types[i], into: sink)
                }
            }
            try sink.ascii(" }, \"geometry\": ")
        }
        try geometry(geometries, r, into: sink)
    }

    /// The columns' typed cells ready for this format (`OutputTable.typedCells`).
    func prepare(_ cells: [ColumnCell<Int>]) throws -> [PreparedCell] {
        try cells.map { try PreparedCell($0) { s, sink in try string(s, into: sink); return false } }
    }

    /// Writes the block's rows from their typed cells, with the block's row
    /// r's geometry from `geometries`: the bytes
    /// `write(_:geometries:row:first:into:)` writes for the rows' values.
    func write(_ block: CellBlock, geometries: FeatureGeometries?, into sink: ByteSink) throws {
        precondition(block.columnCount == fields.count, "cell count must match the layer's fields")
        try block.read { cells in
            try prefixes.withUnsafeBufferPointer { all in
                for r in 0..<block.rows.count {
                    if block.rows.lowerBound + r != 0 { try sink.ascii(",\n") }
                    if fields.isEmpty {
                        try sink.ascii("{ \"type\": \"Feature\", \"properties\": { }, \"geometry\": ")
                    } else {
                        var start = 0
                        for k in 0..<fields.count {
                            let end = prefixEnds[k]
                            try sink.bytes(UnsafeBufferPointer(rebasing: all[start..<end]))
                            start = end
                            switch cells.cell(k, r) {
                            case .null: try sink.ascii("null")
                            case .text(let s): try string(s, into: sink)
                            case .rendered(let texts, let t): _ = try texts.write(t, into: sink)
                            case .number(let v): try GDALNumberText.geoJSONReal(v, into: sink)
                            }
                        }
                        try sink.ascii(" }, \"geometry\": ")
                    }
                    try geometry(geometries, r, into: sink)
                }
            }
        }
    }

    /// The block's row r's geometry and the feature's closing brace.
    @inline(__always)
    private func geometry(_ geometries: FeatureGeometries?, _ r: Int, into sink: ByteSink) throws {
        switch geometries {
        case .points(let points)?:
            try geometry(points[r], into: sink)
        case .polygons(let shapes)?:
            if let shape = shapes[shapes.startIndex + r] {
                try GeoJSONPolygonText.write(shape, into: sink)
                try sink.ascii(" }")
            } else {
                try sink.ascii("null }")
            }
        case nil:
            try sink.ascii("null }")
        }
    }

    private func geometry(_ point: Coordinate?, into sink: ByteSink) throws {
        if let point {
            try sink.ascii("{ \"type\": \"Point\", \"coordinates\": [ ")
            try GDALNumberText.coordinate(point.x, into: sink)
            try sink.ascii(", ")
            try GDALNumberText.coordinate(point.y, into: sink)
            try sink.ascii(" ] } }")
        } else {
            try sink.ascii("null }")
        }
    }

    private func writeValue(_ value: FieldValue, type: FieldType, into sink: ByteSink) throws {
        switch (value, type) {
        case (.null, _):
            try sink.ascii("null")
        case (.boolean(let b), _):
            try sink.ascii(b ? "true" : "false")
        case (.integer(let n), .boolean):
            try sink.ascii(n != 0 ? "true" : "false")
        case (.integer(let n), .string):
            try string(String(n), into: sink)
        case (.real(let d), .string) where d.isFinite:
            try string(GDALNumberText.printf("%.15g", d), into: sink)
        case (.integer(let n), .real):
            try GDALNumberText.geoJSONReal(Double(n), into: sink)
        case (.integer(let n), _):
            try sink.bytes(Array(String(n).utf8))
        case (.real(let d), _) where !d.isFinite:
            try sink.ascii("null")
        case (.real(let d), .integer):
            try sink.bytes(Array(String(Int64(d.rounded(.towardZero).clamped(-9.2e18, 9.2e18))).utf8))
        case (.real(let d), .boolean):
            try sink.ascii(d != 0 ? "true" : "false")
        case (.real(let d), _):
            try GDALNumberText.geoJSONReal(d, into: sink)
        case (.string(let s), _):
            try string(s, into: sink)
        }
    }

    private func string(_ s: String, into sink: ByteSink) throws {
        var s = s
        try s.withUTF8 { utf8 in
            try sink.byte(34)
            var plain = true
            for b in utf8 where b < 32 || b == 34 || b == 92 { plain = false; break }
            if plain {
                try sink.bytes(utf8)
            } else {
                var escaped = [UInt8]()
                JSONEscaping.append(utf8, to: &escaped, escapeSlash: false)
                try sink.bytes(escaped)
            }
            try sink.byte(34)
        }
    }
}

/// json-c's string escaping (`json_escape_str`): `"` `\` and control
/// characters; `/` only with json-c's default flags.
enum JSONEscaping {
    static func append(_ s: String, to out: inout [UInt8], escapeSlash: Bool) {
        var copy = s
        copy.withUTF8 { append($0, to: &out, escapeSlash: escapeSlash) }
    }

    static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], escapeSlash: Bool) {
        let hex = Array("0123456789abcdef".utf8)
        for b in utf8 {
            switch b {
            case 8: out += [92, 98]
            case 9: out += [92, 116]
            case 10: out += [92, 110]
            case 12: out += [92, 102]
            case 13: out += [92, 114]
            case 34: out += [92, 34]
            case 92: out += [92, 92]
            case 47 where escapeSlash: out += [92, 47]
            case 0..<32: out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
