import Geo

/// One feature of an output file read back (`OutputFolderReader`), in EPSG:28992 (RD New) metres, with its
/// properties by name.
public struct MapFeature: Sendable {
    public var geometry: Geometry
    public var properties: [String: FieldValue]
    /// The geometry as its GeoJSON file holds it (WGS84 lon/lat), when it
    /// came from one: the viewer projects it to Web Mercator without the
    /// datum shift from RD New.
    public var wgs84: Geometry?

    public init(geometry: Geometry, properties: [String: FieldValue], wgs84: Geometry? = nil) {
        self.geometry = geometry
        self.properties = properties
        self.wgs84 = wgs84
    }

    /// A field by its name as read (a layer's `fieldNames`); a reader that
    /// knows the column asks by its `ColumnName`.
    public func number(field name: String) -> Double? {
        switch properties[name] {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    public func text(field name: String) -> String? { properties[name]?.text }

    public func number(_ column: ColumnName) -> Double? { number(field: column.text) }
    public func text(_ column: ColumnName) -> String? { text(field: column.text) }
    public func flag(_ column: ColumnName) -> Bool { flag(field: column.text) }

    /// True for `true`, `1`, `yes`; GeoJSON booleans arrive through OGR as 0/1 integers.
    public func flag(field name: String) -> Bool {
        switch properties[name] {
        case .boolean(let b): return b
        case .integer(let i): return i != 0
        case .real(let d): return d != 0
        case .string(let s): return ["true", "1", "yes"].contains(s.lowercased())
        default: return false
        }
    }
}

/// The features of one output file, with its field names in file order.
public struct MapLayer: Sendable {
    public var name: String
    public var fileName: String
    public var fieldNames: [String]
    public var features: [MapFeature]

    public init(name: String, fileName: String, fieldNames: [String], features: [MapFeature]) {
        self.name = name
        self.fileName = fileName
        self.fieldNames = fieldNames
        self.features = features
    }

    public func has(field: String) -> Bool { fieldNames.contains(field) }
    public func has(_ column: ColumnName) -> Bool { has(field: column.text) }

    public var envelope: Envelope {
        var e = Envelope.empty
        for f in features { e.expand(toInclude: f.geometry.envelope) }
        return e
    }
}
