import Foundation
import Geo

/// One feature as read, before it becomes a domain value. Point geometries
/// are kept as coordinates so a whole layer can be reprojected in one call.
struct RawFeature {
    var position: Int
    var values: [FieldValue]
    var point: Coordinate?
    var shape: Geometry?
}

/// Reads a layer's features, decides its CRS and brings every geometry to
/// EPSG:28992. Features without a usable geometry are skipped and counted.
struct LayerReader {
    let role: String
    let path: String
    let layerName: String?
    let crsOverride: String?
    let strict: Bool

    struct Result {
        var features: [RawFeature]
        var fieldNames: [String]
        var layer: String
        var driver: String
        var crs: String
        var crsSource: String
        var total: Int
        var log: SkipLog
    }

    /// `pick` chooses which fields to read, given the layer's field names.
    func read(pick: (FieldResolver) throws -> [Int], progress: Progress? = nil) throws -> (Result, [Int]) {
        let source = try VectorSource(path: path)
        let layer = try layerName.map { try source.layer(named: $0) } ?? source.layer(0)
        let names = layer.fields.map(\.name)
        if layer.featureCountIfFast == 0 { throw InputError.emptyLayer(path: path, layer: layer.name) }
        let wanted = try pick(FieldResolver(path: path, fieldNames: names))
        let log = SkipLog(path: path, strict: strict)
        var rows = [RawFeature]()
        if let n = layer.featureCountIfFast { rows.reserveCapacity(n) }
        var total = 0
        try layer.forEach(fields: wanted.filter { $0 >= 0 }) { position, _, values, geometry in
            total += 1
            if position % 50_000 == 0 { progress?.update("reading \(role)", done: position, total: layer.featureCountIfFast) }
            let number = position + 1
            let g: Geometry?
            switch geometry {
            case .failure(let e):
                try log.skip("unreadable geometry", feature: number, detail: "\(e)",
                             error: .invalidGeometry(path: path, feature: number, detail: "\(e)"))
                return
            case .success(let value): g = value
            }
            guard let g, !g.isEmpty else {
                try log.skip("no geometry", feature: number, detail: "empty or missing geometry",
                             error: .invalidGeometry(path: path, feature: number, detail: "empty or missing geometry"))
                return
            }
            guard g.isFinite else {
                try log.skip("non-finite coordinates", feature: number, detail: "NaN or infinite coordinate",
                             error: .invalidGeometry(path: path, feature: number, detail: "NaN or infinite coordinate"))
                return
            }
            if case .point(let c) = g {
                rows.append(RawFeature(position: number, values: values, point: c, shape: nil))
            } else {
                rows.append(RawFeature(position: number, values: values, point: nil, shape: g))
            }
        }
        progress?.finish()
        if total == 0 { throw InputError.emptyLayer(path: path, layer: layer.name) }
        if rows.isEmpty {
            throw InputError.noUsableFeatures(path: path, skipped: log.total, firstReason: log.examples.first ?? "no geometry")
        }
        let (crs, crsSource) = try decideCRS(layerCRS: layer.crs, rows: rows, log: log)
        try reproject(&rows, from: crs, log: log)
        let result = Result(features: rows, fieldNames: names, layer: layer.name, driver: source.driverName,
                            crs: crs, crsSource: crsSource, total: total, log: log)
        return (result, wanted)
    }

    private func decideCRS(layerCRS: String?, rows: [RawFeature], log: SkipLog) throws -> (String, String) {
        if let crsOverride { return (crsOverride, "--crs") }
        if let layerCRS { return (layerCRS, "file") }
        let sample = rows.prefix(5_000).map { $0.point ?? $0.shape!.envelope.center }
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

    private func reproject(_ rows: inout [RawFeature], from crs: String, log: SkipLog) throws {
        let transformer = try CoordinateTransformer(from: crs, to: CoordinateTransformer.rdNew)
        let pointRows = rows.indices.filter { rows[$0].point != nil }
        var xs = pointRows.map { rows[$0].point!.x }, ys = pointRows.map { rows[$0].point!.y }
        try transformer.transform(xs: &xs, ys: &ys)
        var drop = Set<Int>()
        for (k, i) in pointRows.enumerated() {
            if xs[k].isNaN {
                try log.skip("cannot be transformed", feature: rows[i].position,
                             detail: "coordinate \(rows[i].point!) cannot be transformed from \(CoordinateTransformer.short(crs))",
                             error: .invalidGeometry(path: path, feature: rows[i].position, detail: "coordinate \(rows[i].point!) cannot be transformed from \(crs)"))
                drop.insert(i)
            } else {
                rows[i].point = Coordinate(x: xs[k], y: ys[k])
            }
        }
        for i in rows.indices where rows[i].shape != nil {
            do {
                rows[i].shape = try transformer.transform(rows[i].shape!)
            } catch {
                try log.skip("cannot be transformed", feature: rows[i].position, detail: "\(error)",
                             error: .invalidGeometry(path: path, feature: rows[i].position, detail: "\(error)"))
                drop.insert(i)
            }
        }
        if !drop.isEmpty { rows = rows.enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
        let outside = rows.filter { !CRSDetection.netherlandsRD.contains($0.point ?? $0.shape!.envelope.center) }.count
        if outside > 0 {
            log.warnings.append("\(path): \(outside) of \(rows.count) features lie outside the Netherlands after transformation from \(CRSInfo.name(crs)) — often latitude and longitude swapped, or a wrong --crs.")
        }
    }
}

extension Envelope {
    var center: Coordinate { Coordinate(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
}
