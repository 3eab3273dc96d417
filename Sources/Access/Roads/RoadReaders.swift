import Foundation
import Geo

/// Why roads could not be read.
public enum RoadReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The layer has no CRS and none was given.
    case missingCRS(path: String, layer: String)
    /// No layer with line geometries.
    case noLineLayer(path: String, layers: [String])
    /// A field named in the options does not exist.
    case missingField(path: String, layer: String, field: String, available: [String])

    public var description: String {
        switch self {
        case .missingCRS(let path, let layer):
            return "\(path), layer '\(layer)': the layer has no coordinate reference system; pass its CRS (e.g. --roads-crs EPSG:28992 or EPSG:4326; --crs applies too)"
        case .noLineLayer(let path, let layers):
            return "\(path): no layer with line geometries (layers: \(layers.joined(separator: ", ")))"
        case .missingField(let path, let layer, let field, let available):
            return "\(path), layer '\(layer)': no field '\(field)' (fields: \(available.joined(separator: ", ")))"
        }
    }
}

/// What a road reader did.
public struct RoadFileCounts: Sendable, Hashable {
    public var path = ""
    public var layer = ""
    /// The CRS the lines were read in (transformed to EPSG:28992).
    public var crs = ""
    public var features = 0
    /// Lines passed to the builder (a multi-line counts once per part).
    public var lines = 0
    public var skippedNoGeometry = 0
    public var skippedNotLine = 0
    /// OSM ways no profile may use (or non-road `lines` features).
    public var skippedNotRoad = 0
    public var skippedTransform = 0
    /// SHA-256 of the road file (nil: not a regular file).
    public var sha256: String?
    /// Road features whose `maxspeed` is not a speed or not a plausible one
    /// (`TravelProfile.plausibleMaxSpeedKmh`): their class speed is used.
    public var maxspeedNotUsed = 0
    /// The least such text (by text, so that it does not depend on the
    /// features' order), cut to 40 characters for the summary.
    public var maxspeedNotUsedExample: String?
    /// Classes a `--profile` adds (`TravelProfile.addedClasses`) that no
    /// feature of the file has: a misspelt class changes nothing, silently.
    public var profileClassesWithoutRoads: [String] = []
    public init() {}

    /// Counts a road feature's `maxspeed` that is not used.
    mutating func note(maxspeed text: String, _ reading: TravelProfile.MaxSpeedReading) {
        guard reading == .notUsed else { return }
        maxspeedNotUsed += 1
        let example = String(text.prefix(40))
        if maxspeedNotUsedExample.map({ example < $0 }) ?? true { maxspeedNotUsedExample = example }
    }
}

/// Transforms lines into EPSG:28992 (identity when already there).
struct RDProjector {
    let transformer: CoordinateTransformer?

    init(crs: String) throws {
        let upper = crs.uppercased()
        transformer = (upper == "EPSG:28992") ? nil : try CoordinateTransformer(from: crs, to: CoordinateTransformer.rdNew)
    }

    func project(_ cs: [Coordinate]) -> [Coordinate]? {
        guard let transformer else { return cs }
        guard let out = try? transformer.transform(cs), out.allSatisfy(\.isFinite) else { return nil }
        return out
    }
}

/// Line parts of a geometry, or nil when it is not linear.
func lineParts(_ g: Geometry) -> [[Coordinate]]? {
    switch g {
    case .lineString(let cs): return [cs]
    case .multiLineString(let parts): return parts
    case .collection(let gs):
        var out = [[Coordinate]]()
        for part in gs { guard let p = lineParts(part) else { return nil }; out += p }
        return out
    default: return nil
    }
}

/// Reads OSM roads through GDAL's OSM driver (`.osm.pbf` or `.osm`): layer
/// `lines`, fields `highway` and `other_tags` (hstore text). Ways are
/// interpreted with `RoadLine.fromOSM` against the builder's profiles and
/// transformed to EPSG:28992.
public enum OSMRoadReader {
    public static func read(path: String, into builder: RoadGraphBuilder) throws -> RoadFileCounts {
        let source = try VectorSource(path: path)
        let layer = try source.layer(named: "lines")
        var report = RoadFileCounts()
        report.path = path; report.layer = layer.name
        // GDAL's OSM driver always reports WGS84.
        let crs = layer.crs ?? CoordinateTransformer.wgs84
        report.crs = crs
        let projector = try RDProjector(crs: crs)
        guard let hw = layer.fieldIndex("highway") else {
            throw RoadReadError.missingField(path: path, layer: layer.name, field: "highway", available: layer.fields.map(\.name))
        }
        let tagsIndex = layer.fieldIndex("other_tags")
        let profiles = builder.profiles.compactMap { $0 }
        let profileAdded = TravelProfile.addedClasses(profiles)
        var addedFound = Set<String>()
        try layer.forEach(fields: [hw] + (tagsIndex.map { [$0] } ?? [])) { _, _, values, geometry in
            report.features += 1
            guard let highway = values[0].text, !highway.isEmpty else { report.skippedNotRoad += 1; return }
            if !profileAdded.isEmpty && profileAdded.contains(highway) { addedFound.insert(highway) }
            let tags = values.count > 1 ? (values[1].text.map(OSMTags.parse) ?? [:]) : [:]
            guard case .success(let g?) = geometry else { report.skippedNoGeometry += 1; return }
            guard let parts = lineParts(g) else { report.skippedNotLine += 1; return }
            var added = false
            for part in parts {
                guard let rd = projector.project(part) else { report.skippedTransform += 1; continue }
                guard let line = RoadLine.fromOSM(coordinates: rd, highway: highway, tags: tags, profiles: profiles) else {
                    report.skippedNotRoad += 1; continue
                }
                builder.add(line)
                report.lines += 1
                added = true
            }
            if added, let text = tags["maxspeed"] { report.note(maxspeed: text, TravelProfile.readMaxSpeed(text)) }
        }
        report.profileClassesWithoutRoads = profileAdded.subtracting(addedFound).sorted()
        return report
    }
}

/// Options for reading roads from any OGR line layer.
public struct LineRoadOptions: Sendable, Hashable {
    /// Layer name; nil = the first layer (a GML/GeoJSON/Shapefile road file
    /// usually has one).
    public var layer: String?
    /// CRS of the coordinates when the layer has none (or to override it).
    public var crs: String?
    /// Field with the road class (OSM highway value). Default: `highway` when
    /// present, else NWB `wegbehsrt` mapped (R → motorway, P → secondary,
    /// G/W → unclassified, T → service), else `unclassified` for every line.
    public var classField: String?
    /// Field with the direction. Default: `oneway`, else NWB `rijrichtng`.
    /// Values: `H`, `yes`, `1`, `true`, `FT`, `forward` = only in digitising
    /// direction; `T`, `-1`, `TF`, `backward`, `reverse` = only against it;
    /// `B`, `O`, `no`, empty = both.
    public var onewayField: String?
    /// Field with a maximum speed (km/h or OSM maxspeed text). Default: `maxspeed` when present.
    public var maxspeedField: String?
    /// Junction id fields at the first and last vertex. Default:
    /// `jte_id_beg` / `jte_id_end` when both are present (NWB).
    public var startJunctionField: String?
    public var endJunctionField: String?
    /// Modes allowed on every line (access tags are not read from plain
    /// layers). A line is further limited to the modes whose profile lists its
    /// class (no cars on a `cycleway`, no bicycles on a `motorway`) unless no
    /// profile lists it.
    public var allowed: ModeSet = .all

    public init(layer: String? = nil, crs: String? = nil) {
        self.layer = layer
        self.crs = crs
    }
}

/// Reads roads from a plain line layer (NWB wegvakken, a Shapefile, a
/// GeoPackage) and transforms them to EPSG:28992.
public enum LineRoadReader {
    /// Maps an NWB `wegbehsrt` (road authority) code to a road class.
    public static func nwbClass(_ wegbehsrt: String) -> String {
        switch wegbehsrt.uppercased() {
        case "R": return "motorway"
        case "P": return "secondary"
        case "G", "W": return "unclassified"
        case "T": return "service"
        default: return "unclassified"
        }
    }

    /// Interprets a direction value (NWB `rijrichtng` or an oneway flag).
    public static func direction(_ value: String?) -> RoadDirection {
        guard let v = value?.trimmingCharacters(in: .whitespaces).lowercased() else { return .both }
        switch v {
        case "h", "yes", "1", "true", "ft", "forward", "f": return .forward
        case "t", "-1", "tf", "backward", "reverse": return .backward
        default: return .both
        }
    }

    public static func read(path: String, options: LineRoadOptions = LineRoadOptions(),
                            into builder: RoadGraphBuilder) throws -> RoadFileCounts {
        let source = try VectorSource(path: path)
        let layer = try options.layer.map { try source.layer(named: $0) } ?? source.layer(0)
        var report = RoadFileCounts()
        report.path = path; report.layer = layer.name
        guard let crs = options.crs ?? layer.crs else { throw RoadReadError.missingCRS(path: path, layer: layer.name) }
        report.crs = crs
        let projector = try RDProjector(crs: crs)
        func field(_ explicit: String?, defaults: [String]) throws -> Int? {
            if let explicit {
                guard let i = layer.fieldIndex(explicit) else {
                    throw RoadReadError.missingField(path: path, layer: layer.name, field: explicit, available: layer.fields.map(\.name))
                }
                return i
            }
            for d in defaults { if let i = layer.fieldIndex(d) { return i } }
            return nil
        }
        let classIndex = try field(options.classField, defaults: ["highway"])
        let nwbClassIndex = classIndex == nil ? layer.fieldIndex("wegbehsrt") : nil
        let onewayIndex = try field(options.onewayField, defaults: ["oneway", "rijrichtng"])
        let maxspeedIndex = try field(options.maxspeedField, defaults: ["maxspeed"])
        var startIndex = try field(options.startJunctionField, defaults: ["jte_id_beg"])
        var endIndex = try field(options.endJunctionField, defaults: ["jte_id_end"])
        if startIndex == nil || endIndex == nil { startIndex = nil; endIndex = nil }
        let wanted = [classIndex, nwbClassIndex, onewayIndex, maxspeedIndex, startIndex, endIndex]
        let fieldList = wanted.compactMap { $0 }
        func position(_ i: Int?) -> Int? { i.flatMap { fieldList.firstIndex(of: $0) } }
        let pClass = position(classIndex), pNWB = position(nwbClassIndex), pOneway = position(onewayIndex)
        let pMax = position(maxspeedIndex), pStart = position(startIndex), pEnd = position(endIndex)

        func integer(_ v: FieldValue) -> Int64? {
            switch v {
            case .integer(let i): return i
            case .real(let d): return d.isFinite ? Int64(d) : nil
            case .string(let s): return Int64(s.trimmingCharacters(in: .whitespaces))
            case .boolean, .null: return nil
            }
        }

        // Per class, not per line: a network has a handful of classes and millions of lines.
        var modesByClass: [String: ModeSet] = [:]
        func classModes(_ highway: String) -> ModeSet {
            if let known = modesByClass[highway] { return known }
            var modes: ModeSet = []
            for p in builder.profiles.compactMap({ $0 }) where p.usesClass(highway) { modes.insert(ModeSet(p.mode)) }
            modesByClass[highway] = modes
            return modes
        }

        var directions = TextMemo(direction)
        var maxspeeds = TextMemo(TravelProfile.readMaxSpeed)

        layer.skipFields(except: fieldList)
        // Parsing the rows (GDAL, one thread) and finding each vertex's node
        // (the builder) each take a large share: the builder takes the lines
        // in batches on a second thread, in the file's order.
        let batchSize = 4_096
        try ParallelWork.pipeline(produce: { emit in
            var batch = [RoadLine]()
            batch.reserveCapacity(batchSize)
            try layer.forEach(fields: fieldList) { _, _, values, geometry in
                report.features += 1
                guard case .success(let g?) = geometry else { report.skippedNoGeometry += 1; return }
                guard let parts = lineParts(g) else { report.skippedNotLine += 1; return }
                let highway: String
                if let p = pClass, let t = values[p].text, !t.isEmpty { highway = t }
                else if let p = pNWB, let t = values[p].text { highway = nwbClass(t) }
                else { highway = "unclassified" }
                let dir = pOneway.flatMap { values[$0].text }.map { directions.value($0) } ?? .both
                var maxspeed: Double?
                if let text = pMax.flatMap({ values[$0].text }) {
                    let reading = maxspeeds.value(text)
                    report.note(maxspeed: text, reading)
                    maxspeed = reading.speedKmh
                }
                let start = pStart.flatMap { integer(values[$0]) }
                let end = pEnd.flatMap { integer(values[$0]) }
                // Modes whose profile uses the class (a cycleway is not for cars, a
                // motorway not for bicycles); a class no profile knows keeps `allowed`.
                var allowed = options.allowed
                let byClass = options.allowed.intersection(classModes(highway))
                if !byClass.isEmpty { allowed = byClass }
                for part in parts {
                    guard let rd = projector.project(part) else { report.skippedTransform += 1; continue }
                    // Junction ids describe the whole feature; use them only for a single part.
                    let single = parts.count == 1
                    batch.append(RoadLine(coordinates: rd, highway: highway, oneway: dir, maxspeedKmh: maxspeed,
                                          allowed: allowed,
                                          startJunction: single ? start : nil, endJunction: single ? end : nil))
                    report.lines += 1
                    if batch.count == batchSize { emit(batch); batch.removeAll(keepingCapacity: true) }
                }
            }
            if !batch.isEmpty { emit(batch) }
        }, consume: { lines in
            for line in lines { builder.add(line) }
        })
        report.profileClassesWithoutRoads = TravelProfile.addedClasses(builder.profiles.compactMap { $0 })
            .subtracting(modesByClass.keys).sorted()
        return report
    }
}
