import Foundation
import Geo

/// What a reader needs from each feature's place.
enum PlaceNeed {
    /// A point in EPSG:28992; polygons are reduced to their point on surface.
    case point
    /// The geometry itself in EPSG:28992 (regions, housing sites).
    case shape
    /// A point when the feature has one, else none (practices to geocode).
    case pointIfAny
    /// No place at all (a table joined to geometry by key).
    case none
}

/// A field to read: its index (nil: absent) and, for numbers, their kind.
struct FieldPick {
    var index: Int?
    var number: NumberKind?

    static func text(_ index: Int?) -> FieldPick { FieldPick(index: index, number: nil) }
    static func count(_ index: Int?) -> FieldPick { FieldPick(index: index, number: .count) }
    static func measure(_ index: Int?) -> FieldPick { FieldPick(index: index, number: .measure) }
}

/// One feature reduced to what a model needs: one value per pick (number
/// picks hold `.real`, `.null`, or `.string` with text that is not a number
/// in the column's format) and its place in EPSG:28992.
struct ReadRow {
    var position: Int
    var values: [FieldValue]
    var point: Coordinate?
    var shape: Geometry?

    /// The pick's text, nil when absent or empty.
    func text(_ k: Int) -> String? {
        guard let t = values[k].text, !t.isEmpty else { return nil }
        if t.utf8.first != 0x20 && t.utf8.last != 0x20 && t.utf8.first != 0x09 && t.utf8.last != 0x09 { return t }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    enum Number { case missing, value(Double), invalid(String) }

    /// A number pick's value.
    func number(_ k: Int) -> Number {
        switch values[k] {
        case .null: return .missing
        case .integer(let i): return .value(Double(i))
        case .real(let d): return d.isFinite ? .value(d) : .invalid(String(d))
        case .boolean(let b): return .value(b ? 1 : 0)
        case .string(let s): return s.trimmingCharacters(in: .whitespaces).isEmpty ? .missing : .invalid(s)
        }
    }
}

/// One feature as read (the shape the housing-site and plan readers use).
struct RawFeature {
    var position: Int
    var values: [FieldValue]
    var point: Coordinate?
    var shape: Geometry?
}

/// Reads a layer as a stream: decides each text-valued number column's
/// format from all its values (a first pass over those columns only), then
/// reads the features, reprojects them to EPSG:28992 in chunks and hands each
/// one, reduced to the picked values and its place, to the caller. Memory
/// holds one chunk of raw features, never the whole file. Features without
/// a usable place are skipped and counted.
struct LayerReader {
    let role: String
    let path: String
    let layerName: String?
    let crsOverride: String?
    let strict: Bool
    var forceCRS: String? = nil
    var decimalSeparator: DecimalSeparator? = nil
    var xField: String? = nil
    var yField: String? = nil
    /// Skips and warnings of this read; callers add their own while streaming.
    let log: SkipLog

    static let chunkSize = 65_536

    init(role: String, path: String, layerName: String?, crsOverride: String?, strict: Bool) {
        self.role = role
        self.path = path
        self.layerName = layerName
        self.crsOverride = crsOverride
        self.strict = strict
        log = SkipLog(path: path, strict: strict)
    }

    init(role: String, path: String, layerName: String?, options: InputOptions) {
        self.init(role: role, path: path, layerName: layerName, crsOverride: options.crs, strict: options.strict)
        forceCRS = options.forceCRS
        decimalSeparator = options.decimalSeparator
        xField = options.xField
        yField = options.yField
    }

    struct Result {
        var features: [RawFeature] = []
        var fieldNames: [String]
        var layer: String
        var driver: String
        var crs: String
        var crsSource: String
        var total: Int
        var log: SkipLog
        /// Number format used per text-valued number column (and "typed").
        var numberFormats: [String: String]
        /// The coordinate columns used, when the layer has no geometry.
        var coordinateFields: (x: String, y: String)?
    }

    /// Column names tried for coordinates when a layer has no geometry
    /// (case-insensitive; `*` matches any prefix or suffix).
    static let xCandidates = ["x", "lon", "lng", "long", "longitude", "lengtegraad", "x_coordinaat", "xcoordinaat",
                              "x_coord", "xcoord", "coord_x", "x_rd", "rd_x", "x_rdnew", "x_28992", "*_lon", "*_lng",
                              "*_longitude", "lon_*", "longitude_*", "*_x"]
    static let yCandidates = ["y", "lat", "latitude", "breedtegraad", "y_coordinaat", "ycoordinaat",
                              "y_coord", "ycoord", "coord_y", "y_rd", "rd_y", "y_rdnew", "y_28992", "*_lat",
                              "*_latitude", "lat_*", "latitude_*", "*_y"]

    /// Streams the layer. `pick` chooses the fields, given the layer's names;
    /// `body` gets every usable feature in file order.
    func stream(pick: (FieldResolver) throws -> [FieldPick], place: PlaceNeed, progress: Progress? = nil,
                _ body: (ReadRow) throws -> Void) throws -> Result {
        let source = try VectorSource(path: path, coordinateColumns: false)
        let layer = try layerName.map { try source.layer(named: $0) } ?? source.layer(0)
        let names = layer.fields.map(\.name)
        if layer.featureCountIfFast == 0 { throw InputError.emptyLayer(path: path, layer: layer.name) }
        let resolver = FieldResolver(path: path, fieldNames: names)
        let picks = try pick(resolver)
        let log = self.log

        // Coordinates from columns when the layer has no geometry.
        let useGeometry = layer.hasGeometryField && place != .none
        var xy: (Int, Int)?
        if !layer.hasGeometryField && place != .none {
            xy = try coordinateColumns(resolver, required: place != .pointIfAny)
        }
        let xyPicks: [FieldPick] = xy.map { [.measure($0.0), .measure($0.1)] } ?? []
        let allPicks = picks + xyPicks

        // Fields to read, each once; each pick's slot among them.
        var wanted: [Int] = []
        let slots: [Int?] = allPicks.map { p in
            guard let i = p.index else { return nil }
            if let k = wanted.firstIndex(of: i) { return k }
            wanted.append(i)
            return wanted.count - 1
        }

        // Pass 1: the format of every text-valued number column.
        var formats: [Int: DecimalSeparator] = [:]
        var described: [String: String] = [:]
        var evidence: [Int: NumberEvidence] = [:]
        for p in allPicks {
            guard let i = p.index, let kind = p.number else { continue }
            if layer.fields[i].type == .string {
                if evidence[i] == nil || kind == .measure { evidence[i] = NumberEvidence(field: names[i], kind: kind) }
            } else {
                described[names[i]] = "typed number (not re-parsed)"
            }
        }
        if !evidence.isEmpty {
            let columns = evidence.keys.sorted()
            try layer.forEach(fields: columns, geometry: false) { position, _, values, _ in
                if position % 200_000 == 0 { progress?.update("checking number formats in \(role)", done: position, total: layer.featureCountIfFast) }
                for (k, i) in columns.enumerated() {
                    if case .string(let s) = values[k] { evidence[i]!.add(s) }
                }
            }
            for i in columns {
                let (format, description) = try evidence[i]!.decide(path: path, option: decimalSeparator)
                formats[i] = format
                described[names[i]] = description
            }
        }

        // Pass 2: features, reduced and reprojected chunk by chunk.
        var stream = ChunkStream(reader: self, layerCRS: layer.crs, place: place, log: log)
        let nonUTF8BeforePass2 = layer.nonUTF8Values
        var total = 0
        try layer.forEach(fields: wanted, geometry: useGeometry) { position, _, values, geometry in
            total += 1
            if position % 50_000 == 0 { progress?.update("reading \(role)", done: position, total: layer.featureCountIfFast) }
            let number = position + 1
            var row = ReadRow(position: number, values: [], point: nil, shape: nil)
            row.values.reserveCapacity(picks.count)
            for (k, p) in allPicks.enumerated() {
                guard let s = slots[k] else { row.values.append(.null); continue }
                let v = values[s]
                if p.number != nil, case .string(let text) = v, let format = formats[p.index!] {
                    if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        row.values.append(.null)
                    } else if let d = NumberText.value(text, decimal: format) {
                        row.values.append(.real(d))
                    } else {
                        row.values.append(v)
                    }
                } else {
                    row.values.append(v)
                }
            }
            if useGeometry {
                let g: Geometry?
                switch geometry {
                case .failure(let e):
                    try log.skip("unreadable geometry", feature: number, detail: "\(e)",
                                 error: .invalidGeometry(path: path, feature: number, detail: "\(e)"))
                    return
                case .success(let value): g = value
                }
                if let g, !g.isEmpty {
                    guard g.isFinite else {
                        try log.skip("non-finite coordinates", feature: number, detail: "NaN or infinite coordinate",
                                     error: .invalidGeometry(path: path, feature: number, detail: "NaN or infinite coordinate"))
                        return
                    }
                    if case .point(let c) = g { row.point = c } else { row.shape = g }
                } else if place != .pointIfAny {
                    try log.skip("no geometry", feature: number, detail: "empty or missing geometry",
                                 error: .invalidGeometry(path: path, feature: number, detail: "empty or missing geometry"))
                    return
                }
            } else if let (xi, yi) = xy {
                let xk = picks.count, yk = picks.count + 1
                let x = row.number(xk), y = row.number(yk)
                row.values.removeLast(2)
                switch (x, y) {
                case (.value(let a), .value(let b)):
                    row.point = Coordinate(x: a, y: b)
                case (.missing, .missing) where place == .pointIfAny:
                    break
                case (.missing, _), (_, .missing):
                    try log.skip("no coordinates", feature: number, detail: "\(names[xi]) or \(names[yi]) is empty",
                                 error: .invalidGeometry(path: path, feature: number, detail: "\(names[xi]) or \(names[yi]) is empty"))
                    return
                default:
                    let bad: (String, String) = { if case .invalid(let t) = x { return (names[xi], t) }
                        if case .invalid(let t) = y { return (names[yi], t) }; return (names[xi], "") }()
                    try log.skip("invalid coordinates", feature: number, detail: "\(bad.0) = '\(bad.1)' is not a number in the column's format",
                                 error: .invalidValue(path: path, feature: number, field: bad.0, expected: "a coordinate (\(described[bad.0] ?? "a number"))", found: bad.1))
                    return
                }
            }
            try stream.add(row, body)
        }
        try stream.finish(body)
        progress?.finish()
        if total == 0 { throw InputError.emptyLayer(path: path, layer: layer.name) }
        if stream.passed == 0 {
            throw InputError.noUsableFeatures(path: path, skipped: log.total, firstReason: log.examples.first ?? "no geometry")
        }
        if layer.nonUTF8Values > nonUTF8BeforePass2 {
            log.warnings.append("\(path): \(layer.nonUTF8Values - nonUTF8BeforePass2) text values are not valid UTF-8 and were read as Windows-1252 (Latin-1), e.g. '\(layer.nonUTF8Example ?? "")'. Save the file as UTF-8 to be sure names read right.")
        }
        return Result(fieldNames: names, layer: layer.name, driver: source.driverName,
                      crs: stream.crs ?? "none", crsSource: stream.crsSource ?? "none", total: total, log: log,
                      numberFormats: described, coordinateFields: xy.map { (names[$0.0], names[$0.1]) })
    }

    /// A line, or points at several places: a geometry that one point on
    /// surface stands for only by choice (for a line, GEOS takes the vertex
    /// nearest its centroid), so its placement is counted and said.
    static func isNeitherPointNorArea(_ g: Geometry) -> Bool {
        if g.isPolygonal { return false }
        switch g {
        case .point: return false
        case .multiPoint(let cs): return Set(cs).count > 1
        default: return true
        }
    }

    /// Why a geometry `isNeitherPointNorArea` cannot stand for one place.
    static func notPlaceable(_ shape: Geometry) -> String { "a \(shape.typeName), expected a point or a polygon" }

    /// A feature of `read(pick:)` that is a line or points of several places
    /// where one place is meant: refused under --strict, else its
    /// "position (type)" for the caller's warning; nil for points and areas.
    func nonArealNote(_ f: RawFeature) throws -> String? {
        guard let shape = f.shape, Self.isNeitherPointNorArea(shape) else { return nil }
        if strict { throw InputError.invalidGeometry(path: path, feature: f.position, detail: Self.notPlaceable(shape)) }
        return "\(f.position) (\(shape.typeName))"
    }

    /// The x and y columns: `--x-field`/`--y-field` when the layer has them,
    /// else the first candidates present.
    private func coordinateColumns(_ r: FieldResolver, required: Bool) throws -> (Int, Int)? {
        let xs = (xField.map { [$0] } ?? []) + Self.xCandidates, ys = (yField.map { [$0] } ?? []) + Self.yCandidates
        if let x = try r.firstMatch(xs), let y = try r.firstMatch(ys), x != y { return (x, y) }
        if !required { return nil }
        throw InputError.missingCoordinates(path: path, triedX: xs, triedY: ys, available: r.fieldNames,
                                            hint: role == "practices" ? ", or place practices by postcode with --postcode-points FILE" :
                                                role == "population" ? ", or join the table to polygons with --population-geometry FILE --population-key FIELD" : "")
    }

    /// The whole layer as raw features with text values (housing sites and
    /// plan candidates, which are small).
    func read(pick: (FieldResolver) throws -> [Int], progress: Progress? = nil) throws -> (Result, [Int]) {
        var wanted: [Int] = []
        var features: [RawFeature] = []
        var result = try stream(pick: { r in
            wanted = try pick(r)
            return wanted.map { .text($0 >= 0 ? $0 : nil) }
        }, place: .shape, progress: progress) { row in
            let values = zip(wanted, row.values).filter { $0.0 >= 0 }.map(\.1)
            features.append(RawFeature(position: row.position, values: values, point: row.point, shape: row.shape))
        }
        result.features = features
        return (result, wanted)
    }

    /// Decides the CRS from the first chunk, then reprojects chunk by chunk.
    private struct ChunkStream {
        let reader: LayerReader
        let layerCRS: String?
        let place: PlaceNeed
        let log: SkipLog
        var pending: [ReadRow] = []
        var crs: String?
        var crsSource: String?
        var transformer: CoordinateTransformer?
        var engine: GeometryEngine?
        var passed = 0
        var placed = 0
        var outside = 0
        /// Lines (and points of several places) reduced to one point, by geometry type.
        var reducedNonAreal: [String: Int] = [:]

        init(reader: LayerReader, layerCRS: String?, place: PlaceNeed, log: SkipLog) {
            self.reader = reader
            self.layerCRS = layerCRS
            self.place = place
            self.log = log
            pending.reserveCapacity(LayerReader.chunkSize)
        }

        mutating func add(_ row: ReadRow, _ body: (ReadRow) throws -> Void) throws {
            pending.append(row)
            if pending.count >= LayerReader.chunkSize { try flush(body) }
        }

        mutating func finish(_ body: (ReadRow) throws -> Void) throws {
            try flush(body)
            if outside > 0 {
                log.warnings.append("\(reader.path): \(outside) of \(placed) features lie outside the Netherlands after transformation from \(CRSInfo.name(crs ?? "")) — often latitude and longitude swapped, or a wrong --crs.")
            }
            if !reducedNonAreal.isEmpty {
                let kinds = reducedNonAreal.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                log.warnings.append("\(reader.path): \(reducedNonAreal.values.reduce(0, +)) features are not points or polygons (\(kinds)); each is placed at its point on surface (for a line, the vertex nearest its centroid). Is this the right layer? (--strict refuses them.)")
            }
        }

        /// A line, or points at several places, where one place is expected:
        /// refused under --strict, else counted (the warning in `finish`).
        private mutating func checkPlaceable(_ row: ReadRow) throws {
            guard let shape = row.shape, LayerReader.isNeitherPointNorArea(shape) else { return }
            let detail = LayerReader.notPlaceable(shape)
            if log.strict {
                throw InputError.invalidGeometry(path: reader.path, feature: row.position, detail: detail)
            }
            reducedNonAreal[shape.typeName, default: 0] += 1
            log.note(feature: row.position, detail: detail + " (placed at its point on surface)")
        }

        private mutating func flush(_ body: (ReadRow) throws -> Void) throws {
            defer { pending.removeAll(keepingCapacity: true) }
            if place == .none {
                for row in pending { passed += 1; try body(row) }
                return
            }
            if transformer == nil {
                let sample = pending.lazy.compactMap { $0.point ?? $0.shape?.envelope.center }.prefix(5_000)
                if !sample.isEmpty || layerCRS != nil {
                    let (c, s) = try reader.decideCRS(layerCRS: layerCRS, sample: Array(sample), log: log)
                    crs = c
                    crsSource = s
                    transformer = try CoordinateTransformer(from: c, to: CoordinateTransformer.rdNew)
                } else {
                    // Nothing placed yet (a table, or practices to geocode).
                    for row in pending { passed += 1; try body(row) }
                    return
                }
            }
            guard let transformer else { return }
            let pointRows = pending.indices.filter { pending[$0].point != nil }
            var xs = pointRows.map { pending[$0].point!.x }, ys = pointRows.map { pending[$0].point!.y }
            try transformer.transform(xs: &xs, ys: &ys)
            var drop = [Bool](repeating: false, count: pending.count)
            for (k, i) in pointRows.enumerated() {
                if xs[k].isNaN || !xs[k].isFinite || !ys[k].isFinite {
                    let detail = "coordinate \(pending[i].point!) cannot be transformed from \(CoordinateTransformer.short(crs!))"
                    try log.skip("cannot be transformed", feature: pending[i].position, detail: detail,
                                 error: .invalidGeometry(path: reader.path, feature: pending[i].position, detail: detail))
                    drop[i] = true
                } else {
                    pending[i].point = Coordinate(x: xs[k], y: ys[k])
                }
            }
            for i in pending.indices where pending[i].shape != nil {
                if place != .shape { try checkPlaceable(pending[i]) }
                do {
                    let moved = try transformer.transform(pending[i].shape!)
                    if place == .shape {
                        pending[i].shape = moved
                    } else {
                        if engine == nil { engine = try GeometryEngine() }
                        pending[i].point = try engine!.pointOnSurface(moved)
                        pending[i].shape = nil
                    }
                } catch {
                    try log.skip(place == .shape ? "cannot be transformed" : "no point on surface", feature: pending[i].position, detail: "\(error)",
                                 error: .invalidGeometry(path: reader.path, feature: pending[i].position, detail: "\(error)"))
                    drop[i] = true
                }
            }
            for i in pending.indices where !drop[i] {
                let row = pending[i]
                if let c = row.point ?? row.shape?.envelope.center {
                    placed += 1
                    if !CRSDetection.netherlandsRD.contains(c) { outside += 1 }
                }
                passed += 1
                try body(row)
            }
        }
    }

    fileprivate func decideCRS(layerCRS: String?, sample: [Coordinate], log: SkipLog) throws -> (String, String) {
        if let forceCRS {
            if let layerCRS, !Self.sameCRS(layerCRS, forceCRS) {
                log.warnings.append("\(path): its declared CRS \(CRSInfo.name(layerCRS)) is overridden by --force-crs \(forceCRS).")
            }
            return (forceCRS, "--force-crs")
        }
        if let layerCRS {
            if let crsOverride, !Self.sameCRS(layerCRS, crsOverride) {
                throw InputError.crsMismatch(path: path, declared: CRSInfo.name(layerCRS), given: crsOverride)
            }
            return (layerCRS, "file")
        }
        if let crsOverride { return (crsOverride, "--crs") }
        switch CRSDetection.guess(sample) {
        case .rdNew:
            log.warnings.append("\(path) has no CRS; its coordinates lie in the Netherlands in RD New metres, so EPSG:28992 is used (pass --crs to choose another).")
            return (CoordinateTransformer.rdNew, "detected")
        case .wgs84:
            log.warnings.append("\(path) has no CRS; its coordinates lie in the Netherlands in WGS84 degrees (x = longitude), so EPSG:4326 is used (pass --crs to choose another).")
            return (CoordinateTransformer.wgs84, "detected")
        case .swappedWGS84:
            throw InputError.unknownCRS(path: path, detail: "has no CRS, and its coordinates look like WGS84 with latitude and longitude swapped (x around 51–53, y around 3–7). Swap the columns, or pass --crs.")
        case .unknown(let example):
            throw InputError.unknownCRS(path: path, detail: "has no CRS, and its coordinates (e.g. \(example)) are neither RD New metres nor WGS84 degrees inside the Netherlands. Pass --crs, e.g. --crs EPSG:28992.")
        }
    }

    /// Same CRS as far as names go: "EPSG:4326" = "epsg:4326"; WGS84 lon/lat
    /// (OGC:CRS84, what GeoJSON declares) counts as EPSG:4326.
    static func sameCRS(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String {
            let u = s.trimmingCharacters(in: .whitespaces).uppercased()
            return u == "OGC:CRS84" || u == "CRS84" ? "EPSG:4326" : u
        }
        return norm(a) == norm(b)
    }
}

extension Envelope {
    var center: Coordinate { Coordinate(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
}
