import Foundation
import Geo
import Access

/// Writes the default data set as RFC 7946 GeoJSON (WGS84 lon/lat) into a
/// folder: `population.geojson`, `practices.geojson`, `gemeenten.geojson`,
/// `roads.geojson`.
/// Each file is written under a temporary name and renamed when complete.
public enum DefaultDataWriter {
    public static let populationFile = "population.geojson"
    public static let practicesFile = "practices.geojson"
    public static let municipalitiesFile = "gemeenten.geojson"
    public static let roadsFile = "roads.geojson"
    public static let statusHistoryFile = "status_history.csv"

    public static func write(_ data: DefaultDataSet, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let toWGS84 = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)

        try writeLayer(folder, populationFile, name: "population", geometry: .point, fields: [
            FieldDefinition("id", .string), FieldDefinition("inhabitants", .integer),
            FieldDefinition("inhabitants_65plus", .integer), FieldDefinition("postcode", .string),
        ], rows: try data.population.map { p in
            ([.string(p.id), .integer(Int64(p.inhabitants)), p.inhabitants65plus.map { .integer(Int64($0)) } ?? .null,
              optional(p.postcode?.description)],
             Geometry.point(try toWGS84.transform(p.location)))
        })

        try writeLayer(folder, practicesFile, name: "practices", geometry: .point, fields: [
            FieldDefinition("id", .string), FieldDefinition("name", .string), FieldDefinition("status", .string),
            FieldDefinition("status_date", .string), FieldDefinition("status_source", .string),
            FieldDefinition("gp_fte", .real), FieldDefinition("list_size", .integer),
            FieldDefinition("eligible_postcodes", .string),
        ], rows: try data.practices.map { p in
            ([.string(p.id), .string(p.name), .string(p.status.rawValue), optional(p.statusDate),
              optional(p.statusSource), p.gpFTE.map { .real($0) } ?? .null,
              p.listSize.map { .integer(Int64($0)) } ?? .null, optional(postcodeList(p.eligibility))],
             Geometry.point(try toWGS84.transform(p.location)))
        })

        try writeLayer(folder, municipalitiesFile, name: "gemeenten", geometry: .multiPolygon, fields: [
            FieldDefinition("code", .string), FieldDefinition("name", .string), FieldDefinition("designation", .string),
        ], rows: try data.regions.map { r in
            ([.string(r.id), .string(r.name), optional(r.designation)],
             multiPolygon(try toWGS84.transform(r.geometry)))
        })

        let historyPath = (folder as NSString).appendingPathComponent(statusHistoryFile)
        let historyTemporary = historyPath + ".tmp-\(getpid())"
        try statusHistoryText(data.statusHistory).write(toFile: historyTemporary, atomically: false, encoding: .utf8)
        // rename(2) replaces an existing file atomically; returns 0 on success.
        guard rename(historyTemporary, historyPath) == 0 else {
            throw GeoError.gdal(path: historyPath, message: "cannot rename \(historyTemporary): \(String(cString: strerror(errno)))")
        }

        // Fields as `LineRoadReader` reads them: highway (class), oneway, maxspeed.
        try writeLayer(folder, roadsFile, name: "roads", geometry: .lineString, fields: [
            FieldDefinition("highway", .string), FieldDefinition("maxspeed", .integer),
            FieldDefinition("oneway", .string), FieldDefinition("name", .string),
        ], rows: try data.roads.map { road in
            let l = road.line
            let oneway: String
            switch l.oneway {
            case .both: oneway = "no"
            case .forward: oneway = "yes"
            case .backward: oneway = "-1"
            }
            return ([.string(l.highway), l.maxspeedKmh.map { .integer(Int64($0)) } ?? .null, .string(oneway),
                     optional(road.name)],
                    Geometry.lineString(try toWGS84.transform(l.coordinates)))
        })
    }

    /// Written like the practice list field reads it: "9411-9413; 9417".
    static func postcodeList(_ area: EligibilityArea?) -> String? {
        guard case .postcodes(let set)? = area else { return nil }
        return set.pc4Ranges.map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: "; ")
    }

    /// `status_history.csv`: practice_id, date_from, status, eligible_postcodes, source; by practice, then date.
    static func statusHistoryText(_ rows: [StatusChange]) -> String {
        var text = "practice_id,date_from,status,eligible_postcodes,source\n"
        for r in rows {
            let list = postcodeList(r.eligibility).map { "\"\($0)\"" } ?? ""
            text += "\(r.practiceID),\(r.from),\(r.status.rawValue),\(list),\(r.source ?? "")\n"
        }
        return text
    }

    private static func optional(_ s: String?) -> FieldValue {
        s.map { .string($0) } ?? .null
    }

    /// The layer is declared MultiPolygon, so single polygons are wrapped.
    private static func multiPolygon(_ g: Geometry) -> Geometry {
        if case .polygon(let rings) = g { return .multiPolygon([rings]) }
        return g
    }

    private static func writeLayer(_ folder: String, _ file: String, name: String, geometry: GeometryKind,
                                   fields: [FieldDefinition], rows: [([FieldValue], Geometry)]) throws {
        let path = (folder as NSString).appendingPathComponent(file)
        let temporary = path + ".tmp-\(getpid())"  // per process: two runs never share a temporary file
        try? FileManager.default.removeItem(atPath: temporary)
        let writer = try VectorWriter(path: temporary, format: .geoJSON)
        let layer = try writer.addLayer(name: name, fields: fields, geometry: geometry, crs: CoordinateTransformer.wgs84)
        for (values, g) in rows {
            try layer.write(values, geometry: g)
        }
        try writer.close()
        // rename(2) replaces an existing file atomically; returns 0 on success.
        guard rename(temporary, path) == 0 else {
            throw GeoError.gdal(path: path, message: "cannot rename \(temporary): \(String(cString: strerror(errno)))")
        }
    }
}
